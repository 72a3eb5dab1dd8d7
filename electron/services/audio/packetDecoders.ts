// Decoders for the compressed audio the app imports, fed the packets mediabunny demuxes, in Node where
// there is no WebCodecs: Opus (libopus) and MP3 (mpg123) from the wasm-audio-decoders family, AAC from
// @audio/decode-aac (FAAD2; GPL-2.0, so a development dependency of the CLI, never in the app). Each
// runs on a worker thread (packetDecoderWorker.js), so decoding the next seconds overlaps analysing
// these: a call sends a batch and resolves, in order, to its mono samples. (A second Opus thread, taking
// every other batch, only competed with the analysis on two cores and cost 50 MB more.)
import { Worker } from 'node:worker_threads';
import { opusDecoderOptions } from '../../../shared/audio/opusHead';

export interface PacketDecoder {
  /** Mono samples of these packets and their rate; several calls may be in flight, answered in order. */
  decode(packets: Uint8Array[]): Promise<{ samples: Float32Array; sampleRate: number }>;
  free(): Promise<void>;
}

type Codec = 'opus' | 'mp3' | 'aac';

async function workerDecoder(codec: Codec, options: object): Promise<PacketDecoder> {
  const worker = new Worker(new URL('./packetDecoderWorker.js', import.meta.url), {
    workerData: { codec, options },
    // Each batch leaves megabytes of garbage: small heaps make it collected early (the samples
    // themselves live outside the heap). An hour of AAC peaked at 120 MB over idle with a 16 MB old
    // generation against 151 MB with 32 (medians of six); each codec's hour decodes within 8.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 16 },
  });
  const waiting: {
    resolve: (value: { samples: Float32Array; sampleRate: number }) => void;
    reject: (e: Error) => void;
  }[] = [];
  let failed: Error | null = null;
  const fail = (error: Error) => {
    failed ??= error;
    for (const w of waiting.splice(0)) w.reject(failed);
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.on('message', (message: { samples: Float32Array; sampleRate: number } | { error: string }) => {
    const next = waiting.shift();
    if ('error' in message) next?.reject(new Error(message.error));
    else next?.resolve(message);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the audio decoder stopped')));
  return {
    decode(packets) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(packets);
      });
    },
    async free() {
      worker.removeAllListeners();
      await worker.terminate();
    },
  };
}

/**
 * Opus at 48 kHz, as its OpusHead says. (Decoding at 24 kHz saved 5 % of the time and moved loudness
 * by 0.1 LU: the K-weighting bends near Nyquist.)
 */
export function opusDecoder(head: Uint8Array | undefined, channels: number): Promise<PacketDecoder> {
  return workerDecoder('opus', opusDecoderOptions(head, channels));
}

export function mp3Decoder(): Promise<PacketDecoder> {
  return workerDecoder('mp3', {});
}

/** AAC (LC, HE), from raw access units and the track's AudioSpecificConfig. */
export function aacDecoder(audioSpecificConfig: Uint8Array | undefined): Promise<PacketDecoder> {
  if (!audioSpecificConfig) throw new Error('AAC without its AudioSpecificConfig');
  return workerDecoder('aac', { asc: audioSpecificConfig });
}
