// A second-order IIR filter section (transposed direct form II), its state carried from sample to
// sample across chunks.

export interface BiquadCoefficients {
  b0: number;
  b1: number;
  b2: number;
  /** a0 is 1. */
  a1: number;
  a2: number;
}

export class Biquad {
  private z1 = 0;
  private z2 = 0;

  constructor(readonly c: BiquadCoefficients) {}

  /** One sample. */
  next(x: number): number {
    const { b0, b1, b2, a1, a2 } = this.c;
    const y = b0 * x + this.z1;
    this.z1 = b1 * x - a1 * y + this.z2;
    this.z2 = b2 * x - a2 * y;
    return y;
  }
}

/** A Butterworth-style low-pass section (RBJ cookbook) at `cutoff` Hz with quality `q`. */
export function lowPass(sampleRate: number, cutoff: number, q = Math.SQRT1_2): BiquadCoefficients {
  const w = (2 * Math.PI * cutoff) / sampleRate;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return {
    b0: (1 - cos) / 2 / a0,
    b1: (1 - cos) / a0,
    b2: (1 - cos) / 2 / a0,
    a1: (-2 * cos) / a0,
    a2: (1 - alpha) / a0,
  };
}
