// Opening a 60-minute video speech in the real app (loopback host, renderer as shipped, Debian's Chromium):
// from the click on "Play" to the first frame of the picture shown and the waveform painted, then a seek
// to minute 45 (the player's own <video>, as wavesurfer drives it) until the frame there is shown.
// The same speech twice in each round: as the app finishes a recording (SpeechStore.finish: duration
// and Cues) and, as the baseline, with the file MediaRecorder leaves (live WebM: no duration, no Cues).
// Goals (#16): first frame and waveform ≤ 200 ms; seek to minute 45 ≤ 300 ms.
// Run: npm run bench -- videoOpen   (first run makes the video, about a minute; then cached)
import type { Page } from '@playwright/test';
import { createProfile, launchChromium, newPage, openScreen } from './kit/browser';
import { log, ms } from './kit/figures';
import { declareGoal } from './kit/goals';
import { startHost } from './kit/host';
import { benchRuns } from './kit/runs';
import { ensureVideoDataDirs, videoPaths } from './videoKit';

const rounds = benchRuns();
const seekToSeconds = 45 * 60;
const viewport = { width: 1180, height: 780 };

interface OpenResult {
  frameMs: number;
  waveformMs: number;
  seekMs: number;
  landedAt: number;
}

/** Runs in the page: clicks Play, then times the first frame, the waveform's ink, and a seek. */
async function openAndSeek(button: HTMLElement, seekTo: number): Promise<OpenResult> {
  const inked = (root: Element): boolean => {
    const canvases: HTMLCanvasElement[] = [];
    const collect = (node: Element | ShadowRoot) => {
      for (const element of node.querySelectorAll('*')) {
        if (element instanceof HTMLCanvasElement) canvases.push(element);
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(root);
    return canvases.some((canvas) => {
      if (canvas.width === 0 || canvas.height === 0) return false;
      const data = canvas
        .getContext('2d')
        ?.getImageData(0, 0, Math.min(canvas.width, 400), canvas.height).data;
      return !!data && data.some((value, i) => i % 4 === 3 && value > 0);
    });
  };
  const nextFrame = () => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())));
  const started = performance.now();
  button.click();
  let frameMs = NaN;
  let waveformMs = NaN;
  while (Number.isNaN(frameMs) || Number.isNaN(waveformMs)) {
    const now = await nextFrame();
    if (now - started > 60_000) throw new Error('the player never showed its picture and waveform');
    const video = document.querySelector<HTMLVideoElement>('video');
    // HAVE_CURRENT_DATA: the frame at the playhead is decoded; the frame painted after it shows it.
    if (Number.isNaN(frameMs) && video && video.readyState >= 2) frameMs = now - started;
    const waveform = document.querySelector('[data-testid=waveform]');
    if (Number.isNaN(waveformMs) && waveform && inked(waveform)) waveformMs = now - started;
  }
  const video = document.querySelector<HTMLVideoElement>('video')!;
  await new Promise((done) => setTimeout(done, 1000));
  const seekStarted = performance.now();
  const seeked = new Promise<void>((done) => video.addEventListener('seeked', () => done(), { once: true }));
  video.currentTime = seekTo;
  await seeked;
  const shown = await nextFrame();
  return { frameMs, waveformMs, seekMs: shown - seekStarted, landedAt: video.currentTime };
}

async function openOnce(dataDir: string): Promise<OpenResult> {
  const host = await startHost(dataDir);
  const browser = await launchChromium();
  try {
    const page: Page = await newPage(browser, { locale: 'en-US', viewport });
    await createProfile(page, await host.newEntryUrl());
    await openScreen(page, '3', /^(Library|演讲库)$/);
    const play = page.getByRole('button', { name: /^Play: / }).first();
    await play.waitFor();
    await page.waitForTimeout(1500);
    return await play.evaluate(openAndSeek, seekToSeconds);
  } finally {
    await browser.close();
    await host.close();
  }
}

async function main(): Promise<void> {
  await ensureVideoDataDirs();
  const results: Record<'finished' | 'live', OpenResult[]> = { finished: [], live: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, dataDir] of [
      ['finished', videoPaths.dataDir],
      ['live', videoPaths.liveDataDir],
    ] as const) {
      const result = await openOnce(dataDir);
      results[name].push(result);
      log(
        `  ${name.padEnd(8)} round ${round + 1}: first frame ${ms(result.frameMs)}, waveform ${ms(result.waveformMs)}, ` +
          `seek to 45:00 ${ms(result.seekMs)} (landed at ${(result.landedAt / 60).toFixed(2)} min)`,
      );
    }
  }
  const goal = (label: string, pick: (r: OpenResult) => number, limit: number) =>
    declareGoal({
      issue: 16,
      goal: `open a 60-min video: ${label}`,
      unit: 'ms',
      lectern: results.finished.map(pick),
      baseline: results.live.map(pick),
      target: { on: 'median', atMost: limit },
    });
  const landed = (list: OpenResult[]) =>
    list.every((r) => Math.abs(r.landedAt - seekToSeconds) < 1) ? 'yes' : 'NO';
  log(`\nSummary (${rounds} runs; finished by the app vs as MediaRecorder leaves it):`);
  log(`  landed at 45:00: ${landed(results.finished)} vs ${landed(results.live)}`);
  goal('click → first frame and waveform shown', (r) => Math.max(r.frameMs, r.waveformMs), 200);
  goal('seek to minute 45 → its frame shown', (r) => r.seekMs, 300);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
