// A growable array of per-frame values (levels, F0): what the analysers keep of an hour instead of its
// samples — one float per 10 ms, 1.4 MB an hour.

export class Track {
  private data: Float32Array;
  private size = 0;

  constructor(capacity = 4096) {
    this.data = new Float32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  /** The values so far (a view: valid until the next push). */
  values(): Float32Array {
    return this.data.subarray(0, this.size);
  }
}

/** The value at fraction `p` (0..1) of `values`, linearly interpolated between ranks; NaN when empty. */
export function quantile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  if (sorted.length === 0) return NaN;
  const at = Math.min(1, Math.max(0, p)) * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export const toDb = (meanSquare: number): number => 10 * Math.log10(meanSquare + 1e-12);
