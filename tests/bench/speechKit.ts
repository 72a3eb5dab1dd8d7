// Shared pieces of the speech benchmarks (speech*.bench.ts): the one-hour test speech (espeak-ng
// sentences with pauses, looped and encoded by ffmpeg, cached under test-results/bench/), a data folder
// holding it as the app would (a real SpeechStore), a loopback server for bare baseline pages, and
// ffmpeg decoding as the baseline decoder. What every benchmark shares is in kit/. Not a benchmark
// itself (no `.bench.ts`).
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { mediaResponse } from '../../electron/common/mediaResponse';
import { analyseAudioFile } from '../../electron/services/audio/analyseAudioFile';
import { SpeechStore } from '../../electron/services/speeches/speechStore';
import { PeakAccumulator } from '../../shared/audio/peakAccumulator';
import { log, mb, ms } from './kit/figures';
import { timeCommand } from './kit/memory';

export const benchDir = resolve('test-results/bench');
export const sampleRate = 48_000;
export const speechSeconds = 3600;
const mib = 1024 * 1024;

export const paths = {
  loopWav: join(benchDir, 'loop.wav'),
  /** As MediaRecorder leaves it: live WebM, unknown segment size, no duration, no cues. */
  liveWebm: join(benchDir, 'speech-60min-live.webm'),
  dataDir: join(benchDir, 'data-60min'),
  fakeMicrophoneWav: join(benchDir, 'fake-microphone.wav'),
};

/** About 45 s of English and Chinese speech with pauses between sentences, 48 kHz mono. */
export function ensureLoopWav(): string {
  if (existsSync(paths.loopWav)) return paths.loopWav;
  mkdirSync(benchDir, { recursive: true });
  const sentences: [string, string, number, string][] = [
    [
      'en',
      '150',
      1.5,
      'Good evening, fellow speakers. Tonight I want to talk about the power of a pause. When you stop for a moment, your audience listens more closely.',
    ],
    [
      'zh',
      '150',
      2.5,
      '大家好，今天我想和大家分享三个演讲技巧。第一，准备充分。第二，注意停顿。第三，看着你的观众。',
    ],
    [
      'en',
      '160',
      0.8,
      'Practice every week, and ask for honest feedback. Record yourself, listen back, and change one thing at a time.',
    ],
  ];
  const parts = sentences.map(([voice, speed, pause, text], i) => {
    const raw = join(benchDir, `sentence-${i}.raw.wav`);
    const padded = join(benchDir, `sentence-${i}.wav`);
    execFileSync('espeak-ng', ['-v', voice, '-s', speed, '-w', raw, text]);
    execFileSync('sox', [raw, '-r', String(sampleRate), '-c', '1', padded, 'pad', '0', String(pause)]);
    return padded;
  });
  execFileSync('sox', [...parts, paths.loopWav, 'pad', '0', '3']);
  return paths.loopWav;
}

/** The one-hour speech as MediaRecorder would leave it (Opus 128 kbit/s in live WebM, 1 s clusters). */
export function ensureLiveWebm(): string {
  if (existsSync(paths.liveWebm)) return paths.liveWebm;
  ensureLoopWav();
  log(`making a ${speechSeconds / 60}-minute WebM/Opus speech with ffmpeg (cached in ${benchDir}) …`);
  const partial = `${paths.liveWebm}.tmp`;
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', '-1', '-i', paths.loopWav],
    ...[
      '-t',
      String(speechSeconds),
      '-c:a',
      'libopus',
      '-b:a',
      '128k',
      '-ac',
      '1',
      '-ar',
      String(sampleRate),
    ],
    ...['-live', '1', '-cluster_time_limit', '1000', '-f', 'webm', partial],
  ]);
  execFileSync('mv', [partial, paths.liveWebm]);
  return paths.liveWebm;
}

/** A file of `seconds` of the speech in another format (e.g. `mp3`), for imports. */
export function ensureSpeechAs(extension: string, codecArgs: string[]): string {
  const path = join(benchDir, `speech-60min.${extension}`);
  if (existsSync(path)) return path;
  ensureLoopWav();
  log(`making a 60-minute .${extension} with ffmpeg …`);
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', '-1', '-i', paths.loopWav],
    ...['-t', String(speechSeconds), ...codecArgs, `${path}.tmp.${extension}`],
  ]);
  execFileSync('mv', [`${path}.tmp.${extension}`, path]);
  return path;
}

/**
 * A data folder holding the one-hour speech as the app stores a recording: SpeechStore.begin, appends
 * of 1 MiB chunks with the peaks (PeakAccumulator over PCM decoded by ffmpeg), finish (which remuxes
 * it to a WebM with duration and cues), then its metrics, which the app computes right after a
 * recording: opening it later computes nothing (speechMetricsApp removes them from its copy to time
 * that computation). Cached; returns the speech's id and finished file.
 */
export async function ensureSpeechDataDir(): Promise<{ speechId: string; audioPath: string }> {
  const root = join(paths.dataDir, 'speeches');
  const existing = existsSync(root) ? readdirSync(root).filter((name) => /^[0-9a-f-]{36}$/.test(name)) : [];
  for (const id of existing) {
    if (existsSync(join(root, id, 'speech.json'))) {
      await ensureStoredMetrics(root, id);
      return { speechId: id, audioPath: join(root, id, 'audio.webm') };
    }
  }
  await rm(paths.dataDir, { recursive: true, force: true });
  const live = ensureLiveWebm();
  log('storing it through SpeechStore (peaks from ffmpeg-decoded PCM, 1 MiB appends, finish) …');
  const peaks = await peaksOf(live);
  const store = new SpeechStore(root);
  const samplesPerPixel = sampleRate / 100;
  const { speechId } = await store.begin({
    source: 'recording',
    mimeType: 'audio/webm',
    title: 'One-hour speech 一小时演讲',
    sampleRate,
    samplesPerPixel,
    target: { minSeconds: 3300, maxSeconds: 3600 },
  });
  await appendFile(store, speechId, live, peaks);
  const started = performance.now();
  const speech = await store.finish(speechId, speechSeconds * 1000);
  log(
    `  finished: ${(speech.durationMs / 60_000).toFixed(2)} min, ${mb(speech.byteSize)} (finish took ${ms(performance.now() - started)})`,
  );
  await ensureStoredMetrics(root, speechId);
  return { speechId, audioPath: join(root, speechId, 'audio.webm') };
}

/**
 * A data folder whose library holds `count` copies of the one-hour speech (new ids and titles, the
 * audio hard-linked): what a member who has practised for months opens a speech among. Cached.
 */
export async function ensureLibraryDataDir(count: number): Promise<string> {
  const dir = join(benchDir, `data-library-${count}`);
  const root = join(dir, 'speeches');
  if (existsSync(root) && readdirSync(root).length === count) return dir;
  const { speechId } = await ensureSpeechDataDir();
  const source = join(paths.dataDir, 'speeches', speechId);
  await rm(dir, { recursive: true, force: true });
  const speech = JSON.parse(readFileSync(join(source, 'speech.json'), 'utf8')) as Record<string, unknown>;
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const target = join(root, id);
    mkdirSync(target, { recursive: true });
    linkSync(join(source, 'audio.webm'), join(target, 'audio.webm'));
    for (const file of ['peaks.json', 'metrics.json']) copyFileSync(join(source, file), join(target, file));
    const createdAt = new Date(Date.UTC(2026, 5, 1) + i * 86_400_000).toISOString();
    writeFileSync(
      join(target, 'speech.json'),
      JSON.stringify({ ...speech, id, title: `Practice ${i + 1} 练习 ${i + 1}`, createdAt }),
    );
  }
  return dir;
}

/** The stored speech's metrics.json, computed once by the shared analyser if missing (cached folders made before it). */
async function ensureStoredMetrics(root: string, speechId: string): Promise<void> {
  if (existsSync(join(root, speechId, 'metrics.json'))) return;
  log('storing its delivery metrics, as the app does after a recording …');
  await new SpeechStore(root).saveMetrics(
    speechId,
    await analyseAudioFile(join(root, speechId, 'audio.webm')),
  );
}

/**
 * Appends `file` to an upload 1 MiB at a time, each chunk with its share of `peaks`, as a recording's
 * appends carry the peaks of the audio they hold.
 */
export async function appendFile(
  store: SpeechStore,
  speechId: string,
  file: string,
  peaks: Int8Array,
): Promise<void> {
  const size = statSync(file).size;
  let sentPairs = 0;
  let offset = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: mib }) as AsyncIterable<Buffer>) {
    offset += chunk.length;
    const upTo = Math.floor(((peaks.length / 2) * offset) / size) * 2;
    await store.append(speechId, new Uint8Array(chunk), new Uint8Array(peaks.slice(sentPairs, upTo).buffer));
    sentPairs = upTo;
  }
}

/** Waveform peaks of a file: ffmpeg decodes it to 48 kHz mono float PCM, PeakAccumulator folds it. */
export async function peaksOf(path: string): Promise<Int8Array> {
  const accumulator = new PeakAccumulator(sampleRate / 100);
  const ffmpeg = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      path,
      '-f',
      'f32le',
      '-ac',
      '1',
      '-ar',
      String(sampleRate),
      '-',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const parts: Int8Array[] = [];
  let carry = Buffer.alloc(0);
  for await (const data of ffmpeg.stdout as AsyncIterable<Buffer>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, data]) : data;
    const whole = bytes.length - (bytes.length % 4);
    const aligned = new Float32Array(whole / 4);
    new Uint8Array(aligned.buffer).set(bytes.subarray(0, whole));
    parts.push(accumulator.push(aligned));
    carry = Buffer.from(bytes.subarray(whole));
  }
  parts.push(accumulator.flush());
  const all = new Int8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

export interface CountingServer {
  origin: string;
  /** Bytes of media bodies sent since the last reset, and the requests that asked for them. */
  bytesSent: number;
  requests: string[];
  reset(): void;
  close(): Promise<void>;
}

/**
 * A tiny loopback server: `/media/<name>` answers with Range support through the app's own
 * mediaResponse (counting the bytes it sends), other paths come from `pages` or from `files`.
 */
export async function startCountingServer(
  media: Record<string, { path: string; mimeType: string }>,
  pages: Record<string, { contentType: string; body: string | Buffer }> = {},
): Promise<CountingServer> {
  const state = { bytesSent: 0, requests: [] as string[] };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const file = url.pathname.startsWith('/media/')
        ? media[url.pathname.slice('/media/'.length)]
        : undefined;
      if (file) {
        const answer = await mediaResponse(file.path, file.mimeType, request.headers.range);
        state.requests.push(`${request.headers.range ?? 'all'} → ${answer.status}`);
        response.writeHead(answer.status, answer.headers);
        if (!answer.body || request.method === 'HEAD') return void response.end();
        answer.body.on('data', (chunk: Buffer) => (state.bytesSent += chunk.length));
        answer.body.pipe(response);
        response.on('close', () => answer.body?.destroy());
        return;
      }
      const page = pages[url.pathname];
      if (!page) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': page.contentType, 'Cache-Control': 'no-store' });
      response.end(page.body);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    get bytesSent() {
      return state.bytesSent;
    },
    get requests() {
      return state.requests;
    },
    reset() {
      state.bytesSent = 0;
      state.requests = [];
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The baseline decoder: ffmpeg decoding `file` to nothing, timed with its peak memory. */
export function ffmpegDecode(file: string): Promise<{ ms: number; peakRss: number; cpuMs: number }> {
  return timeCommand('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', file, '-f', 'null', '-']);
}
