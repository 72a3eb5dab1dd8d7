// The one-hour video speech of the video benchmarks: 720p VP9 at about 1 Mbit/s with the Opus speech
// of speechKit, as MediaRecorder leaves it (live WebM: no duration, no Cues), and two data folders
// holding it as the app does: one stored through SpeechStore (finish remuxes it: duration and Cues),
// and the same speech with the live file in place of the finished one (the baseline). Cached under
// test-results/bench/. Not a benchmark itself (no `.bench.ts`).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { analyseAudioFile } from '../../electron/services/audio/analyseAudioFile';
import { SpeechStore } from '../../electron/services/speeches/speechStore';
import { log, mb, ms } from './kit/figures';
import { appendFile, benchDir, ensureLiveWebm, peaksOf, sampleRate, speechSeconds } from './speechKit';

/** One encoded stretch, repeated (packets copied) to an hour: encoding an hour of 720p takes too long here. */
const stretchSeconds = 30;

export const videoPaths = {
  liveVideo: join(benchDir, 'video-vp9-60min-live.webm'),
  /** The finished speech, as SpeechStore.finish leaves it. */
  dataDir: join(benchDir, 'data-video-vp9-60min'),
  /** The same speech, its file swapped for the live one: what the app would play without the remux. */
  liveDataDir: join(benchDir, 'data-video-vp9-60min-live'),
};

export function ensureLiveVideoWebm(): string {
  if (existsSync(videoPaths.liveVideo)) return videoPaths.liveVideo;
  const audio = ensureLiveWebm();
  mkdirSync(benchDir, { recursive: true });
  log(`making a ${speechSeconds / 60}-minute 720p VP9 + Opus WebM with ffmpeg (cached in ${benchDir}) …`);
  const stretch = join(benchDir, 'video-stretch.webm');
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${stretchSeconds}`],
    // Realtime VP8 at 1 Mbit/s with a key frame every 2 s: what Chromium's MediaRecorder makes of a camera.
    ...[
      '-c:v',
      'libvpx',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-b:v',
      '1M',
      '-g',
      '60',
      '-an',
      stretch,
    ],
  ]);
  const list = join(benchDir, 'video-stretch.txt');
  writeFileSync(list, `file '${stretch}'\n`.repeat(speechSeconds / stretchSeconds));
  const partial = `${videoPaths.liveVideo}.tmp`;
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'concat', '-safe', '0', '-i', list, '-i', audio],
    ...['-map', '0:v', '-map', '1:a', '-c', 'copy', '-t', String(speechSeconds)],
    ...['-live', '1', '-cluster_time_limit', '1000', '-f', 'webm', partial],
  ]);
  execFileSync('mv', [partial, videoPaths.liveVideo]);
  return videoPaths.liveVideo;
}

/**
 * Both data folders: the live video stored through SpeechStore (begin, 1 MiB appends with their share
 * of the peaks, finish, its metrics), then a copy whose video.webm is the live file. Returns the
 * speech's id.
 */
export async function ensureVideoDataDirs(): Promise<{ speechId: string }> {
  const root = join(videoPaths.dataDir, 'speeches');
  const existing = existsSync(root) ? readdirSync(root).filter((name) => /^[0-9a-f-]{36}$/.test(name)) : [];
  const done = existing.find((id) => existsSync(join(root, id, 'metrics.json')));
  if (done && existsSync(videoPaths.liveDataDir)) return { speechId: done };
  await rm(videoPaths.dataDir, { recursive: true, force: true });
  await rm(videoPaths.liveDataDir, { recursive: true, force: true });
  const live = ensureLiveVideoWebm();
  log('storing it through SpeechStore (peaks from ffmpeg-decoded PCM, 1 MiB appends, finish) …');
  const peaks = await peaksOf(live);
  const store = new SpeechStore(root);
  const { speechId } = await store.begin({
    source: 'recording',
    mimeType: 'video/webm',
    title: 'One-hour video 一小时视频',
    sampleRate,
    samplesPerPixel: sampleRate / 100,
  });
  await appendFile(store, speechId, live, peaks);
  const started = performance.now();
  const speech = await store.finish(speechId, speechSeconds * 1000);
  log(
    `  finished: ${(speech.durationMs / 60_000).toFixed(2)} min, ${mb(speech.byteSize)}, ` +
      `${speech.video?.width}×${speech.video?.height} (finish took ${ms(performance.now() - started)})`,
  );
  // Its metrics and poster frame, as the app keeps them after a recording: opening it computes nothing.
  const finished = join(root, speechId, 'video.webm');
  await store.saveMetrics(speechId, await analyseAudioFile(finished));
  const poster = execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-ss', '1', '-i', finished],
    ...['-frames:v', '1', '-vf', 'scale=320:-2', '-f', 'mjpeg', '-'],
  ]);
  await store.savePoster(speechId, new Uint8Array(poster));
  cpSync(videoPaths.dataDir, videoPaths.liveDataDir, { recursive: true });
  cpSync(live, join(videoPaths.liveDataDir, 'speeches', speechId, 'video.webm'));
  return { speechId };
}
