// Delivery metrics of a 60-minute speech the way the app computes them: the browser decodes (Range
// reads, half a minute at a time, decodeAudioData) and a Web Worker analyses, in the real app (built
// renderer, loopback host, Debian's Chromium). A data folder holds the speech without metrics.json;
// opening it in the library starts the computation (OwnSpeechMetrics → ensureSpeechMetrics), timed
// from the click on its title until the `speeches.saveMetrics` call has written metrics.json; the
// renderer processes' peak RSS over the idle library page meanwhile, in a Chromium no DevTools client
// watches while it computes (kit/unwatchedChromium.ts). Baseline in the same run, alternating:
// `ffmpeg -f null -` decoding the same file. WebM/Opus as recorded, and an M4A/AAC stored as an import.
// Goals (#15): ≤ 1.5× ffmpeg's time, ≤ 150 MB over idle (ffmpeg's own peak is not that measure).
// Run: npm run bench -- speechMetricsApp   (BENCH_ONLY=m4a or webm: one of the two files)
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { SpeechStore } from '../../electron/services/speeches/speechStore';
import { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import { createProfile, openScreen } from './kit/browser';
import { figures, log, mb, mib, showFigures } from './kit/figures';
import { declareGoal } from './kit/goals';
import { startHost } from './kit/host';
import { rendererPids, rssOf, sampleMax } from './kit/memory';
import { benchRuns } from './kit/runs';
import { launchUnwatchedChromium } from './kit/unwatchedChromium';
import {
  appendFile,
  benchDir,
  ensureSpeechAs,
  ensureSpeechDataDir,
  ffmpegDecode,
  paths,
  peaksOf,
  sampleRate,
  speechSeconds,
} from './speechKit';

const rounds = benchRuns();
const title = 'One-hour speech 一小时演讲';

interface Speech {
  label: string;
  /** The cached data folder holding it (never changed: each round works on a copy). */
  dataDir: string;
  speechId: string;
  /** The stored file, what ffmpeg decodes. */
  audioPath: string;
}

interface Run {
  ms: number;
  idleRss: number;
  peakRss: number;
  /** CPU time of the renderer processes while it ran (decoding, packet copying and analysis). */
  cpuMs: number;
  /** The same by thread name (the page's main thread, the metrics worker, the decoders), largest first. */
  threads: [string, number][];
  metrics: SpeechMetrics;
}

/** The M4A stored as the app stores an import: SpeechStore begin (source import), 1 MiB appends with peaks, finish. */
async function ensureImportedDataDir(file: string): Promise<Speech> {
  const dataDir = join(benchDir, 'data-60min-m4a');
  const root = join(dataDir, 'speeches');
  const done = existsSync(root)
    ? readdirSync(root).find((id) => existsSync(join(root, id, 'speech.json')))
    : undefined;
  if (!done) {
    await rm(dataDir, { recursive: true, force: true });
    log('storing the M4A through SpeechStore as an import …');
    const peaks = await peaksOf(file);
    const store = new SpeechStore(root);
    const { speechId } = await store.begin({
      source: 'import',
      mimeType: 'audio/mp4',
      title,
      sampleRate,
      samplesPerPixel: sampleRate / 100,
    });
    await appendFile(store, speechId, file, peaks);
    await store.finish(speechId, speechSeconds * 1000);
    return ensureImportedDataDir(file);
  }
  return { label: 'M4A/AAC (import)', dataDir, speechId: done, audioPath: join(root, done, 'audio.m4a') };
}

/** A fresh copy of the speech's folder without metrics.json, so the app has to compute them. */
function workingCopy(speech: Speech): string {
  const dir = join(benchDir, 'metrics-app-data');
  rmSync(dir, { recursive: true, force: true });
  cpSync(speech.dataDir, dir, { recursive: true });
  rmSync(join(dir, 'speeches', speech.speechId, 'metrics.json'), { force: true });
  return dir;
}

/** utime + stime so far of each thread of the processes, in ms (10 ms ticks), by pid/tid with its name. */
function threadCpu(pids: readonly number[]): Map<string, { name: string; ms: number }> {
  const threads = new Map<string, { name: string; ms: number }>();
  for (const pid of pids) {
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // Gone.
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        threads.set(`${pid}/${tid}`, { name, ms: (Number(fields[11]) + Number(fields[12])) * 10 });
      } catch {
        // Gone.
      }
    }
  }
  return threads;
}

/**
 * CPU time of the processes' threads from now until stopped, by thread name, largest first. Polled,
 * because a thread that ends (the metrics worker's, once it answers) takes its count with it.
 */
function watchThreadCpu(pids: readonly number[], intervalMs = 50) {
  const before = threadCpu(pids);
  const seen = new Map(before);
  const poll = setInterval(() => {
    for (const [key, thread] of threadCpu(pids)) seen.set(key, thread);
  }, intervalMs);
  return {
    stop(): [string, number][] {
      clearInterval(poll);
      for (const [key, thread] of threadCpu(pids)) seen.set(key, thread);
      const byName = new Map<string, number>();
      for (const [key, { name, ms }] of seen) {
        const spent = ms - (before.get(key)?.ms ?? 0);
        if (spent > 0) byName.set(name, (byName.get(name) ?? 0) + spent);
      }
      return [...byName].sort((a, b) => b[1] - a[1]);
    },
  };
}

async function computeInApp(speech: Speech): Promise<Run> {
  const dataDir = workingCopy(speech);
  const stored = join(dataDir, 'speeches', speech.speechId, 'metrics.json');
  const host = await startHost(dataDir);
  const chromium = await launchUnwatchedChromium();
  try {
    await chromium.setUp(async (page) => {
      await createProfile(page, await host.newEntryUrl());
      await openScreen(page, '3', /^(Library|演讲库)$/);
      await page.getByRole('button', { name: title, exact: true }).waitFor();
    });
    await setTimeout(1500);
    const pids = rendererPids();
    const idleRss = rssOf(pids);
    const cpu = watchThreadCpu(pids);
    const rss = sampleMax(() => rssOf(pids), 25);
    const started = performance.now();
    await chromium.evaluate(
      `[...document.querySelectorAll('button')].find((b) => b.textContent === ${JSON.stringify(title)}).click()`,
    );
    // The host writes metrics.json atomically when it answers speeches.saveMetrics.
    while (!existsSync(stored)) {
      if (performance.now() - started > 600_000) throw new Error('no metrics after ten minutes');
      await setTimeout(10);
    }
    const ms = performance.now() - started;
    const peakRss = await rss.stop();
    const threads = cpu.stop();
    const cpuMs = threads.reduce((sum, [, ms]) => sum + ms, 0);
    const metrics = SpeechMetrics.parse(JSON.parse(readFileSync(stored, 'utf8')));
    return { ms, idleRss, peakRss, cpuMs, threads, metrics };
  } finally {
    await chromium.close();
    await host.close();
  }
}

async function main(): Promise<void> {
  log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (2 cores, shared with other work)`,
  );
  const webm = await ensureSpeechDataDir();
  const m4a = ensureSpeechAs('m4a', ['-c:a', 'aac', '-b:a', '96k', '-ac', '1', '-ar', '44100']);
  const speeches: Speech[] = [
    { label: 'WebM/Opus (recording)', dataDir: paths.dataDir, ...webm },
    await ensureImportedDataDir(m4a),
  ];
  const only = process.env.BENCH_ONLY;
  for (const speech of speeches.filter((s) => !only || s.label.toLowerCase().includes(only))) {
    log(`\n${speech.label}, ${mb(statSync(speech.audioPath).size)}:`);
    const ffmpeg: number[] = [];
    const ffmpegCpu: number[] = [];
    const ours: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      const theirs = await ffmpegDecode(speech.audioPath);
      ffmpeg.push(theirs.ms);
      ffmpegCpu.push(theirs.cpuMs);
      const run = await computeInApp(speech);
      ours.push(run);
      log(
        `  round ${round + 1}: ffmpeg ${(theirs.ms / 1000).toFixed(2)} s (CPU ${(theirs.cpuMs / 1000).toFixed(2)} s), Lectern (app) ${(run.ms / 1000).toFixed(2)} s ` +
          `= ${(run.ms / theirs.ms).toFixed(2)}× (renderer CPU ${(run.cpuMs / 1000).toFixed(2)} s; renderer RSS idle ${mb(run.idleRss)}, ` +
          `peak +${mb(run.peakRss - run.idleRss)}); load ${loadavg()[0]!.toFixed(2)}`,
      );
      const top = run.threads.slice(0, 5).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`);
      log(`           renderer CPU by thread: ${top.join(', ')}`);
    }
    const seconds = (xs: number[]) => showFigures(figures(xs.map((x) => x / 1000)), 's', 2);
    const rss = figures(ours.map((r) => (r.peakRss - r.idleRss) / mib));
    log(`  ffmpeg -f null decode: ${seconds(ffmpeg)} (CPU ${seconds(ffmpegCpu)})`);
    log(
      `  Lectern (app):         ${seconds(ours.map((r) => r.ms))} (renderer CPU ${seconds(ours.map((r) => r.cpuMs))}), ` +
        `renderer peak RSS over idle ${showFigures(rss, 'MB')}`,
    );
    const { metrics } = ours[0]!;
    log(
      `  found: ${metrics.durationSec.toFixed(0)} s, ${metrics.pauses.count} pauses, ${metrics.speechRate.syllables} syllables, ` +
        `${metrics.loudness.integratedLufs} LUFS`,
    );
    declareGoal({
      issue: 15,
      goal: `metrics in the app, ${speech.label}: time vs ffmpeg decode`,
      unit: 'ms',
      lectern: ours.map((r) => r.ms),
      baseline: ffmpeg,
      target: { on: 'ratio', atMost: 1.5 },
    });
    declareGoal({
      issue: 15,
      goal: `metrics in the app, ${speech.label}: renderer RSS peak over idle`,
      unit: 'MB',
      digits: 1,
      lectern: ours.map((r) => (r.peakRss - r.idleRss) / mib),
      baseline: null,
      target: { on: 'median', atMost: 150 },
    });
  }
  rmSync(join(benchDir, 'metrics-app-data'), { recursive: true, force: true });
  log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
