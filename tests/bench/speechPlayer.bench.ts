// Opening a 60-minute speech in the player: time from the click on "Play" to the waveform painted, and
// the renderer's memory over the idle library page, in the real app (loopback host, built renderer,
// Debian's Chromium). Baseline in the same run: wavesurfer.js loading the same file the default way
// (fetch and decode, no peaks) on a bare page. Goal: at most 100 ms and 30 MB.
// Run: npx tsx tests/bench/run.ts speechPlayer   (first run makes the audio; later runs reuse it)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startLocalHost } from '../../electron/web/startLocalHost';
import {
  buildRenderer,
  createProfile,
  ensureSpeechDataDir,
  goal,
  launchChromium,
  log,
  mb,
  median,
  newPage,
  openScreen,
  ms,
  paths,
  ratio,
  RendererMemory,
  rendererPids,
  rssOf,
  sampleMax,
  startCountingServer,
} from './speechKit';

const rounds = 3;
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
  readyMs?: number;
  heapIdle: number;
  heapAfterOpen: number;
  heapAfterOpenGc: number;
  rssIdle: number;
  rssPeak: number;
  rssAfterOpen: number;
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1500);
}

async function openInLectern(rendererDir: string): Promise<OpenResult> {
  const host = await startLocalHost({ dataDir: paths.dataDir, rendererDir });
  const browser = await launchChromium();
  try {
    const page = await newPage(browser, { locale: 'en-US', viewport });
    await createProfile(page, host.newEntryUrl());
    await openScreen(page, '3', /^(Library|演讲库)$/);
    const play = page.getByRole('button', { name: /^Play: / }).first();
    await play.waitFor();
    await settle(page);
    const memory = await RendererMemory.of(page);
    const heapIdle = await memory.heapUsed(true);
    const pids = rendererPids();
    const rssIdle = rssOf(pids);
    const rss = sampleMax(() => rssOf(pids), 25);
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
    const heapAfterOpen = await memory.heapUsed(false);
    const rssPeak = await rss.stop();
    const heapAfterOpenGc = await memory.heapUsed(true);
    log(
      `  peaks request sent at +${ms(breakdown.peaksRequestMs)}, answered at +${ms(breakdown.peaksResponseMs)} ` +
        `(${mb(breakdown.peaksBytes)}), painted at +${ms(paintMs)}`,
    );
    return { paintMs, heapIdle, heapAfterOpen, heapAfterOpenGc, rssIdle, rssPeak, rssAfterOpen: rssOf(pids) };
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
    const memory = await RendererMemory.of(page);
    const heapIdle = await memory.heapUsed(true);
    const pids = rendererPids();
    const rssIdle = rssOf(pids);
    const rss = sampleMax(() => rssOf(pids), 25);
    const heapPeak = sampleMax(() => memory.heapUsed(false), 100);
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
    const heapAfterOpen = Math.max(await memory.heapUsed(false), await heapPeak.stop());
    const rssPeak = await rss.stop();
    const heapAfterOpenGc = await memory.heapUsed(true);
    log(`  baseline fetched ${mb(server.bytesSent)} of audio`);
    return {
      paintMs,
      readyMs,
      heapIdle,
      heapAfterOpen,
      heapAfterOpenGc,
      rssIdle,
      rssPeak,
      rssAfterOpen: rssOf(pids),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

function describe(label: string, result: OpenResult): void {
  log(
    `  ${label}: painted in ${ms(result.paintMs)}${result.readyMs === undefined ? '' : ` (ready ${ms(result.readyMs)})`}; ` +
      `JS heap idle ${mb(result.heapIdle)}, +${mb(result.heapAfterOpen - result.heapIdle)} after open ` +
      `(+${mb(result.heapAfterOpenGc - result.heapIdle)} after GC); renderer RSS idle ${mb(result.rssIdle)}, ` +
      `peak +${mb(result.rssPeak - result.rssIdle)}, after open +${mb(result.rssAfterOpen - result.rssIdle)}`,
  );
}

async function main(): Promise<void> {
  const { audioPath } = await ensureSpeechDataDir();
  const rendererDir = await buildRenderer();

  log(`\nLectern player, stored peaks + duration (${rounds} rounds, fresh browser each):`);
  const ours: OpenResult[] = [];
  for (let round = 0; round < rounds; round++) {
    const result = await openInLectern(rendererDir);
    describe(`round ${round + 1}`, result);
    ours.push(result);
  }
  log('\nBaseline: wavesurfer.js loading the same file without peaks (fetch + decode), 1 round:');
  const baseline = await openWithoutPeaks(audioPath);
  describe('baseline', baseline);

  const paint = median(ours.map((r) => r.paintMs));
  const heap = median(ours.map((r) => r.heapAfterOpen - r.heapIdle));
  const heapGc = median(ours.map((r) => r.heapAfterOpenGc - r.heapIdle));
  const rssPeak = median(ours.map((r) => r.rssPeak - r.rssIdle));
  const baseHeap = baseline.heapAfterOpen - baseline.heapIdle;
  const baseRss = baseline.rssPeak - baseline.rssIdle;
  log('\nSummary (Lectern median vs baseline):');
  log(
    `  time to waveform painted   ${ms(paint)} vs ${ms(baseline.paintMs)}  (${ratio(paint, baseline.paintMs)})  ${goal(paint <= 100)} (≤ 100 ms)`,
  );
  log(
    `  JS heap over idle          +${mb(heap)} vs +${mb(baseHeap)}  (${ratio(heap, baseHeap)})  ${goal(heap <= 30 * 1024 ** 2)} (≤ 30 MB); retained after GC +${mb(heapGc)}`,
  );
  log(
    `  renderer RSS peak over idle +${mb(rssPeak)} vs +${mb(baseRss)}  (${ratio(rssPeak, baseRss)})  ${goal(rssPeak <= 30 * 1024 ** 2)} (≤ 30 MB)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
