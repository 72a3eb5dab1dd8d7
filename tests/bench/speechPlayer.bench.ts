// Opening a 60-minute speech in the player: time from the click on "Play" to the waveform painted, and
// the renderer's memory over the idle page, in the real app (loopback host, renderer as shipped,
// Debian's Chromium). Baseline in the same run, alternating with it: wavesurfer.js loading the same
// file the default way (fetch and decode, no peaks) on a bare page. Both sides measured the same way:
// a fresh browser, a settled page, the JS heap and the renderer's resident memory sampled from the
// click until the page has settled again, their peaks over the idle page.
// Goals (#3, #22): at most 100 ms to the waveform painted (also among 60 speeches in the library, where
// opening one must not render the whole list again), at most 30 MB over idle. Logged beside them: what a
// bare <audio> playing the same file costs the renderer, the floor under Lectern's RSS (▶ plays at once).
// Run: npm run bench -- speechPlayer   (first run makes the audio; later runs reuse it)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createProfile, launchChromium, newPage, openScreen } from './kit/browser';
import { figures, log, mb, mib, ms, showFigures } from './kit/figures';
import { declareGoal } from './kit/goals';
import { startHost } from './kit/host';
import { watchRendererPeak } from './kit/memory';
import { benchRuns, repeat } from './kit/runs';
import { ensureLibraryDataDir, ensureSpeechDataDir, paths, startCountingServer } from './speechKit';

const viewport = { width: 1180, height: 780 };

/** Runs in the page: resolves with performance.now() of the first frame whose waveform canvas has ink. */
function waitForPaint(selector: string): Promise<number> {
  const inked = (canvas: HTMLCanvasElement): boolean => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const context = canvas.getContext('2d');
    if (!context) return false;
    const { data } = context.getImageData(0, 0, Math.min(canvas.width, 400), canvas.height);
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true;
    return false;
  };
  const canvases = (root: Element | ShadowRoot): HTMLCanvasElement[] => {
    const found: HTMLCanvasElement[] = [];
    for (const element of root.querySelectorAll('*')) {
      if (element instanceof HTMLCanvasElement) found.push(element);
      if (element.shadowRoot) found.push(...canvases(element.shadowRoot));
    }
    return found;
  };
  return new Promise((done, fail) => {
    const deadline = performance.now() + 120_000;
    const check = () => {
      const container = document.querySelector(selector);
      if (container && canvases(container).some(inked)) return done(performance.now());
      if (performance.now() > deadline) return fail(new Error('waveform never painted'));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

interface OpenResult {
  paintMs: number;
  heapOverIdle: number;
  rssOverIdle: number;
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1500);
}

async function openInLectern(dataDir = paths.dataDir): Promise<OpenResult> {
  const host = await startHost(dataDir);
  const browser = await launchChromium();
  try {
    const page = await newPage(browser, { locale: 'en-US', viewport });
    await createProfile(page, await host.newEntryUrl());
    await openScreen(page, '3', /^(Library|演讲库)$/);
    const play = page.getByRole('button', { name: /^Play: / }).first();
    await play.waitFor();
    await settle(page);
    const memory = await watchRendererPeak(page);
    const { paintMs, ...breakdown } = await play.evaluate(async (button, waitSource) => {
      const wait = new Function(`return (${waitSource})`)() as (selector: string) => Promise<number>;
      const started = performance.now();
      (button as HTMLElement).click();
      const painted = await wait('[data-testid=waveform]');
      const request = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.includes('speeches.peaks')) as PerformanceResourceTiming | undefined;
      return {
        paintMs: painted - started,
        peaksRequestMs: request ? request.startTime - started : NaN,
        peaksResponseMs: request ? request.responseEnd - started : NaN,
        peaksBytes: request?.encodedBodySize ?? NaN,
      };
    }, waitForPaint.toString());
    await settle(page);
    const { heapOverIdle, rssOverIdle } = await memory.stop();
    log(
      `  peaks request sent at +${ms(breakdown.peaksRequestMs)}, answered at +${ms(breakdown.peaksResponseMs)} ` +
        `(${mb(breakdown.peaksBytes)}), painted at +${ms(paintMs)}`,
    );
    return { paintMs, heapOverIdle, rssOverIdle };
  } finally {
    await browser.close();
    await host.close();
  }
}

async function openWithoutPeaks(audioPath: string): Promise<OpenResult> {
  const harness = `<!doctype html><meta charset="utf-8"><title>wavesurfer baseline</title>
<body style="margin:0;padding:40px"><div id="waveform" style="width:1100px"></div>
<script type="module">import WaveSurfer from '/wavesurfer.esm.js'; window.WaveSurfer = WaveSurfer; document.title = 'loaded';</script>`;
  const server = await startCountingServer(
    { 'speech.webm': { path: audioPath, mimeType: 'audio/webm' } },
    {
      '/': { contentType: 'text/html; charset=utf-8', body: harness },
      '/wavesurfer.esm.js': {
        contentType: 'text/javascript',
        body: readFileSync(resolve('node_modules/wavesurfer.js/dist/wavesurfer.esm.js')),
      },
    },
  );
  const browser = await launchChromium();
  try {
    const page = await newPage(browser, { viewport });
    await page.goto(server.origin);
    await page.waitForFunction(() => document.title === 'loaded');
    await settle(page);
    const memory = await watchRendererPeak(page);
    const { paintMs, readyMs } = await page.evaluate(async (waitSource) => {
      const wait = new Function(`return (${waitSource})`)() as (selector: string) => Promise<number>;
      const { WaveSurfer } = window as unknown as {
        WaveSurfer: { create(options: object): { on(event: string, listener: () => void): void } };
      };
      const started = performance.now();
      const ws = WaveSurfer.create({
        container: '#waveform',
        height: 96,
        waveColor: 'rgba(92, 124, 250, 0.45)',
        progressColor: '#364fc7',
        barWidth: 2,
        barGap: 1,
        barRadius: 2,
        url: '/media/speech.webm',
      });
      const ready = new Promise<number>((done) => ws.on('ready', () => done(performance.now())));
      const painted = await wait('#waveform');
      return { paintMs: painted - started, readyMs: (await ready) - started };
    }, waitForPaint.toString());
    await settle(page);
    const { heapOverIdle, rssOverIdle } = await memory.stop();
    log(`  baseline fetched ${mb(server.bytesSent)} of audio, ready after ${ms(readyMs)}`);
    return { paintMs, heapOverIdle, rssOverIdle };
  } finally {
    await browser.close();
    await server.close();
  }
}

function describe(label: string, result: OpenResult): void {
  log(
    `  ${label}: painted in ${ms(result.paintMs)}; over the idle page JS heap peak +${mb(result.heapOverIdle)}, ` +
      `renderer RSS peak +${mb(result.rssOverIdle)}`,
  );
}

/**
 * Not a baseline but a floor: a bare page's <audio> playing the same file, measured the same way — what
 * Chromium's media pipeline alone costs the renderer while the first seconds play (Lectern's ▶ plays).
 */
async function playBareAudio(audioPath: string): Promise<number> {
  const server = await startCountingServer(
    { 'speech.webm': { path: audioPath, mimeType: 'audio/webm' } },
    { '/': { contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>bare audio</title>' } },
  );
  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    const page = await newPage(browser, { viewport });
    await page.goto(server.origin);
    await settle(page);
    const memory = await watchRendererPeak(page);
    await page.evaluate(() => {
      const audio = document.createElement('audio');
      audio.src = '/media/speech.webm';
      document.body.append(audio);
      return audio.play();
    });
    await settle(page);
    return (await memory.stop()).rssOverIdle;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const { audioPath } = await ensureSpeechDataDir();
  const runs = benchRuns();
  log(`\n${runs} runs, each a fresh browser: Lectern (stored peaks + duration), then the baseline`);
  log('(wavesurfer.js loading the same file without peaks: fetch + decode):');
  const results = await repeat(runs, async (run) => {
    const ours = await openInLectern();
    describe(`run ${run + 1} Lectern `, ours);
    const baseline = await openWithoutPeaks(audioPath);
    describe(`run ${run + 1} baseline`, baseline);
    return { ours, baseline };
  });
  const side = (pick: (r: OpenResult) => number, scale = 1) => ({
    lectern: results.map((r) => pick(r.ours) / scale),
    baseline: results.map((r) => pick(r.baseline) / scale),
  });
  const librarySize = 60;
  const library = await ensureLibraryDataDir(librarySize);
  log(`\nThe same in a library of ${librarySize} such speeches (the first row's ▶):`);
  const inLibrary = await repeat(runs, async (run) => {
    const ours = await openInLectern(library);
    describe(`run ${run + 1} Lectern `, ours);
    return ours;
  });
  const bare = await repeat(runs, () => playBareAudio(audioPath));
  log(
    `\nA bare page's <audio> playing the same file (the media pipeline alone, part of Lectern's ` +
      `figure that the player's code cannot lower): renderer RSS peak over idle ` +
      `${showFigures(figures(bare.map((bytes) => bytes / mib)), 'MB')}`,
  );
  log('\nSummary (medians of the runs, Lectern vs baseline in the same run):');
  declareGoal({
    issue: 3,
    goal: 'open a 60-min speech: click → waveform painted',
    unit: 'ms',
    ...side((r) => r.paintMs),
    target: { on: 'median', atMost: 100 },
  });
  declareGoal({
    issue: 22,
    goal: `the same among ${librarySize} speeches in the library: click → waveform painted`,
    unit: 'ms',
    lectern: inLibrary.map((r) => r.paintMs),
    baseline: null,
    target: { on: 'median', atMost: 100 },
  });
  declareGoal({
    issue: 3,
    goal: 'open a 60-min speech: JS heap peak over idle',
    unit: 'MB',
    digits: 1,
    ...side((r) => r.heapOverIdle, mib),
    target: { on: 'median', atMost: 30 },
  });
  declareGoal({
    issue: 3,
    goal: 'open a 60-min speech: renderer RSS peak over idle',
    unit: 'MB',
    digits: 1,
    ...side((r) => r.rssOverIdle, mib),
    target: { on: 'median', atMost: 30 },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
