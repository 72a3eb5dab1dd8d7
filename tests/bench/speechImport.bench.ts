// Importing a 60-minute file through the Library's file input (loopback host, built renderer, Debian's
// Chromium): the renderer's importSpeech uploads it in 1 MiB chunks, decodes it half a minute at a
// time (decodeInChunks: mediabunny packets, the browser's decodeAudioData) into PeakAccumulator, then
// main finishes it. Time (whole import, and the decode +
// peaks phase on its own, told apart by watching the speech's folder) and the renderer's peak memory,
// against `ffmpeg -i file -f null -` decoding the same file in the same run.
// Goal: at most 2× ffmpeg's time and 300 MB.
// Run: npx tsx tests/bench/run.ts speechImport
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { startLocalHost } from '../../electron/web/startLocalHost';
import {
  benchDir,
  buildRenderer,
  createProfile,
  ensureLiveWebm,
  ensureSpeechAs,
  goal,
  launchChromium,
  log,
  mb,
  ms,
  newPage,
  openScreen,
  ratio,
  RendererMemory,
  rendererPids,
  rssOf,
  sampleMax,
  ffmpegDecode,
} from './speechKit';

interface ImportResult {
  totalMs: number;
  uploadMs: number;
  peaksMs: number;
  finishMs: number;
  heapPeak: number;
  rssPeak: number;
}

/** Which phase the import is in, from the files in its speech folder. */
function phaseOf(dataDir: string, size: number): 'waiting' | 'upload' | 'peaks' | 'finish' | 'done' {
  const root = join(dataDir, 'speeches');
  const dir = existsSync(root) ? readdirSync(root).find((name) => /^[0-9a-f-]{36}$/.test(name)) : undefined;
  if (!dir) return 'waiting';
  const files = readdirSync(join(root, dir));
  if (files.includes('speech.json')) return 'done';
  if (!files.includes('audio.partial')) return 'finish';
  if (files.some((name) => name.endsWith('.remux.tmp'))) return 'finish';
  return statSync(join(root, dir, 'audio.partial')).size < size ? 'upload' : 'peaks';
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
    const ends: Partial<Record<string, number>> = {};
    const started = performance.now();
    let watching = true;
    const watcher = (async () => {
      let last = 'waiting';
      while (watching) {
        const phase = phaseOf(dataDir, size);
        if (phase !== last) {
          ends[last] = performance.now() - started;
          last = phase;
        }
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('speech-row').first().waitFor({ timeout: 300_000 });
    const totalMs = performance.now() - started;
    watching = false;
    await watcher;
    const heapPeak = (await heap.stop()) - heapIdle;
    const rssPeak = (await rss.stop()) - rssIdle;
    const uploadEnd = ends.upload ?? NaN;
    const peaksEnd = ends.peaks ?? NaN;
    return {
      totalMs,
      uploadMs: uploadEnd,
      peaksMs: peaksEnd - uploadEnd,
      finishMs: totalMs - peaksEnd,
      heapPeak,
      rssPeak,
    };
  } finally {
    await browser.close();
    await host.close();
  }
}

async function main(): Promise<void> {
  const files = [
    ensureLiveWebm(),
    ensureSpeechAs('mp3', ['-c:a', 'libmp3lame', '-b:a', '128k', '-ac', '1', '-ar', '44100']),
  ];
  const rendererDir = await buildRenderer();
  const summary: string[] = [];
  for (const file of files) {
    log(`\n${basename(file)} (${mb(statSync(file).size)}):`);
    const ffmpeg = await ffmpegDecode(file);
    log(`  ffmpeg -f null decode: ${ms(ffmpeg.ms)}, peak RSS ${mb(ffmpeg.peakRss)}`);
    const ours = await importOnce(rendererDir, file);
    log(
      `  Lectern import: ${ms(ours.totalMs)} in all = upload ${ms(ours.uploadMs)} + decode & peaks ${ms(ours.peaksMs)} ` +
        `+ finish in main ${ms(ours.finishMs)}; renderer peak over idle: JS heap +${mb(ours.heapPeak)}, RSS +${mb(ours.rssPeak)}`,
    );
    summary.push(
      `  ${basename(file).padEnd(26)} decode & peaks ${ms(ours.peaksMs)} vs ffmpeg ${ms(ffmpeg.ms)} (${ratio(ours.peaksMs, ffmpeg.ms)}) ${goal(ours.peaksMs <= 2 * ffmpeg.ms)} (≤ 2×); ` +
        `whole import ${ms(ours.totalMs)} (${ratio(ours.totalMs, ffmpeg.ms)}); ` +
        `renderer peak +${mb(ours.rssPeak)} RSS, +${mb(ours.heapPeak)} JS heap vs ffmpeg ${mb(ffmpeg.peakRss)} ${goal(ours.rssPeak <= 300 * 1024 ** 2)} (≤ 300 MB)`,
    );
  }
  log('\nSummary (Lectern vs ffmpeg decoding the same file, same run):');
  for (const line of summary) log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
