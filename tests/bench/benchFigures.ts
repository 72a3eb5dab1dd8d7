// One way for the benchmarks to summarise repeated measurements: the median with min–max.
export interface Figures {
  min: number;
  median: number;
  max: number;
}

export function figures(xs: readonly number[]): Figures {
  if (xs.length === 0) throw new RangeError('no measurements');
  const sorted = [...xs].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
}

/** "12.3 ms (11.0–14.2)" */
export function showFigures(f: Figures, unit: string, digits = 1): string {
  return `${f.median.toFixed(digits)} ${unit} (${f.min.toFixed(digits)}–${f.max.toFixed(digits)})`;
}

/** The value at fraction `p` (0..1) of the sorted measurements, nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
