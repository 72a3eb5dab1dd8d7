// Importing a 60-minute file through the Library's file input (loopback host, renderer as shipped,
// Debian's Chromium), five runs per file, each beside `ffmpeg -i file -f null -` decoding the same file
// (the baseline, in the same run): the whole import, and its stages told apart by watching the speech's
// folder — the copy (the file's bytes reaching audio.partial), the analysis (decode + peaks, the
// renderer's `lectern.import.analyse` measure; in a renderer without it, the time between the copy's
// end and finish's start), and finish in main; the bytes the host received per imported byte (read off
// its sockets); the renderer's peak memory over the idle page.
// Goals (#21): whole import ≤ 1.5× ffmpeg; decode & peaks ≤ 1.2× ffmpeg; renderer ≤ 300 MB over
// idle; one copy of the bytes (≤ 1.05 bytes moved per byte imported, for the requests' own overhead).
// Run: npm run bench -- speechImport
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createProfile, launchChromium, newPage, openScreen } from './kit/browser';
import { figures, log, mb, mib, showFigures } from './kit/figures';
import { declareGoal } from './kit/goals';
import { startHost } from './kit/host';
import { watchRendererPeak } from './kit/memory';
import { benchRuns, repeat } from './kit/runs';
import { readSocketBytes, socketBytesModule } from './kit/socketBytes';
import { benchDir, ensureLiveWebm, ensureSpeechAs, ffmpegDecode } from './speechKit';

interface ImportResult {
  totalMs: number;
  copyMs: number;
  analyseMs: number;
  finishMs: number;
  bytesPerByte: number;
  heapPeak: number;
  rssPeak: number;
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

async function importOnce(file: string): Promise<ImportResult> {
  const dataDir = join(benchDir, 'import-data');
  await rm(dataDir, { recursive: true, force: true });
  const host = await startHost(dataDir, { nodeArgs: ['--import', socketBytesModule] });
  const browser = await launchChromium();
  try {
    const page = await newPage(browser, { locale: 'en-US', viewport: { width: 1180, height: 780 } });
    await createProfile(page, await host.newEntryUrl());
    await openScreen(page, '3', /^(Library|演讲库)$/);
    await page.waitForTimeout(1500);
    const memory = await watchRendererPeak(page);
    const size = statSync(file).size;
    let copyEnd = NaN;
    let finishStart = NaN;
    const receivedBefore = await readSocketBytes(host);
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
    const bytesPerByte = ((await readSocketBytes(host)) - receivedBefore) / size;
    const { heapOverIdle, rssOverIdle } = await memory.stop();
    const measured = await page.evaluate(
      () => performance.getEntriesByName('lectern.import.analyse', 'measure')[0]?.duration,
    );
    return {
      totalMs,
      copyMs: copyEnd,
      analyseMs: measured ?? finishStart - copyEnd,
      finishMs: totalMs - finishStart,
      bytesPerByte,
      heapPeak: heapOverIdle,
      rssPeak: rssOverIdle,
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
    ensureSpeechAs('m4a', ['-c:a', 'aac', '-b:a', '96k', '-ac', '1', '-ar', '44100']),
  ];
  const runs = benchRuns();
  for (const file of files) {
    const name = basename(file);
    log(`\n${name} (${mb(statSync(file).size)}), ${runs} runs, each ffmpeg then the import:`);
    const results = await repeat(runs, async (run) => {
      const ffmpeg = (await ffmpegDecode(file)).ms;
      const ours = await importOnce(file);
      log(`  run ${run + 1}: import ${ours.totalMs.toFixed(0)} ms, ffmpeg ${ffmpeg.toFixed(0)} ms`);
      return { ffmpeg, ours };
    });
    const ffmpeg = results.map((r) => r.ffmpeg);
    const ours = results.map((r) => r.ours);
    log(`  ffmpeg -f null decode:      ${show(ffmpeg)}`);
    log(`  Lectern import, in all:     ${show(of(ours, 'totalMs'))}`);
    log(`    copy (bytes on disk):     ${show(of(ours, 'copyMs'))}`);
    log(`    decode & peaks:           ${show(of(ours, 'analyseMs'))}`);
    log(`    finish in main:           ${show(of(ours, 'finishMs'))}`);
    log(`  bytes moved / byte imported: ${showFigures(figures(of(ours, 'bytesPerByte')), '×', 3)}`);
    log(
      `  renderer peak over idle:    RSS +${show(of(ours, 'rssPeak', mib), 'MB')}, JS heap +${show(of(ours, 'heapPeak', mib), 'MB')}`,
    );
    declareGoal({
      issue: 21,
      goal: `import ${name}: whole import vs ffmpeg decode`,
      unit: 'ms',
      lectern: of(ours, 'totalMs'),
      baseline: ffmpeg,
      target: { on: 'ratio', atMost: 1.5 },
    });
    declareGoal({
      issue: 21,
      goal: `import ${name}: decode & peaks vs ffmpeg decode`,
      unit: 'ms',
      lectern: of(ours, 'analyseMs'),
      baseline: ffmpeg,
      target: { on: 'ratio', atMost: 1.2 },
    });
    declareGoal({
      issue: 21,
      goal: `import ${name}: renderer RSS peak over idle`,
      unit: 'MB',
      lectern: of(ours, 'rssPeak', mib),
      baseline: null,
      target: { on: 'median', atMost: 300 },
    });
    declareGoal({
      issue: 21,
      goal: `import ${name}: bytes moved per byte imported`,
      unit: '×',
      digits: 3,
      lectern: of(ours, 'bytesPerByte'),
      baseline: null,
      target: { on: 'median', atMost: 1.05 },
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
