// Delivery metrics of a 60-minute speech (the espeak-ng speech with pauses that the other speech
// benchmarks loop, as MediaRecorder's WebM/Opus and as a phone's M4A/AAC): the CLI's path — decoded in
// Node on a worker thread, every analyser fed as it goes — against `ffmpeg -f null -` decoding the same
// file in the same run, alternating, each in a process of its own. Median of 5 with min–max; our peak
// RSS over the process's idle RSS, ffmpeg's whole. Also Node's decoding alone, to tell decoding from
// analysing, and CPU time (ours uses two threads). Goals (#15): ≤ 1.5× ffmpeg's time, ≤ 150 MB over
// idle (ffmpeg's peak memory is shown, not compared: it has no idle to measure over).
// Run: npm run bench -- speechMetrics
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { analyseAudioFile } from '../../electron/services/audio/analyseAudioFile';
import { figures, log, mb, mib, showFigures } from './kit/figures';
import { declareGoal } from './kit/goals';
import { benchRuns } from './kit/runs';
import { ensureLiveWebm, ensureSpeechAs, ffmpegDecode } from './speechKit';

const rounds = benchRuns();

interface Run {
  ms: number;
  cpuMs: number;
  idleRss: number;
  peakRss: number;
}

/** One run of speechMetricsRun.ts in a fresh process. */
function measure(mode: 'metrics' | 'decode', file: string): Run {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', join(import.meta.dirname, 'speechMetricsRun.ts'), mode, file],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

async function main(): Promise<void> {
  log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on this machine`,
  );
  const files = [
    ensureLiveWebm(),
    ensureSpeechAs('m4a', ['-c:a', 'aac', '-b:a', '96k', '-ac', '1', '-ar', '44100']),
  ];
  for (const file of files) {
    log(`\n${basename(file)} (${mb(statSync(file).size)}):`);
    const ffmpeg: number[] = [];
    const ffmpegRss: number[] = [];
    const ours: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      const theirs = await ffmpegDecode(file);
      ffmpeg.push(theirs.ms);
      ffmpegRss.push(theirs.peakRss);
      const run = measure('metrics', file);
      ours.push(run);
      log(
        `  round ${round + 1}: ffmpeg ${(theirs.ms / 1000).toFixed(2)} s, Lectern metrics ${(run.ms / 1000).toFixed(2)} s ` +
          `(CPU ${(run.cpuMs / 1000).toFixed(2)} s, peak RSS ${mb(run.peakRss)} = idle ${mb(run.idleRss)} + ${mb(run.peakRss - run.idleRss)}); load ${loadavg()[0]!.toFixed(2)}`,
      );
    }
    const decode = Array.from({ length: Math.min(3, rounds) }, () => measure('decode', file));
    const rss = figures(ours.map((r) => (r.peakRss - r.idleRss) / mib));
    const seconds = (xs: number[]) => showFigures(figures(xs.map((x) => x / 1000)), 's', 2);
    log(
      `  ffmpeg -f null decode: ${seconds(ffmpeg)}, peak RSS ${showFigures(figures(ffmpegRss.map((x) => x / mib)), 'MB')}`,
    );
    log(
      `  Lectern metrics:       ${seconds(ours.map((r) => r.ms))} (CPU ${seconds(ours.map((r) => r.cpuMs))}), peak RSS over idle ${showFigures(rss, 'MB')}`,
    );
    log(
      `    decoding alone: ${seconds(decode.map((r) => r.ms))} (CPU ${seconds(decode.map((r) => r.cpuMs))})`,
    );
    const metrics = await analyseAudioFile(file);
    log(
      `  found: ${metrics.durationSec.toFixed(0)} s, ${metrics.pauses.count} pauses, ${metrics.speechRate.syllables} syllables, ${metrics.loudness.integratedLufs} LUFS`,
    );
    declareGoal({
      issue: 15,
      goal: `metrics, CLI path, ${basename(file)}: time vs ffmpeg decode`,
      unit: 'ms',
      lectern: ours.map((r) => r.ms),
      baseline: ffmpeg,
      target: { on: 'ratio', atMost: 1.5 },
    });
    declareGoal({
      issue: 15,
      goal: `metrics, CLI path, ${basename(file)}: peak RSS over idle`,
      unit: 'MB',
      digits: 1,
      lectern: ours.map((r) => (r.peakRss - r.idleRss) / mib),
      baseline: null,
      target: { on: 'median', atMost: 150 },
    });
  }
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
