// Imports an audio or video file made elsewhere (a phone's mp3, m4a, MP4 or MOV, a wav, ogg or webm).
// Two stages run side by side: copying (the file's bytes move once into the speech: main copies it, or
// one streamed upload — uploadSpeechFile) and analysing (peaks, by decoding the sound half a minute at
// a time, so a one-hour file never sits in memory whole). The delivery metrics are computed once the
// speech is in the library, as after a recording: feeding them during the import held its decoding to
// the analysis's pace, and the member waits for the import, not for the metrics. Cancelling (the
// signal) stops both stages and discards the half-made speech.
import { ALL_FORMATS, BlobSource, Input, type InputAudioTrack, type InputFormat } from 'mediabunny';
import { LecternError } from '../../shared/api/errors';
import { PeakAccumulator } from '../../shared/audio/peakAccumulator';
import type { Speech } from '../../shared/domain/speech';
import { api, uploadSpeechFile } from '../api/api';
import { ensureSpeechMetrics } from '../metrics/metricsStore';
import { defaultSpeechLanguage } from '../metrics/speechLanguage';
import { decodeInChunks } from './decodeInChunks';
import { importedMimeType } from './importedMimeType';

/** How far each stage is, 0..1. */
export interface ImportStages {
  copied: number;
  analysed: number;
}

/** Peaks go to main in appends this big at most (an hour makes about 700 kB). */
const peakBytesPerAppend = 4 * 1024 * 1024;
/** The share of the whole that copying and analysing make up together; finishing in main is the rest. */
const stagesShare = 0.95;

export async function importSpeech(
  file: File,
  onProgress: (fraction: number, stages: ImportStages) => void,
  signal?: AbortSignal,
): Promise<Speech> {
  signal?.throwIfAborted();
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  // Stops whichever stage is still running when the other fails, or when the member cancels.
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let speechId: string | undefined;
  try {
    const { mimeType, track } = await openMedia(input);
    const sampleRate = track.sampleRate;
    const samplesPerPixel = Math.round(sampleRate / 100);
    const duration = await input.computeDuration();
    ({ speechId } = await api.call('speeches.begin', {
      source: 'import',
      mimeType,
      title: file.name.replace(/\.[^.]+$/, '').slice(0, 200) || file.name,
      originalName: file.name.slice(0, 255),
      language: defaultSpeechLanguage(),
      sampleRate,
      samplesPerPixel,
    }));
    stop.signal.throwIfAborted();
    const stages: ImportStages = { copied: 0, analysed: 0 };
    let reported = 0;
    let stagesDone = 0;
    const report = () => {
      const fraction = (stagesShare * (stages.copied + stages.analysed)) / 2;
      const done = Number(stages.copied >= 1) + Number(stages.analysed >= 1);
      // Every half percent at most (each report re-renders the library), and when a stage ends.
      if (fraction - reported < 0.005 && done === stagesDone) return;
      stagesDone = done;
      onProgress((reported = fraction), { ...stages });
    };
    const copying = uploadSpeechFile(speechId, file, {
      signal: stop.signal,
      onProgress: (fraction) => {
        stages.copied = fraction;
        report();
      },
    });
    const analysing = analyse(track, samplesPerPixel, duration, stop.signal, (fraction) => {
      stages.analysed = fraction;
      report();
    });
    const [, peaks] = await Promise.all([copying, analysing]).catch(async (error: unknown) => {
      stop.abort(error);
      await Promise.allSettled([copying, analysing]);
      throw signal?.aborted ? signal.reason : error;
    });
    for (let at = 0; at < peaks.byteLength; at += peakBytesPerAppend) {
      const chunk = peaks.subarray(at, at + peakBytesPerAppend);
      await api.call('speeches.append', { speechId, audio: new Uint8Array(), peaks: chunk });
    }
    stop.signal.throwIfAborted();
    const speech = await api.call('speeches.finish', { speechId, durationMs: Math.round(duration * 1000) });
    onProgress(1, { copied: 1, analysed: 1 });
    void ensureSpeechMetrics(speech);
    return speech;
  } catch (error) {
    if (speechId) await api.call('speeches.discard', { speechId }).catch(() => undefined);
    if (signal?.aborted) throw signal.reason;
    throw error instanceof LecternError
      ? error
      : new LecternError('invalid_input', 'errors.unreadableAudio', { name: file.name });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    input.dispose();
  }
}

/** Decodes the sound into peaks (min/max pairs). Timed as `lectern.import.analyse` for the import benchmark. */
async function analyse(
  track: InputAudioTrack,
  samplesPerPixel: number,
  duration: number,
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const started = performance.now();
  const accumulator = new PeakAccumulator(samplesPerPixel);
  const parts: Int8Array[] = [];
  for await (const block of decodeInChunks(track)) {
    signal.throwIfAborted();
    parts.push(accumulator.push(block.samples));
    if (duration > 0) onProgress(Math.min(1, block.endSeconds / duration));
  }
  parts.push(accumulator.flush());
  onProgress(1);
  performance.measure('lectern.import.analyse', { start: started });
  const peaks = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    peaks.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  return peaks;
}

/** The file's MIME type as kept, and the sound track its peaks and metrics come from. */
async function openMedia(input: Input) {
  let format: InputFormat;
  try {
    format = await input.getFormat();
  } catch {
    throw new LecternError('invalid_input', 'errors.unreadableAudio');
  }
  const [video, track] = await Promise.all([input.getPrimaryVideoTrack(), input.getPrimaryAudioTrack()]);
  const mimeType = importedMimeType(format, {
    video: video?.codec ?? null,
    audio: track ? { codec: track.codec } : null,
  });
  if (!track || !(await track.canDecode())) throw new LecternError('invalid_input', 'errors.unreadableAudio');
  return { mimeType, track };
}
