// How many times each benchmark repeats what it measures: five (the "median of five") unless
// BENCH_RUNS asks for fewer while developing; the goal table then marks the medians as short.
export const fullRuns = 5;

export function benchRuns(value = process.env.BENCH_RUNS): number {
  if (value === undefined || value === '') return fullRuns;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`BENCH_RUNS=${value}: a whole number ≥ 1`);
  return runs;
}

/** Runs `measure` `count` times one after another, returning each result in order. */
export async function repeat<T>(count: number, measure: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < count; run++) results.push(await measure(run));
  return results;
}
