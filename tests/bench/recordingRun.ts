// A long recording through the real Record screen (loopback host, renderer as shipped, Debian's
// Chromium with the fake microphone playing espeak-ng speech with pauses, and for video the fake
// camera), and as the baseline in the same run, alternating with it, a bare page whose MediaRecorder
// records the same devices with the same options and keeps its chunks in memory (bareRecorder.ts).
// Both are followed the same way: the renderer's JS heap every 10 s (after a forced GC, and as found)
// and its resident memory, and every 200 ms how far the recorded media reaches against the clock (the
// app's partial file on disk; the bare page's chunks, pulled out as they come). Reported per run: the
// heap's growth per hour (the slope from 10 s on, extrapolated) and how far the media ever fell
// behind. Used by speechRecording.bench.ts and videoRecording.bench.ts (SPEECH_RECORD_SECONDS, 120 by
// default). Not a benchmark itself (no `.bench.ts`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  barePageHtml,
  startBareRecording,
  stopBareRecording,
  takeNewBytes,
  type BareRecorderOptions,
} from './bareRecorder';
import { createProfile, fakeMicrophoneArgs, launchChromium, newPage, openScreen } from './kit/browser';
import { log, mb, mib, ms } from './kit/figures';
import { declareGoal } from './kit/goals';
import { startHost } from './kit/host';
import { RendererMemory, rendererPids, rssOf } from './kit/memory';
import { benchRuns, repeat } from './kit/runs';
import { benchDir, ensureLoopWav, startCountingServer } from './speechKit';
import { lastBlockMs } from './webmLastBlock';

const recordSeconds = Number(process.env.SPEECH_RECORD_SECONDS ?? 120);
const heapEverySeconds = 10;
const mediaEveryMs = 200;
const viewport = { width: 1180, height: 780 };

export interface RecordingRun {
  /** The issue whose goals these are. */
  issue: number;
  /** What is recorded, for the log: "audio", "video". */
  label: string;
  /** Chromium's extra arguments (the fake camera). */
  browserArgs: string[];
  /** Makes the Record screen's choices before recording (the camera). */
  prepare(page: Page): Promise<void>;
  /** The goal for the JS heap's growth per hour, in MB. */
  heapGoalMbPerHour: number;
  /** The same recording for the bare MediaRecorder page. */
  bare: BareRecorderOptions;
}

interface Followed {
  /** Growth per hour, extrapolated from the slope after the first 10 s, in bytes. */
  heapPerHour: number;
  foundPerHour: number;
  rssPerHour: number;
  heapIdle: number;
  maxLagMs: number;
  maxLagAtMs: number;
  lagReadings: number;
}

function slopePerMinute(points: readonly { minutes: number; value: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.minutes, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.minutes - mx) * (p.value - my), 0);
  const sxx = points.reduce((s, p) => s + (p.minutes - mx) ** 2, 0);
  return sxx > 0 ? sxy / sxx : 0;
}

/**
 * Follows a recording from `started` for recordSeconds: the same readings for the app and the bare
 * page. `mediaMs` says how far the recorded media reaches (undefined before any is there).
 */
async function follow(
  page: Page,
  memory: RendererMemory,
  heapIdle: number,
  started: number,
  mediaMs: () => Promise<number | undefined>,
): Promise<Followed> {
  const pids = rendererPids();
  const samples: { seconds: number; gc: number; found: number; rss: number }[] = [];
  let maxLagMs = 0;
  let maxLagAtMs = 0;
  let lagReadings = 0;
  let nextHeap = 0;
  while (performance.now() - started < recordSeconds * 1000 + 50) {
    const reach = await mediaMs();
    const elapsed = performance.now() - started;
    if (reach !== undefined) {
      lagReadings++;
      if (elapsed - reach > maxLagMs) [maxLagMs, maxLagAtMs] = [elapsed - reach, elapsed];
    }
    if (elapsed >= nextHeap * 1000) {
      const found = await memory.heapUsed(false);
      const gc = await memory.heapUsed(true);
      samples.push({ seconds: elapsed / 1000, gc, found, rss: rssOf(pids) });
      nextHeap += heapEverySeconds;
    }
    await page.waitForTimeout(mediaEveryMs);
  }
  const afterFirst = samples.filter((sample) => sample.seconds >= heapEverySeconds - 1);
  const perHour = (pick: (s: (typeof samples)[number]) => number) =>
    slopePerMinute(afterFirst.map((s) => ({ minutes: s.seconds / 60, value: pick(s) }))) * 60;
  return {
    heapPerHour: perHour((s) => s.gc),
    foundPerHour: perHour((s) => s.found),
    rssPerHour: perHour((s) => s.rss),
    heapIdle,
    maxLagMs,
    maxLagAtMs,
    lagReadings,
  };
}

function partialFile(dataDir: string): string | undefined {
  const root = join(dataDir, 'speeches');
  if (!existsSync(root)) return undefined;
  for (const name of readdirSync(root)) {
    const path = join(root, name, 'audio.partial');
    if (existsSync(path)) return path;
  }
  return undefined;
}

function savedSpeech(dataDir: string): { durationMs: number; byteSize: number } {
  const root = join(dataDir, 'speeches');
  const id = readdirSync(root).find((name) => existsSync(join(root, name, 'speech.json')));
  if (!id) throw new Error('no saved speech');
  return JSON.parse(readFileSync(join(root, id, 'speech.json'), 'utf8')) as {
    durationMs: number;
    byteSize: number;
  };
}

async function recordInLectern(run: RecordingRun, wav: string): Promise<Followed> {
  const dataDir = join(benchDir, 'record-data');
  await rm(dataDir, { recursive: true, force: true });
  const host = await startHost(dataDir);
  const browser = await launchChromium([...fakeMicrophoneArgs(wav), ...run.browserArgs]);
  try {
    const page = await newPage(browser, { locale: 'en-US', viewport });
    await createProfile(page, await host.newEntryUrl());
    await openScreen(page, '2', /^(Record|录制)$/);
    await run.prepare(page);
    await page.waitForTimeout(1500);
    const memory = await RendererMemory.of(page);
    const heapIdle = await memory.heapUsed(true);
    await page.keyboard.press('r');
    await page.getByRole('button', { name: /^Stop/ }).waitFor();
    const started = performance.now();
    const followed = await follow(page, memory, heapIdle, started, async () => {
      const path = partialFile(dataDir);
      return path ? lastBlockMs(readFileSync(path)) : undefined;
    });
    await page.keyboard.press('r');
    await page.getByText(/(Recording|Video) saved|(录音|录像)已保存/).waitFor({ timeout: 60_000 });
    const speech = savedSpeech(dataDir);
    log(`    saved ${(speech.durationMs / 1000).toFixed(1)} s of media, ${mb(speech.byteSize)} on disk`);
    return followed;
  } finally {
    await browser.close();
    await host.close();
  }
}

async function recordOnBarePage(run: RecordingRun, wav: string): Promise<Followed> {
  const server = await startCountingServer({}, { '/': { contentType: 'text/html', body: barePageHtml } });
  const browser = await launchChromium([...fakeMicrophoneArgs(wav), ...run.browserArgs]);
  try {
    const page = await newPage(browser, { viewport });
    await page.goto(server.origin);
    await page.waitForTimeout(1500);
    const memory = await RendererMemory.of(page);
    const heapIdle = await memory.heapUsed(true);
    await startBareRecording(page, run.bare);
    const started = performance.now();
    let held = Buffer.alloc(0);
    const followed = await follow(page, memory, heapIdle, started, async () => {
      const fresh = await takeNewBytes(page);
      if (fresh.length > 0) held = Buffer.concat([held, fresh]);
      return held.length > 0 ? lastBlockMs(held) : undefined;
    });
    log(`    held ${mb(await stopBareRecording(page))} in memory`);
    return followed;
  } finally {
    await browser.close();
    await server.close();
  }
}

function describe(label: string, f: Followed): void {
  const perHour = (bytes: number) => `${(bytes / mib).toFixed(1)} MB/h`;
  log(
    `  ${label}: JS heap idle ${mb(f.heapIdle)}, growth after GC ${perHour(f.heapPerHour)} (as found ${perHour(f.foundPerHour)}, ` +
      `renderer RSS ${perHour(f.rssPerHour)}); media at most ${ms(f.maxLagMs)} behind the clock ` +
      `(at ${(f.maxLagAtMs / 1000).toFixed(1)} s, ${f.lagReadings} readings)`,
  );
}

export async function benchRecording(run: RecordingRun): Promise<void> {
  const wav = ensureLoopWav();
  const runs = benchRuns();
  log(
    `${runs} runs of ${recordSeconds} s of ${run.label}: the Record screen, then a bare MediaRecorder page`,
  );
  const results = await repeat(runs, async (i) => {
    const ours = await recordInLectern(run, wav);
    describe(`run ${i + 1} Lectern  `, ours);
    const bare = await recordOnBarePage(run, wav);
    describe(`run ${i + 1} bare page`, bare);
    return { ours, bare };
  });
  const side = (pick: (f: Followed) => number) => ({
    lectern: results.map((r) => pick(r.ours)),
    baseline: results.map((r) => pick(r.bare)),
  });
  log(`\nSummary (medians of the runs; heap growth extrapolated from ${recordSeconds} s to an hour):`);
  declareGoal({
    issue: run.issue,
    goal: `record ${run.label}: renderer JS heap growth per hour`,
    unit: 'MB',
    digits: 1,
    ...side((f) => f.heapPerHour / mib),
    target: { on: 'median', atMost: run.heapGoalMbPerHour, strict: true },
  });
  declareGoal({
    issue: run.issue,
    goal: `record ${run.label}: media furthest behind the clock`,
    unit: 'ms',
    ...side((f) => f.maxLagMs),
    target: { on: 'median', atMost: 2000 },
  });
}
