// Computes a stored speech's metrics from its audio: read with Range requests (never the whole file),
// decoded half a minute at a time as imports are (decodeInChunks), analysed in the metrics worker.
import { ALL_FORMATS, Input, UrlSource } from 'mediabunny';
import { LecternError } from '../../shared/api/errors';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import { speechAudioPath, type Speech } from '../../shared/domain/speech';
import { mediaUrl } from '../api/api';
import { decodeInChunks } from '../library/decodeInChunks';
import { openMetricsStream } from './openMetricsStream';
import type { SpeechMetricsStream } from './speechMetricsStream';

/** Bytes of the file the reader keeps around: a few stretches, not the hour. */
const readCacheBytes = 16 * 1024 * 1024;

export async function computeSpeechMetrics(
  speech: Pick<Speech, 'id' | 'durationMs'>,
  onProgress: (fraction: number) => void,
): Promise<SpeechMetrics> {
  const url = new URL(mediaUrl(speechAudioPath(speech.id)), location.href);
  const input = new Input({
    source: new UrlSource(url, { maxCacheSize: readCacheBytes }),
    formats: ALL_FORMATS,
  });
  let stream: SpeechMetricsStream | undefined;
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track || !(await track.canDecode()))
      throw new LecternError('invalid_input', 'errors.unreadableAudio');
    const durationSec = speech.durationMs / 1000;
    stream = openMetricsStream(track.sampleRate);
    for await (const block of decodeInChunks(track)) {
      // Handed over, not copied: each block is a buffer of its own that nothing here reads again.
      await stream.push(block.samples, true);
      if (durationSec > 0) onProgress(Math.min(1, block.endSeconds / durationSec));
    }
    return await stream.finish();
  } finally {
    stream?.close();
    input.dispose();
  }
}
