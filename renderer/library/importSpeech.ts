// Imports an audio or video file made elsewhere (a phone's mp3, m4a, MP4 or MOV, a wav, ogg or webm):
// the bytes stream to main a mebibyte at a time, and peaks are computed by decoding the sound half a
// minute at a time, so a one-hour file never sits in memory whole. The same decoded blocks feed the delivery metrics (in
// their worker), so the file is decoded once.
import { ALL_FORMATS, BlobSource, Input, type InputFormat } from 'mediabunny';
import { LecternError } from '../../shared/api/errors';
import { PeakAccumulator } from '../../shared/audio/peakAccumulator';
import type { Speech } from '../../shared/domain/speech';
import { api } from '../api/api';
import { keepMetrics } from '../metrics/metricsStore';
import { openMetricsStream } from '../metrics/openMetricsStream';
import type { SpeechMetricsStream } from '../metrics/speechMetricsStream';
import { defaultSpeechLanguage } from '../metrics/speechLanguage';
import { decodeInChunks } from './decodeInChunks';
import { importedMimeType } from './importedMimeType';

const uploadChunkBytes = 1024 * 1024;
const peaksPerAppend = 64 * 1024;

export async function importSpeech(file: File, onProgress: (fraction: number) => void): Promise<Speech> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  let speechId: string | undefined;
  let metrics: SpeechMetricsStream | undefined;
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
    for (let at = 0; at < file.size; at += uploadChunkBytes) {
      const audio = new Uint8Array(await file.slice(at, at + uploadChunkBytes).arrayBuffer());
      await api.call('speeches.append', { speechId, audio });
      onProgress((0.5 * Math.min(file.size, at + uploadChunkBytes)) / file.size);
    }
    const accumulator = new PeakAccumulator(samplesPerPixel);
    let pending: number[] = [];
    const sendPeaks = async (final: boolean) => {
      if (pending.length === 0 || (!final && pending.length < peaksPerAppend)) return;
      const bytes = new Uint8Array(Int8Array.from(pending).buffer);
      pending = [];
      await api.call('speeches.append', { speechId: speechId!, audio: new Uint8Array(), peaks: bytes });
    };
    let reported = 0.5;
    metrics = openMetricsStream(sampleRate);
    for await (const block of decodeInChunks(track)) {
      for (const value of accumulator.push(block.samples)) pending.push(value);
      // A failing analysis costs the metrics (computed again when the speech is opened), not the import.
      await metrics.push(block.samples).catch(() => undefined);
      await sendPeaks(false);
      // Every half percent at most: each report re-renders the library.
      const fraction = duration > 0 ? 0.5 + 0.5 * Math.min(1, block.endSeconds / duration) : 0.5;
      if (fraction - reported >= 0.005) onProgress((reported = fraction));
    }
    for (const value of accumulator.flush()) pending.push(value);
    await sendPeaks(true);
    const measured = metrics.finish().catch((error: unknown) => {
      console.error('[lectern] no metrics for the import:', error);
      return null;
    });
    const speech = await api.call('speeches.finish', { speechId, durationMs: Math.round(duration * 1000) });
    const result = await measured;
    if (result) await keepMetrics(speech.id, result).catch(() => undefined);
    onProgress(1);
    return speech;
  } catch (error) {
    if (speechId) await api.call('speeches.discard', { speechId }).catch(() => undefined);
    throw error instanceof LecternError
      ? error
      : new LecternError('invalid_input', 'errors.unreadableAudio', { name: file.name });
  } finally {
    metrics?.close();
    input.dispose();
  }
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
