// Decodes an imported file's audio a stretch at a time, as mono blocks, with memory bounded by the
// stretch and not by the file. WebCodecs decodes one 20 ms packet per call, and its per-call cost made
// an hour of Opus take eight times as long as ffmpeg; here mediabunny copies half a minute of packets
// (no decoding) into a small file of their own codec, and the browser's native decodeAudioData
// decodes that off the main thread in one call. Codecs with no such file format take the WebCodecs
// path.
import {
  AdtsOutputFormat,
  AudioSampleSink,
  BufferTarget,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  FlacOutputFormat,
  Mp3OutputFormat,
  OggOutputFormat,
  Output,
  WavOutputFormat,
  type AudioCodec,
  type EncodedPacket,
  type InputAudioTrack,
  type OutputFormat,
} from 'mediabunny';
import { mixToMono } from '../../shared/audio/peakAccumulator';
import { joinOpusPackets } from './joinOpusPackets';

export interface DecodedBlock {
  /** Mono samples at the track's sample rate, in a buffer no other block shares (a consumer may take it). */
  samples: Float32Array;
  /** Where the block ends, in seconds: for progress. */
  endSeconds: number;
}

const stretchSeconds = 30;
/** Stretches handed to the browser's decoder beside the one being gathered, so it never waits for work. */
const stretchesInFlight = 2;

/** Files the browser's decodeAudioData reads, by the codec they carry. */
function fileFormatFor(codec: AudioCodec | null): OutputFormat | null {
  const formats = [
    new Mp3OutputFormat(),
    new AdtsOutputFormat(),
    new OggOutputFormat(),
    new FlacOutputFormat(),
    new WavOutputFormat(),
  ];
  return (codec && formats.find((format) => format.getSupportedAudioCodecs().includes(codec))) || null;
}

export async function* decodeInChunks(track: InputAudioTrack): AsyncGenerator<DecodedBlock> {
  const format = fileFormatFor(track.codec);
  if (!format) return yield* decodeByPacket(track);
  let yielded = false;
  try {
    for await (const block of decodeByStretch(track, format)) {
      yielded = true;
      yield block;
    }
  } catch (error) {
    // A browser that cannot read the stretch's file format still gets the file imported, slowly;
    // a failure after the first stretch is a damaged file, reported as such.
    if (yielded) throw error;
    yield* decodeByPacket(track);
  }
}

async function* decodeByStretch(track: InputAudioTrack, format: OutputFormat): AsyncGenerator<DecodedBlock> {
  const decoderConfig = await track.getDecoderConfig();
  // One context decodes every stretch (each is a native object that lives until collected).
  const context = new OfflineAudioContext(1, 1, track.sampleRate);
  let stretch: EncodedPacket[] = [];
  // Stretches decode off the main thread while the next is gathered (Chromium decodes them one after
  // the other, so more in flight would only hold more memory); they are yielded in order.
  const decoding: Promise<DecodedBlock[]>[] = [];
  const startDecoding = () => {
    decoding.push(decodeStretch(context, format, track.codec!, decoderConfig, stretch));
    stretch = [];
  };
  // Packet by packet rather than through `packets()`, whose read-ahead queue costs more per packet
  // than the rest of this loop for the tens of thousands of packets in an hour.
  const sink = new EncodedPacketSink(track);
  for (let packet = await sink.getFirstPacket(); packet; packet = await sink.getNextPacket(packet)) {
    stretch.push(packet);
    if (packet.timestamp + packet.duration - stretch[0]!.timestamp < stretchSeconds) continue;
    startDecoding();
    if (decoding.length > stretchesInFlight) yield* await decoding.shift()!;
  }
  if (stretch.length > 0) startDecoding();
  while (decoding.length > 0) yield* await decoding.shift()!;
}

async function decodeStretch(
  context: OfflineAudioContext,
  format: OutputFormat,
  codec: AudioCodec,
  decoderConfig: AudioDecoderConfig | null,
  packets: EncodedPacket[],
): Promise<DecodedBlock[]> {
  const start = packets[0]!.timestamp;
  const last = packets[packets.length - 1]!;
  const end = last.timestamp + last.duration;
  const target = new BufferTarget();
  const output = new Output({ format, target });
  const source = new EncodedAudioPacketSource(codec);
  output.addAudioTrack(source);
  await output.start();
  for (const [i, packet] of (codec === 'opus' ? joinOpusPackets(packets) : packets).entries()) {
    await source.add(
      packet.clone({ timestamp: packet.timestamp - start }),
      i === 0 && decoderConfig ? { decoderConfig } : undefined,
    );
  }
  await output.finalize();
  const audio = await context.decodeAudioData(target.buffer!);
  const sampleRate = context.sampleRate;
  const channels = Array.from({ length: audio.numberOfChannels }, (_, i) => takeOut(audio.getChannelData(i)));
  const samples = mixToMono(channels);
  // Each stretch is a file of its own, and a decoder may drop its first few milliseconds (Opus
  // pre-skip, MP3 priming): silence in their place keeps every later peak where it belongs.
  // (A container that gives packets no duration says nothing about the length: then it stays as decoded.)
  const expected = Math.round((end - start) * sampleRate);
  if (last.duration <= 0) return [{ samples, endSeconds: end }];
  if (samples.length >= expected) return [{ samples: samples.subarray(0, expected), endSeconds: end }];
  return [
    { samples: new Float32Array(expected - samples.length), endSeconds: start },
    { samples, endSeconds: end },
  ];
}

/**
 * The channel's samples moved (not copied) out of their AudioBuffer into an array of their own. The
 * garbage collector does not count what an AudioBuffer holds, so dropped ones piled up: an hour of
 * stretches grew the page by 700 MB before a collection. A moved buffer is counted, and collected in time.
 */
function takeOut(channel: Float32Array): Float32Array {
  return structuredClone(channel, { transfer: [channel.buffer] });
}

async function* decodeByPacket(track: InputAudioTrack): AsyncGenerator<DecodedBlock> {
  for await (const sample of new AudioSampleSink(track).samples()) {
    const channels = Array.from({ length: sample.numberOfChannels }, (_, plane) => {
      const data = new Float32Array(sample.numberOfFrames);
      sample.copyTo(data, { planeIndex: plane, format: 'f32-planar' });
      return data;
    });
    sample.close();
    yield { samples: mixToMono(channels), endSeconds: sample.timestamp + sample.duration };
  }
}
