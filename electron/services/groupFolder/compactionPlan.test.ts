import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentFileName } from '../../../shared/group/folderLayout';
import {
  FANOUT,
  MAX_MERGED_BYTES,
  TOP_TIER,
  mergeAllPlan,
  tieredPlan,
  tierOf,
  type PlannedSegment,
} from './compactionPlan';

const one = (seq: number, size = 600): PlannedSegment => ({
  name: segmentFileName(seq, seq),
  first: seq,
  last: seq,
  size,
});

/** What a device's directory holds after the plan ran: each run merged into one file. */
function applyPlan(files: PlannedSegment[]): { files: PlannedSegment[]; rewritten: number } {
  const runs = tieredPlan(files);
  let rewritten = 0;
  let next = files;
  for (const run of runs) {
    const first = Math.min(...run.map((f) => f.first));
    const last = Math.max(...run.map((f) => f.last));
    const size = run.reduce((sum, f) => sum + f.size, 0);
    rewritten += last - first + 1;
    const at = next.indexOf(run[0]!);
    next = [
      ...next.slice(0, at),
      { name: segmentFileName(first, last), first, last, size },
      ...next.slice(at + run.length),
    ];
  }
  return { files: next, rewritten };
}

/** The app's write pattern: one event per file, the plan after every write. */
function writeDays(count: number, sizeOf: (seq: number) => number = () => 600) {
  let files: PlannedSegment[] = [];
  const rewrites = new Map<number, number>();
  for (let seq = 1; seq <= count; seq++) {
    const planned = applyPlan([...files, one(seq, sizeOf(seq))]);
    for (const run of tieredPlan([...files, one(seq, sizeOf(seq))]))
      for (const f of run)
        for (let s = f.first; s <= f.last; s++) rewrites.set(s, (rewrites.get(s) ?? 0) + 1);
    files = planned.files;
  }
  return { files, rewrites };
}

describe('tieredPlan', () => {
  it('merges eight single-event files into one, and leaves seven alone', () => {
    const seven = [1, 2, 3, 4, 5, 6, 7].map((s) => one(s));
    expect(tieredPlan(seven)).toEqual([]);
    expect(tieredPlan([...seven, one(8)])).toEqual([[...seven, one(8)]]);
  });

  it('cascades: seven tier-1 files and eight new small ones become one tier-2 file', () => {
    const tier1 = Array.from({ length: 7 }, (_, i) => ({
      name: segmentFileName(i * 8 + 1, i * 8 + 8),
      first: i * 8 + 1,
      last: i * 8 + 8,
      size: 4800,
    }));
    const small = Array.from({ length: 8 }, (_, i) => one(57 + i));
    expect(tieredPlan([...tier1, ...small])).toEqual([[...tier1, ...small]]);
  });

  it('compacts a directory an older version left as hundreds of small files in one go', () => {
    const old = Array.from({ length: 300 }, (_, i) => one(i + 1));
    const { files } = applyPlan(old);
    expect(files.length).toBeLessThanOrEqual(7 * TOP_TIER);
    expect(tieredPlan(files)).toEqual([]); // and leaves it be afterwards
  });

  it('a year of one member writing three times a day stays under thirty files', () => {
    const { files } = writeDays(365 * 3);
    expect(files.length).toBeLessThanOrEqual(30);
  });

  it('never merges past the top tier or the size bound', () => {
    const top = Array.from({ length: FANOUT }, (_, i) => ({
      name: segmentFileName(i * 512 + 1, i * 512 + 512),
      first: i * 512 + 1,
      last: i * 512 + 512,
      size: 1000,
    }));
    expect(tieredPlan(top)).toEqual([]);
    const big = Array.from({ length: FANOUT }, (_, i) => one(i + 1, Math.ceil(MAX_MERGED_BYTES / 4)));
    expect(tieredPlan(big)).toEqual([]);
  });

  it('file count stays logarithmic and each event is rewritten at most once per tier (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1500 }),
        fc.array(fc.integer({ min: 200, max: 60_000 }), { minLength: 1, maxLength: 20 }),
        (count, sizes) => {
          const { files, rewrites } = writeDays(count, (seq) => sizes[seq % sizes.length]!);
          // Every sequence number is in exactly one file, in order, with nothing lost or doubled.
          const covered = files.flatMap((f) =>
            Array.from({ length: f.last - f.first + 1 }, (_, i) => f.first + i),
          );
          expect(covered).toEqual(Array.from({ length: count }, (_, i) => i + 1));
          expect(Math.max(0, ...rewrites.values())).toBeLessThanOrEqual(TOP_TIER);
          for (const f of files) expect(f.size <= MAX_MERGED_BYTES || f.first === f.last).toBe(true);
          // Below the top tier, eight files side by side in one tier are left only when merging them
          // would pass the size bound: so a tier holds at most seven files, or its files are big
          // (FANOUT of them together over MAX_MERGED_BYTES), and the count grows with bytes, not writes.
          for (let i = 0; i + FANOUT <= files.length; i++) {
            const run = files.slice(i, i + FANOUT);
            const tier = tierOf(run[0]!);
            if (tier >= TOP_TIER || !run.every((f) => tierOf(f) === tier)) continue;
            expect(run.reduce((sum, f) => sum + f.size, 0)).toBeGreaterThan(MAX_MERGED_BYTES);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('mergeAllPlan', () => {
  it('puts every file in one run (the writer splits it at the format bounds)', () => {
    expect(mergeAllPlan([one(1)])).toEqual([]);
    expect(mergeAllPlan([one(1), one(2)])).toEqual([[one(1), one(2)]]);
  });
});
