// Joined Opus packets carry exactly the frames they were made of, in order (read back with RFC 6716's
// own framing rules, written out here independently), cover the same time, and never break a rule of
// the format: at most 120 ms, one TOC configuration, lost or multi-frame packets left alone.
import fc from 'fast-check';
import { EncodedPacket } from 'mediabunny';
import { describe, expect, it } from 'vitest';
import { joinOpusPackets } from './joinOpusPackets';

/** The frames of a packet (RFC 6716 §3.2), by code. */
function framesOf(data: Uint8Array): Uint8Array[] {
  const code = data[0]! & 3;
  if (code === 0) return [data.subarray(1)];
  if (code !== 3) throw new Error(`code ${code} not expected here`);
  const count = data[1]! & 0x3f;
  expect(data[1]! & 0x40).toBe(0); // No padding.
  let at = 2;
  const lengths: number[] = [];
  for (let i = 0; i < count - 1; i++) {
    const first = data[at++]!;
    lengths.push(first < 252 ? first : first + 4 * data[at++]!);
  }
  const frames: Uint8Array[] = [];
  for (const length of lengths) {
    frames.push(data.subarray(at, at + length));
    at += length;
  }
  frames.push(data.subarray(at));
  return frames;
}

/** A one-frame packet with this TOC configuration and frame bytes. */
function packet(config: number, frame: Uint8Array, timestamp: number, duration: number): EncodedPacket {
  const data = new Uint8Array(1 + frame.length);
  data[0] = config << 3;
  data.set(frame, 1);
  return new EncodedPacket(data, 'key', timestamp, duration);
}

const frameMs = (config: number): number =>
  config < 12
    ? [10, 20, 40, 60][config % 4]!
    : config < 16
      ? [10, 20][config % 2]!
      : [2.5, 5, 10, 20][config % 4]!;

describe('joinOpusPackets', () => {
  it('keeps every frame, in order, and the time they cover, in packets of at most 120 ms', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            config: fc.constantFrom(1, 3, 13, 16, 31),
            // Lengths on both sides of 252, where a frame's length takes a second byte.
            frame: fc
              .integer({ min: 1, max: 1275 })
              .map((length) => Uint8Array.from({ length }, (_, i) => (i * 7 + length) & 0xff)),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (specs) => {
          let t = 0;
          const packets = specs.map(({ config, frame }) => {
            const p = packet(config, frame, t, frameMs(config) / 1000);
            t += frameMs(config) / 1000;
            return p;
          });
          const joined = joinOpusPackets(packets);
          // Compared as text: a deep comparison of Uint8Arrays byte by byte took seconds on a busy machine.
          const hex = (frame: Uint8Array) => Buffer.from(frame).toString('hex');
          expect(joined.flatMap((p) => framesOf(p.data)).map(hex)).toEqual(specs.map((s) => hex(s.frame)));
          let at = 0;
          for (const p of joined) {
            const frames = framesOf(p.data).length;
            expect(frames * frameMs(p.data[0]! >> 3)).toBeLessThanOrEqual(120);
            expect(p.timestamp).toBeCloseTo(at, 9);
            expect(p.duration).toBeCloseTo((frames * frameMs(p.data[0]! >> 3)) / 1000, 9);
            at += p.duration;
          }
          // Neighbours of one configuration are joined as far as 120 ms allows: none is left alone needlessly.
          for (let i = 1; i < joined.length; i++) {
            const [a, b] = [joined[i - 1]!, joined[i]!];
            if (a.data[0]! >> 3 !== b.data[0]! >> 3) continue;
            const ms = frameMs(a.data[0]! >> 3);
            expect((framesOf(a.data).length + 1) * ms).toBeGreaterThan(120);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('turns an hour’s worth of 20 ms packets into a sixth as many', () => {
    const packets = Array.from({ length: 600 }, (_, i) =>
      packet(31, new Uint8Array(300).fill(i), i * 0.02, 0.02),
    );
    expect(joinOpusPackets(packets)).toHaveLength(100);
  });

  it('leaves alone packets it must not join: lost (empty), already several frames, or with no duration', () => {
    const a = packet(31, new Uint8Array([1, 2]), 0, 0.02);
    const lost = new EncodedPacket(new Uint8Array([31 << 3]), 'key', 0.02, 0.02);
    const b = packet(31, new Uint8Array([3]), 0.04, 0.02);
    const twoFrames = new EncodedPacket(new Uint8Array([(31 << 3) | 1, 5, 6]), 'key', 0.06, 0.04);
    const c = packet(31, new Uint8Array([7]), 0.1, 0.02);
    const last = packet(31, new Uint8Array([8]), 0.12, 0);
    const joined = joinOpusPackets([a, lost, b, twoFrames, c, last]);
    expect(joined).toEqual([a, lost, b, twoFrames, c, last]);
  });
});
