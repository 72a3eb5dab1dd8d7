// Importing a 60-minute file through the Library's file input (loopback host, built renderer, Debian's
// Chromium), five times per file: the whole import, and its stages told apart by watching the speech's
// folder — the copy (the file's bytes reaching audio.partial), the analysis (decode + peaks, the
// renderer's `lectern.import.analyse` measure; in a renderer without it, the time between the copy's
// end and finish's start), and finish in main; the bytes the host received per imported byte (read off
// its sockets; goal: one copy); the renderer's peak memory. Baseline: `ffmpeg -i file -f null -`
// decoding the same file in the same run.
// Goal: at most 2× ffmpeg's time, 300 MB, about 1 byte moved per byte imported.
// Run: npx tsx tests/bench/run.ts speechImport
import { subscribe } from 'node:diagnostics_channel';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { basename, join } from 'node:path';
import { startLocalHost } from '../../electron/web/startLocalHost';
import { figures, showFigures } from './benchFigures';
import {
  benchDir,
  buildRenderer,
  createProfile,
  ensureLiveWebm,
  ensureSpeechAs,
  ffmpegDecode,
  goal,
  launchChromium,
  log,
  mb,
  newPage,
  openScreen,
  RendererMemory,
  rendererPids,
  rssOf,
  sampleMax,
} from './speechKit';

const runs = 5;

interface ImportResult {
  totalMs: number;
  copyMs: number;
  analyseMs: number;
  finishMs: number;
  bytesPerByte: number;
  heapPeak: number;
  rssPeak: number;
}

/** Every socket the host accepts in this process, to count the bytes it read. */
const sockets = new Set<Socket>();
subscribe('net.server.socket', (message) => {
  const { socket } = message as { socket: Socket };
  sockets.add(socket);
});

/** Bytes the host's sockets read from now until `stop()`, closed sockets included. */
function countReceived() {
  const before = new Map([...sockets].map((socket) => [socket, socket.bytesRead]));
  return {
    stop: () => [...sockets].reduce((sum, socket) => sum + socket.bytesRead - (before.get(socket) ?? 0), 0),
  };
}

function speechFolder(dataDir: string): string | undefined {
  const root = join(dataDir, 'speeches');
  const id = existsSync(root) ? readdirSync(root).find((name) => /^[0-9a-f-]{36}$/.test(name)) : undefined;
  return id && join(root, id);
}

/** Which stages of the import have ended, from the files in its speech folder. */
function stagesOf(dataDir: string, size: number): { copied: boolean; finishing: boolean } {
  const dir = speechFolder(dataDir);
  if (!dir) return { copied: false, finishing: false };
  const read = (name: string) => {
    try {
      return {
        size: statSync(join(dir, name)).size,
        text: name.endsWith('.json') ? readFileSync(join(dir, name), 'utf8') : '',
      };
    } catch {
      return undefined;
    }
  };
  const partial = read('audio.partial');
  const upload = read('upload.json');
  // begin() makes the folder and partial files before upload.json; finish() marks upload.json first.
  const finishing = upload?.text.includes('"finishing"') === true || read('speech.json') !== undefined;
  return { copied: finishing || (partial?.size ?? 0) >= size, finishing };
}

async function importOnce(rendererDir: string, file: string): Promise<ImportResult> {
  const dataDir = join(benchDir, 'import-data');
  await rm(dataDir, { recursive: true, force: true });
  const host = await startLocalHost({ dataDir, rendererDir });
  const browser = await launchChromium();
  try {
    const page = await newPage(browser, { locale: 'en-US', viewport: { width: 1180, height: 780 } });
    await createProfile(page, host.newEntryUrl());
    await openScreen(page, '3', /^(Library|演讲库)$/);
    await page.waitForTimeout(1500);
    const memory = await RendererMemory.of(page);
    const heapIdle = await memory.heapUsed(true);
    const pids = rendererPids();
    const rssIdle = rssOf(pids);
    const heap = sampleMax(() => memory.heapUsed(false), 250);
    const rss = sampleMax(() => rssOf(pids), 100);
    const size = statSync(file).size;
    let copyEnd = NaN;
    let finishStart = NaN;
    const received = countReceived();
    const started = performance.now();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const stages = stagesOf(dataDir, size);
        const now = performance.now() - started;
        if (stages.copied && Number.isNaN(copyEnd)) copyEnd = now;
        if (stages.finishing && Number.isNaN(finishStart)) finishStart = now;
        await new Promise((done) => setTimeout(done, 20));
      }
    })();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('speech-row').first().waitFor({ timeout: 300_000 });
    const totalMs = performance.now() - started;
    watching = false;
    await watcher;
    const bytesPerByte = received.stop() / size;
    const heapPeak = (await heap.stop()) - heapIdle;
    const rssPeak = (await rss.stop()) - rssIdle;
    const measured = await page.evaluate(
      () => performance.getEntriesByName('lectern.import.analyse', 'measure')[0]?.duration,
    );
    return {
      totalMs,
      copyMs: copyEnd,
      analyseMs: measured ?? finishStart - copyEnd,
      finishMs: totalMs - finishStart,
      bytesPerByte,
      heapPeak,
      rssPeak,
    };
  } finally {
    await browser.close();
    await host.close();
  }
}

const show = (xs: number[], unit = 'ms', digits = 0) => showFigures(figures(xs), unit, digits);
const of = (results: ImportResult[], key: keyof ImportResult, scale = 1) =>
  results.map((r) => r[key] / scale);

async function main(): Promise<void> {
  const files = [
    ensureLiveWebm(),
    ensureSpeechAs('mp3', ['-c:a', 'libmp3lame', '-b:a', '128k', '-ac', '1', '-ar', '44100']),
  ];
  const rendererDir = await buildRenderer();
  const summary: string[] = [];
  for (const file of files) {
    log(`\n${basename(file)} (${mb(statSync(file).size)}), ${runs} runs, median (min–max):`);
    const ffmpeg: number[] = [];
    const ours: ImportResult[] = [];
    for (let run = 0; run < runs; run++) {
      ffmpeg.push((await ffmpegDecode(file)).ms);
      ours.push(await importOnce(rendererDir, file));
      log(
        `  run ${run + 1}: import ${ours[run]!.totalMs.toFixed(0)} ms, ffmpeg ${ffmpeg[run]!.toFixed(0)} ms`,
      );
    }
    const total = figures(of(ours, 'totalMs'));
    const analyse = figures(of(ours, 'analyseMs'));
    const ffmpegMs = figures(ffmpeg);
    const moved = figures(of(ours, 'bytesPerByte'));
    const rss = figures(of(ours, 'rssPeak'));
    log(`  ffmpeg -f null decode:      ${show(ffmpeg)}`);
    log(`  Lectern import, in all:     ${show(of(ours, 'totalMs'))}`);
    log(`    copy (bytes on disk):     ${show(of(ours, 'copyMs'))}`);
    log(`    decode & peaks:           ${show(of(ours, 'analyseMs'))}`);
    log(`    finish in main:           ${show(of(ours, 'finishMs'))}`);
    log(`  bytes moved / byte imported: ${showFigures(moved, '×', 3)}`);
    log(
      `  renderer peak over idle:    RSS +${show(of(ours, 'rssPeak', 1024 ** 2), 'MB')}, JS heap +${show(of(ours, 'heapPeak', 1024 ** 2), 'MB')}`,
    );
    summary.push(
      `  ${basename(file).padEnd(26)} decode & peaks ${(analyse.median / ffmpegMs.median).toFixed(2)}× ffmpeg ${goal(analyse.median <= 2 * ffmpegMs.median)} (≤ 2×); ` +
        `whole import ${(total.median / ffmpegMs.median).toFixed(2)}× ffmpeg; ` +
        `${moved.median.toFixed(3)} bytes moved per byte ${goal(moved.median <= 1.05)} (≈ 1); ` +
        `renderer peak +${mb(rss.median)} RSS ${goal(rss.median <= 300 * 1024 ** 2)} (≤ 300 MB)`,
    );
  }
  log('\nSummary (medians of ' + runs + ' runs, Lectern vs ffmpeg decoding the same file in the same run):');
  for (const line of summary) log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
