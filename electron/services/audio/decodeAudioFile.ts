// Decodes an audio file of any format the app imports (WAV, WebM/Opus, Ogg Opus or Vorbis, MP3,
// M4A/AAC, FLAC) into mono samples a few seconds at a time, in plain Node (the CLI): mediabunny reads
// the container as the app's import does, and wasm decoders do what WebCodecs does in the browser.
// Memory is bounded by the batch, not by the file; nothing outside npm is needed (no ffmpeg).
import { createReadStream } from 'node:fs';
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import {
  ALL_FORMATS,
  AudioSampleSink,
  EncodedPacketSink,
  FilePathSource,
  Input,
  PCM_AUDIO_CODECS,
  type InputAudioTrack,
} from 'mediabunny';
import { mixToMono } from '../../../shared/audio/peakAccumulator';
import type { PacketDecoder } from './packetDecoders';
import { aacDecoder, mp3Decoder, opusDecoder } from './packetDecoders';

export interface DecodedBlock {
  /** Mono samples in [-1, 1]. */
  samples: Float32Array;
  sampleRate: number;
}

export type AudioFileProblem = 'unreadable' | 'no_audio' | 'unsupported_codec';

export class AudioFileError extends Error {
  override readonly name = 'AudioFileError';
  constructor(
    readonly reason: AudioFileProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Packets decoded per call: two seconds of Opus, two or three of MP3 or AAC (larger batches only held more memory). */
const packetsPerBatch = 100;

export async function* decodeAudioFile(path: string): AsyncGenerator<DecodedBlock> {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    const format = await input.getFormat().catch(() => {
      throw new AudioFileError('unreadable', `${path} is not an audio file Lectern can read.`);
    });
    const track = await input.getPrimaryAudioTrack();
    if (!track) throw new AudioFileError('no_audio', `${path} has no audio track.`);
    const codec = track.codec;
    if (codec && (PCM_AUDIO_CODECS as readonly string[]).includes(codec)) return yield* decodePcm(track);
    // Vorbis and FLAC decoders read their own streams (Ogg pages, FLAC frames) from the file's bytes.
    if (codec === 'vorbis' && format.name === 'Ogg') return yield* decodeBytes(path, new OggVorbisDecoder());
    if (codec === 'flac' && format.name === 'FLAC') return yield* decodeBytes(path, new FLACDecoder());
    const decoder = await packetDecoderFor(track);
    if (!decoder)
      throw new AudioFileError(
        'unsupported_codec',
        `${path}: ${codec ?? 'an unknown codec'} is not supported.`,
      );
    try {
      yield* decodePackets(track, decoder);
    } finally {
      await decoder.free();
    }
  } finally {
    input.dispose();
  }
}

async function packetDecoderFor(track: InputAudioTrack): Promise<PacketDecoder | null> {
  const config = await track.getDecoderConfig();
  const description = config?.description ? bytesOf(config.description) : undefined;
  switch (track.codec) {
    case 'opus':
      return opusDecoder(description, track.numberOfChannels);
    case 'mp3':
      return mp3Decoder();
    case 'aac':
      return aacDecoder(description);
    default:
      return null;
  }
}

/** Batches sent ahead of the one being analysed: the decoder's thread never waits, memory stays small. */
const batchesInFlight = 3;

async function* decodePackets(track: InputAudioTrack, decoder: PacketDecoder): AsyncGenerator<DecodedBlock> {
  const sink = new EncodedPacketSink(track);
  const decoding: Promise<DecodedBlock>[] = [];
  let batch: Uint8Array[] = [];
  // Packet by packet: mediabunny's packets() iterator reads ahead at a cost per packet.
  for (let packet = await sink.getFirstPacket(); packet; packet = await sink.getNextPacket(packet)) {
    batch.push(packet.data);
    if (batch.length < packetsPerBatch) continue;
    decoding.push(decoder.decode(batch));
    batch = [];
    if (decoding.length < batchesInFlight) continue;
    const block = await decoding.shift()!;
    if (block.samples.length > 0) yield block;
  }
  if (batch.length > 0) decoding.push(decoder.decode(batch));
  while (decoding.length > 0) {
    const block = await decoding.shift()!;
    if (block.samples.length > 0) yield block;
  }
}

async function* decodePcm(track: InputAudioTrack): AsyncGenerator<DecodedBlock> {
  for await (const sample of new AudioSampleSink(track).samples()) {
    const planes = Array.from({ length: sample.numberOfChannels }, (_, planeIndex) => {
      const plane = new Float32Array(sample.numberOfFrames);
      sample.copyTo(plane, { planeIndex, format: 'f32-planar' });
      return plane;
    });
    const sampleRate = sample.sampleRate;
    sample.close();
    yield { samples: mixToMono(planes), sampleRate };
  }
}

interface ByteStreamDecoder {
  ready: Promise<void>;
  decode(
    bytes: Uint8Array,
  ): Promise<{ channelData: Float32Array[]; samplesDecoded: number; sampleRate: number }>;
  flush(): Promise<{ channelData: Float32Array[]; samplesDecoded: number; sampleRate: number }>;
  free(): void;
}

async function* decodeBytes(path: string, decoder: ByteStreamDecoder): AsyncGenerator<DecodedBlock> {
  await decoder.ready;
  try {
    for await (const bytes of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const out = await decoder.decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
      if (out.samplesDecoded > 0) yield { samples: mixToMono(out.channelData), sampleRate: out.sampleRate };
    }
    const rest = await decoder.flush();
    if (rest.samplesDecoded > 0) yield { samples: mixToMono(rest.channelData), sampleRate: rest.sampleRate };
  } finally {
    decoder.free();
  }
}

function bytesOf(source: AllowSharedBufferSource): Uint8Array {
  return source instanceof ArrayBuffer || source instanceof SharedArrayBuffer
    ? new Uint8Array(source)
    : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
}
