import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixToMono, PeakAccumulator, toInt8 } from './peakAccumulator';
import { mergePeakPairs, peakDataFromJson, peaksForPlayer, peaksFromBytes, WaveformPeaks } from './peaks';

/** A known signal: 1 s of a 440 Hz sine at amplitude 0.5, then 1 s of silence, at 8 kHz. */
function sineThenSilence(rate = 8000): Float32Array {
  const samples = new Float32Array(rate * 2);
  for (let i = 0; i < rate; i++) samples[i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate);
  return samples;
}

describe('PeakAccumulator', () => {
  it('shows the sine at its amplitude and the silence as flat', () => {
    const acc = new PeakAccumulator(80); // 100 pixels a second at 8 kHz
    const bytes = acc.push(sineThenSilence());
    expect(bytes.length).toBe(400);
    const pairs = Array.from({ length: 200 }, (_, i) => [bytes[2 * i]!, bytes[2 * i + 1]!]);
    for (const [min, max] of pairs.slice(0, 100)) {
      expect(max).toBeGreaterThanOrEqual(62);
      expect(max).toBeLessThanOrEqual(64);
      expect(min).toBeLessThanOrEqual(-62);
    }
    for (const [min, max] of pairs.slice(100)) expect([min, max]).toEqual([0, 0]);
  });

  it('gives each pixel the min and max of its own samples', () => {
    fc.assert(
      fc.property(
        fc.float32Array({ noNaN: true, min: -1.5, max: 1.5 }),
        fc.integer({ min: 1, max: 50 }),
        (samples, samplesPerPixel) => {
          const acc = new PeakAccumulator(samplesPerPixel);
          const got = [...acc.push(samples), ...acc.flush()];
          const expected: number[] = [];
          for (let at = 0; at < samples.length; at += samplesPerPixel) {
            const pixel = Array.from(samples.subarray(at, at + samplesPerPixel));
            expected.push(toInt8(Math.min(...pixel)), toInt8(Math.max(...pixel)));
          }
          expect(got).toEqual([...Int8Array.from(expected)]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same peaks whatever size the chunks arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 0, maxLength: 600 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 50 }),
        (samples, cuts, samplesPerPixel) => {
          const whole = new PeakAccumulator(samplesPerPixel);
          const expected = [...whole.push(samples), ...whole.flush()];
          const chunked = new PeakAccumulator(samplesPerPixel);
          const got: number[] = [];
          let at = 0;
          for (let i = 0; at < samples.length; i++) {
            const size = cuts[i % cuts.length]!;
            got.push(...chunked.push(samples.slice(at, at + size)));
            at += size;
          }
          got.push(...chunked.flush());
          expect(got).toEqual(expected);
          expect(got.length).toBe(2 * Math.ceil(samples.length / samplesPerPixel));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('clamps out-of-range samples to the 8-bit range', () => {
    expect(toInt8(2)).toBe(127);
    expect(toInt8(-3)).toBe(-127);
    expect(toInt8(0)).toBe(0);
  });
});

describe('stored peaks', () => {
  it('round-trip through bytes as a valid audiowaveform v2 document scaled for the player', () => {
    const bytes = new Uint8Array(Int8Array.from([-64, 64, -127, 127, 0, 0]).buffer);
    const peaks = peaksFromBytes(bytes, 44100, 441);
    expect(WaveformPeaks.parse(peaks)).toEqual({
      version: 2,
      channels: 1,
      sample_rate: 44100,
      samples_per_pixel: 441,
      bits: 8,
      length: 3,
      data: [-64, 64, -127, 127, 0, 0],
    });
    expect(Array.from(peaksForPlayer(peaks))).toEqual(
      Array.from(Float32Array.from([-64 / 127, 64 / 127, -1, 1, 0, 0])),
    );
  });

  it('merges neighbouring pairs for the player when asked for fewer', () => {
    const peaks = peaksFromBytes(new Uint8Array(Int8Array.from([-10, 20, -127, 5, 0, 127]).buffer), 8000, 80);
    expect(Array.from(peaksForPlayer(peaks, 2))).toEqual(Array.from(Float32Array.from([-1, 20 / 127, 0, 1])));
    expect(peaksForPlayer(peaks, 3)).toEqual(peaksForPlayer(peaks));
  });

  const int8Pairs = fc
    .array(fc.tuple(fc.integer({ min: -128, max: 0 }), fc.integer({ min: 0, max: 127 })), { maxLength: 300 })
    .map((pairs) => Int8Array.from(pairs.flat()));

  it('merges to at most as many pairs as asked, each the min and max of the pairs it covers', () => {
    fc.assert(
      fc.property(int8Pairs, fc.integer({ min: 1, max: 400 }), (data, maxPairs) => {
        const { pairs, step } = mergePeakPairs(data, maxPairs);
        const count = data.length / 2;
        expect(pairs.length / 2).toBeLessThanOrEqual(maxPairs);
        expect(pairs.length / 2).toBe(Math.ceil(count / step));
        // The smallest step that fits: one less would leave too many pairs.
        if (step > 1) expect(Math.ceil(count / (step - 1))).toBeGreaterThan(maxPairs);
        for (let out = 0; out < pairs.length / 2; out++) {
          const covered = Array.from(
            { length: Math.min(step, count - out * step) },
            (_, i) => out * step + i,
          );
          expect(pairs[2 * out]).toBe(Math.min(...covered.map((pair) => data[2 * pair]!)));
          expect(pairs[2 * out + 1]).toBe(Math.max(...covered.map((pair) => data[2 * pair + 1]!)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('draws the same waveform from peaks the host merged as from the full peaks', () => {
    fc.assert(
      fc.property(int8Pairs, fc.integer({ min: 1, max: 400 }), (data, maxPairs) => {
        const merged = mergePeakPairs(data, maxPairs).pairs;
        expect(peaksForPlayer({ data: merged }, maxPairs)).toEqual(peaksForPlayer({ data }, maxPairs));
      }),
      { numRuns: 200 },
    );
  });

  it('reads the data of a stored peaks file, or leaves other layouts to JSON.parse', () => {
    const peaks = peaksFromBytes(new Uint8Array(Int8Array.from([-128, 127, 0, -1, 5, 42]).buffer), 8000, 80);
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(Array.from(peakDataFromJson(encode(JSON.stringify(peaks)))!)).toEqual([-128, 127, 0, -1, 5, 42]);
    expect(Array.from(peakDataFromJson(encode(JSON.stringify({ ...peaks, data: [] })))!)).toEqual([]);
    expect(peakDataFromJson(encode(JSON.stringify(peaks, null, 2)))).toBeUndefined();
    expect(peakDataFromJson(encode('{"data":[1,2,300]}'))).toBeUndefined();
  });

  it('mixes stereo to mono by averaging', () => {
    expect(Array.from(mixToMono([Float32Array.from([1, 0.5]), Float32Array.from([0, -0.5])]))).toEqual([
      0.5, 0,
    ]);
  });
});
