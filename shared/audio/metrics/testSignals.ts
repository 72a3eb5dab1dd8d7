// Signals the analysers' tests are made of (tones, voice-like harmonic bursts, silence), and a way to
// feed a signal in chunks of given sizes. For tests only.

/** A sine of `seconds` at `hz`, peak `amplitude`. */
export function sine(sampleRate: number, seconds: number, hz: number, amplitude = 1): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return out;
}

/** A voiced-like sound: the first harmonics of `hz` with falling strength, peak about `amplitude`. */
export function harmonics(sampleRate: number, seconds: number, hz: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const count = Math.max(1, Math.min(12, Math.floor(sampleRate / 2 / hz) - 1));
  for (let h = 1; h <= count; h++) {
    const a = amplitude / (h * 1.6);
    for (let i = 0; i < out.length; i++) out[i]! += a * Math.sin((2 * Math.PI * hz * h * i) / sampleRate);
  }
  return out;
}

/** `count` syllable-like bursts (harmonics of `hz` under a raised-cosine envelope), one every 1/rate s. */
export function syllables(sampleRate: number, count: number, rate: number, hz = 120): Float32Array {
  const period = Math.round(sampleRate / rate);
  const voice = harmonics(sampleRate, (count * period) / sampleRate, hz);
  for (let i = 0; i < voice.length; i++) {
    const phase = (i % period) / period;
    // Loud in the middle of each syllable, 30 dB down between them.
    voice[i]! *= 0.03 + 0.97 * Math.pow(Math.sin(Math.PI * phase), 2);
  }
  return voice;
}

export const silence = (sampleRate: number, seconds: number): Float32Array =>
  new Float32Array(Math.round(seconds * sampleRate));

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The signal cut into chunks of the given sizes, cycling through them (0 gives an empty chunk). */
export function* chunked(signal: Float32Array, sizes: readonly number[]): Generator<Float32Array> {
  let at = 0;
  for (let i = 0; at < signal.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield signal.subarray(at, Math.min(signal.length, at + size));
    at += size;
  }
}

/** Feeds a signal to an analyser in chunks and returns its result. */
export function feed<R>(
  analyser: { push(samples: Float32Array): void; finish(): R },
  signal: Float32Array,
  sizes: readonly number[] = [4096],
): R {
  for (const chunk of chunked(signal, sizes)) analyser.push(chunk);
  return analyser.finish();
}
