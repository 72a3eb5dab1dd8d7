// A long recording through the real Record screen (loopback host, built renderer, Debian's Chromium
// with the fake microphone playing espeak-ng speech with pauses, and for video the fake camera): the
// renderer's JS heap every 10 s (after a forced GC, and as found), and the partial file on disk against
// the clock, read every 200 ms (the timestamp of the last whole block written, of any track). Reports
// the heap's growth per minute extrapolated to an hour (with every sample shown) and how far the file
// ever fell behind. Used by speechRecording.bench.ts and videoRecording.bench.ts (SPEECH_RECORD_SECONDS,
// 120 by default). Not a benchmark itself (no `.bench.ts`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startLocalHost } from '../../electron/web/startLocalHost';
import {
  benchDir,
  buildRenderer,
  createProfile,
  ensureLoopWav,
  fakeMicrophoneArgs,
  goal,
  launchChromium,
  log,
  mb,
  ms,
  newPage,
  openScreen,
  RendererMemory,
  rendererPids,
  rssOf,
} from './speechKit';

const recordSeconds = Number(process.env.SPEECH_RECORD_SECONDS ?? 120);
const heapEverySeconds = 10;

export interface RecordingRun {
  /** What is recorded, for the log: "audio", "video". */
  label: string;
  /** Chromium's extra arguments (the fake camera). */
  browserArgs: string[];
  /** Makes the Record screen's choices before recording (the camera). */
  prepare(page: Page): Promise<void>;
  /** The goal for the JS heap's growth per hour, in MB. */
  heapGoalMbPerHour: number;
}
const fileEveryMs = 200;

/**
 * The end (ms from the recording's start) of the last whole block in a WebM that may be cut anywhere, as
 * MediaRecorder's is: EBML walked by hand, clusters of unknown size included.
 */
function lastBlockMs(bytes: Uint8Array): number {
  const ids = {
    segment: 0x18538067,
    cluster: 0x1f43b675,
    timecode: 0xe7,
    simpleBlock: 0xa3,
    blockGroup: 0xa0,
    block: 0xa1,
  };
  const info = { scale: 0x2ad7b1, info: 0x1549a966 };
  let scaleMs = 1;
  let clusterTime = 0;
  let last = 0;
  const vint = (
    at: number,
    keepMarker: boolean,
  ): { value: number; length: number; unknown: boolean } | undefined => {
    const first = bytes[at];
    if (first === undefined || first === 0) return undefined;
    const length = Math.clz32(first) - 23;
    if (at + length > bytes.length) return undefined;
    let value = keepMarker ? first : first & (0xff >> length);
    let allOnes = value === 0xff >> length;
    for (let i = 1; i < length; i++) {
      value = value * 256 + bytes[at + i]!;
      if (bytes[at + i] !== 0xff) allOnes = false;
    }
    return { value, length, unknown: !keepMarker && allOnes };
  };
  const walk = (from: number, to: number): void => {
    let at = from;
    while (at < to) {
      const id = vint(at, true);
      const size = id && vint(at + id.length, false);
      if (!id || !size) return;
      const body = at + id.length + size.length;
      const end = size.unknown ? to : body + size.value;
      if (
        id.value === ids.segment ||
        id.value === ids.cluster ||
        id.value === ids.blockGroup ||
        id.value === info.info
      ) {
        // Containers: descend. A cluster of unknown size ends where the next cluster begins.
        if (id.value === ids.cluster && size.unknown) {
          walk(body, to);
          return;
        }
        walk(body, Math.min(end, to));
      } else if (end > bytes.length) {
        return; // cut off mid-element: what follows is not on disk yet
      } else if (id.value === info.scale) {
        scaleMs = readUint(body, size.value) / 1e6;
      } else if (id.value === ids.timecode) {
        clusterTime = readUint(body, size.value);
      } else if (id.value === ids.simpleBlock || id.value === ids.block) {
        const track = vint(body, false);
        if (track) {
          const relative = ((bytes[body + track.length]! << 24) >> 16) | bytes[body + track.length + 1]!;
          last = Math.max(last, (clusterTime + relative) * scaleMs + 20); // an Opus frame is 20 ms
        }
      }
      at = end;
    }
  };
  const readUint = (at: number, length: number): number => {
    let value = 0;
    for (let i = 0; i < length; i++) value = value * 256 + bytes[at + i]!;
    return value;
  };
  walk(0, bytes.length);
  return last;
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

function slopePerMinute(points: readonly { minutes: number; value: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.minutes, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.minutes - mx) * (p.value - my), 0);
  const sxx = points.reduce((s, p) => s + (p.minutes - mx) ** 2, 0);
  return sxx > 0 ? sxy / sxx : 0;
}

export async function benchRecording(run: RecordingRun): Promise<void> {
  const wav = ensureLoopWav();
  const rendererDir = await buildRenderer();
  const dataDir = join(benchDir, 'record-data');
  await rm(dataDir, { recursive: true, force: true });
  const host = await startLocalHost({ dataDir, rendererDir });
  const browser = await launchChromium([...fakeMicrophoneArgs(wav), ...run.browserArgs]);
  try {
    const page = await newPage(browser, { locale: 'en-US', viewport: { width: 1180, height: 780 } });
    await createProfile(page, host.newEntryUrl());
    await openScreen(page, '2', /^(Record|录制)$/);
    await run.prepare(page);
    await page.waitForTimeout(1500);
    const memory = await RendererMemory.of(page);
    const pids = rendererPids();
    const heapBefore = await memory.heapUsed(true);
    log(`recording ${recordSeconds} s of ${run.label} through the Record screen (fake microphone: ${wav})`);
    log(`  idle Record screen: JS heap ${mb(heapBefore)} after GC, renderer RSS ${mb(rssOf(pids))}`);

    const pressed = performance.now();
    await page.keyboard.press('r');
    await page.getByRole('button', { name: /^Stop/ }).waitFor();
    const started = performance.now();
    log(`  key pressed → recording (Stop shown): ${ms(started - pressed)}`);

    const heap: {
      seconds: number;
      gc: number;
      found: number;
      rss: number;
      fileBytes: number;
      fileMs: number;
    }[] = [];
    let maxLag = 0;
    let maxLagAt = 0;
    let lagSamples = 0;
    let lastFileMs = 0;
    let nextHeap = 0;
    while (performance.now() - started < recordSeconds * 1000 + 50) {
      const path = partialFile(dataDir);
      const elapsed = performance.now() - started;
      if (path) {
        lastFileMs = lastBlockMs(readFileSync(path));
        const lag = elapsed - lastFileMs;
        lagSamples++;
        if (lag > maxLag) {
          maxLag = lag;
          maxLagAt = elapsed;
        }
      }
      if (elapsed >= nextHeap * 1000) {
        const found = await memory.heapUsed(false);
        const gc = await memory.heapUsed(true);
        const fileBytes = path ? statSync(path).size : 0;
        heap.push({ seconds: elapsed / 1000, gc, found, rss: rssOf(pids), fileBytes, fileMs: lastFileMs });
        nextHeap += heapEverySeconds;
      }
      await page.waitForTimeout(fileEveryMs);
    }
    await page.keyboard.press('r');
    await page.getByText(/(Recording|Video) saved|(录音|录像)已保存/).waitFor({ timeout: 60_000 });
    const spoken = performance.now() - started;
    const speech = savedSpeech(dataDir);

    log(
      '\n  elapsed   JS heap (after GC)   JS heap (as found)   renderer RSS   file on disk   media on disk   behind',
    );
    for (const sample of heap) {
      log(
        `  ${sample.seconds.toFixed(1).padStart(6)} s   ${mb(sample.gc).padStart(18)}   ${mb(sample.found).padStart(18)}   ` +
          `${mb(sample.rss).padStart(12)}   ${mb(sample.fileBytes).padStart(12)}   ${(sample.fileMs / 1000).toFixed(2).padStart(11)} s   ` +
          `${((sample.seconds * 1000 - sample.fileMs) / 1000).toFixed(2)} s`,
      );
    }
    const afterFirst = heap.filter((sample) => sample.seconds >= heapEverySeconds - 1);
    const slope = slopePerMinute(afterFirst.map((s) => ({ minutes: s.seconds / 60, value: s.gc })));
    const slopeFound = slopePerMinute(afterFirst.map((s) => ({ minutes: s.seconds / 60, value: s.found })));
    const slopeRss = slopePerMinute(afterFirst.map((s) => ({ minutes: s.seconds / 60, value: s.rss })));
    const last = heap[heap.length - 1]!;
    log(
      `\n  saved: ${(speech.durationMs / 1000).toFixed(2)} s of media for ${(spoken / 1000).toFixed(2)} s recorded, ${mb(speech.byteSize)} (${((speech.byteSize * 8) / speech.durationMs).toFixed(0)} kbit/s)`,
    );
    log('\nSummary:');
    log(
      `  JS heap (after GC): ${mb(heapBefore)} idle → ${mb(afterFirst[0]?.gc ?? NaN)} at ${heapEverySeconds} s → ${mb(last.gc)} at ${last.seconds.toFixed(0)} s; ` +
        `slope from ${heapEverySeconds} s on ${(slope / 1024 ** 2).toFixed(3)} MB/min → ${((slope * 60) / 1024 ** 2).toFixed(1)} MB per hour ` +
        `${goal(slope * 60 < run.heapGoalMbPerHour * 1024 ** 2)} (< ${run.heapGoalMbPerHour} MB per hour)`,
    );
    log(
      `  JS heap (as found, no GC) slope ${((slopeFound * 60) / 1024 ** 2).toFixed(1)} MB per hour; renderer RSS slope ${((slopeRss * 60) / 1024 ** 2).toFixed(1)} MB per hour`,
    );
    log(
      `  file on disk behind the clock: at most ${ms(maxLag)} (at ${(maxLagAt / 1000).toFixed(1)} s; ${lagSamples} readings every ${fileEveryMs} ms) ${goal(maxLag <= 2000)} (≤ 2 s)`,
    );
  } finally {
    await browser.close();
    await host.close();
  }
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
