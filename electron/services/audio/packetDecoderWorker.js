// The decoding thread of packetDecoders.ts: one wasm decoder (Opus, MP3 or AAC) turning batches of
// packets into mono samples, in order, their buffers moved back rather than copied. Plain JavaScript
// on purpose: a worker that loaded the TypeScript toolchain would cost 100 MB to save nothing.
import { parentPort, workerData } from 'node:worker_threads';

const { codec, options } = workerData;
const decoder = await create();

parentPort.on('message', (packets) => {
  try {
    const out = decoder.decode(packets);
    const samples = mono(out.channelData);
    parentPort.postMessage({ samples, sampleRate: out.sampleRate || 0 }, [samples.buffer]);
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });

async function create() {
  if (codec === 'opus') {
    const { OpusDecoder } = await import('opus-decoder');
    const opus = new OpusDecoder(options);
    await opus.ready;
    return { decode: (packets) => opus.decodeFrames(packets) };
  }
  if (codec === 'mp3') {
    const { MPEGDecoder } = await import('mpg123-decoder');
    const mp3 = new MPEGDecoder();
    await mp3.ready;
    return { decode: (packets) => mp3.decodeFrames(packets) };
  }
  if (codec === 'aac') {
    const { decoder } = await import('@audio/decode-aac');
    const aac = await decoder({ asc: options.asc });
    return {
      decode: (packets) => (packets.length > 0 ? aac.decode(packets) : { channelData: [], sampleRate: 0 }),
    };
  }
  throw new Error(`no decoder for ${codec}`);
}

/**
 * The channels averaged into a buffer of its own, so it can be moved. A lone channel that already owns
 * its buffer (the decoders concatenate each batch into a new one) is moved as it is: copying an hour of
 * mono took half a second of this thread, which is the metrics' bottleneck.
 */
function mono(channels) {
  const [first] = channels;
  if (!first) return new Float32Array(0);
  if (channels.length === 1 && first.byteOffset === 0 && first.byteLength === first.buffer.byteLength)
    return first;
  const out = new Float32Array(first.length);
  const scale = 1 / channels.length;
  for (const channel of channels) for (let i = 0; i < out.length; i++) out[i] += channel[i] * scale;
  return out;
}
