// One way for every benchmark to summarise repeated measurements (the median with min–max, a
// nearest-rank percentile) and to show numbers in its log.
export interface Figures {
  min: number;
  median: number;
  max: number;
  /** How many measurements the figures summarise. */
  count: number;
}

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(xs: readonly number[]): number {
  const sorted = sortedCopy(xs);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function figures(xs: readonly number[]): Figures {
  const sorted = sortedCopy(xs);
  return { min: sorted[0]!, median: median(sorted), max: sorted[sorted.length - 1]!, count: sorted.length };
}

/** The value at fraction `p` (0..1) of the measurements, nearest rank: always one that was measured. */
export function percentile(xs: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile ${p} is not within 0..1`);
  const sorted = sortedCopy(xs);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function sortedCopy(xs: readonly number[]): number[] {
  if (xs.length === 0) throw new RangeError('no measurements');
  if (xs.some(Number.isNaN)) throw new RangeError('a measurement is NaN');
  return [...xs].sort(ascending);
}

/**
 * Ascending, with -0 before +0: the two compare equal, so a stable sort would keep them in the order
 * they came in, and the figures of the same measurements would differ with their order.
 */
const ascending = (a: number, b: number): number =>
  a - b || Number(Object.is(b, -0)) - Number(Object.is(a, -0));

/** "12.3 ms (11.0–14.2)" */
export function showFigures(f: Figures, unit: string, digits = 1): string {
  return `${f.median.toFixed(digits)} ${unit} (${f.min.toFixed(digits)}–${f.max.toFixed(digits)})`;
}

export const mib = 1024 * 1024;
export const mb = (bytes: number): string => `${(bytes / mib).toFixed(1)} MB`;
export const ms = (value: number): string => `${value.toFixed(0)} ms`;

export function log(line = ''): void {
  console.log(line);
}
