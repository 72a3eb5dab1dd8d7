// decodeAudioFile's packet path (Opus, MP3, AAC decoded on a worker thread): what comes out is one mono
// signal, whatever the file's channels. A mono file's samples are handed over as the decoder made them;
// a stereo file's channels are averaged.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeAudioFile } from './decodeAudioFile';

const dir = mkdtempSync(path.join(tmpdir(), 'lectern-decode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seconds = 2;
const amplitude = 0.5;

/** A 440 Hz sine at `amplitude` (in the left channel only, when stereo), encoded with ffmpeg. */
function sineFile(name: string, channels: 1 | 2, codecArgs: string[]): string {
  const file = path.join(dir, name);
  const sine = `aevalsrc=${amplitude}*sin(2*PI*440*t):s=48000:d=${seconds}`;
  const graph =
    channels === 1
      ? sine
      : `${sine}[l];anullsrc=r=48000:cl=mono:d=${seconds}[r];[l][r]join=inputs=2:channel_layout=stereo`;
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-filter_complex',
    graph,
    ...codecArgs,
    file,
  ]);
  return file;
}

async function decoded(file: string): Promise<{ samples: Float32Array; sampleRate: number }> {
  const blocks: Float32Array[] = [];
  let sampleRate = 0;
  for await (const block of decodeAudioFile(file)) {
    blocks.push(block.samples);
    sampleRate = block.sampleRate;
  }
  const samples = new Float32Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    samples.set(b, at);
    at += b.length;
  }
  return { samples, sampleRate };
}

/** Root mean square over the middle second (clear of the codecs' start-up and padding). */
function middleRms({ samples, sampleRate }: { samples: Float32Array; sampleRate: number }): number {
  const from = Math.floor(sampleRate * 0.5);
  const to = Math.floor(sampleRate * 1.5);
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / (to - from));
}

describe('decodeAudioFile, packet decoders', () => {
  it.each([
    ['Opus in WebM', 'webm', ['-c:a', 'libopus', '-b:a', '128k']],
    ['AAC in M4A', 'm4a', ['-c:a', 'aac', '-b:a', '128k']],
    ['MP3', 'mp3', ['-c:a', 'libmp3lame', '-b:a', '192k']],
  ])(
    '%s: a mono file decodes to its signal, a stereo one to the mean of its channels',
    async (_, ext, args) => {
      const mono = await decoded(sineFile(`mono.${ext}`, 1, args as string[]));
      const stereo = await decoded(sineFile(`stereo.${ext}`, 2, args as string[]));
      // The whole file, at its rate (within a frame of padding either way).
      expect(Math.abs(mono.samples.length - seconds * mono.sampleRate)).toBeLessThan(2500);
      // A sine of amplitude a has an RMS of a/√2; the stereo file's right channel is silent.
      expect(middleRms(mono)).toBeCloseTo(amplitude / Math.SQRT2, 1);
      expect(middleRms(stereo) / middleRms(mono)).toBeCloseTo(0.5, 1);
    },
  );
});
