// Seeking to minute 45 of a one-hour speech in an <audio> element (Debian's Chromium): the file as the
// app finishes it (SpeechStore.finish: duration and cues) against the same audio as MediaRecorder leaves
// it (live WebM: no duration, no cues), served by a loopback server through the app's own mediaResponse
// (HTTP Range), which counts the bytes it sends; the two alternate, five runs each.
// Goal (#3): under 250 ms.
// Run: npm run bench -- speechSeek
import { launchChromium, preparePage } from './kit/browser';
import { log, mb, median, ms } from './kit/figures';
import { declareGoal } from './kit/goals';
import { benchRuns } from './kit/runs';
import { ensureLiveWebm, ensureSpeechDataDir, startCountingServer } from './speechKit';

const rounds = benchRuns();
const targetSeconds = 45 * 60;

interface SeekResult {
  seekMs: number;
  landedAt: number;
  duration: number;
  metadataBytes: number;
  seekBytes: number;
  seekRequests: number;
}

async function main(): Promise<void> {
  const { audioPath } = await ensureSpeechDataDir();
  const live = ensureLiveWebm();
  const server = await startCountingServer(
    {
      'finished.webm': { path: audioPath, mimeType: 'audio/webm' },
      'live.webm': { path: live, mimeType: 'audio/webm' },
    },
    { '/': { contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>seek</title>' } },
  );
  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);

  async function seekOnce(name: string): Promise<SeekResult> {
    // A new context each time: nothing of the file is left in Chromium's media cache.
    const context = await browser.newContext();
    try {
      const page = await preparePage(await context.newPage());
      await page.goto(server.origin);
      server.reset();
      const duration = await page.evaluate(async (src) => {
        const audio = document.createElement('audio');
        audio.preload = 'metadata';
        audio.src = src;
        document.body.append(audio);
        await new Promise((done, fail) => {
          audio.addEventListener('loadedmetadata', done, { once: true });
          audio.addEventListener('error', () => fail(new Error(audio.error?.message)), { once: true });
        });
        return audio.duration;
      }, `/media/${name}`);
      await page.waitForTimeout(500);
      const metadataBytes = server.bytesSent;
      server.reset();
      const { seekMs, landedAt } = await page.evaluate(async (target) => {
        const audio = document.querySelector('audio')!;
        const started = performance.now();
        const seeked = new Promise<number>((done) =>
          audio.addEventListener('seeked', () => done(performance.now()), { once: true }),
        );
        audio.currentTime = target;
        const at = await seeked;
        return { seekMs: at - started, landedAt: audio.currentTime };
      }, targetSeconds);
      const seekBytes = server.bytesSent;
      const seekRequests = server.requests.length;
      await page.close();
      return { seekMs, landedAt, duration, metadataBytes, seekBytes, seekRequests };
    } finally {
      await context.close();
    }
  }

  const results: Record<string, SeekResult[]> = { 'finished.webm': [], 'live.webm': [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const name of Object.keys(results)) {
        const result = await seekOnce(name);
        results[name]!.push(result);
        log(
          `  ${name.padEnd(13)} round ${round + 1}: seeked in ${ms(result.seekMs)}, landed at ${(result.landedAt / 60).toFixed(2)} min ` +
            `(duration ${Number.isFinite(result.duration) ? `${(result.duration / 60).toFixed(2)} min` : String(result.duration)}); ` +
            `served ${mb(result.metadataBytes)} for metadata, ${mb(result.seekBytes)} in ${result.seekRequests} request(s) to seek`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const pick = (name: string, value: (r: SeekResult) => number) => results[name]!.map(value);
  const landed = (name: string) =>
    results[name]!.every((r) => Math.abs(r.landedAt - targetSeconds) < 1) ? 'yes' : 'NO';
  log(`\nSummary (${rounds} runs; finished by the app vs as MediaRecorder leaves it):`);
  log(
    `  bytes served to seek, median: ${mb(median(pick('finished.webm', (r) => r.seekBytes)))} vs ` +
      `${mb(median(pick('live.webm', (r) => r.seekBytes)))}; landed at 45:00: ${landed('finished.webm')} vs ${landed('live.webm')}`,
  );
  declareGoal({
    issue: 3,
    goal: 'seek to minute 45 of a 60-min speech',
    unit: 'ms',
    lectern: pick('finished.webm', (r) => r.seekMs),
    baseline: pick('live.webm', (r) => r.seekMs),
    target: { on: 'median', atMost: 250, strict: true },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
