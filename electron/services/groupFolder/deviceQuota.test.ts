import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentPath } from '../../../shared/group/folderLayout';
import { refusedByQuota, sequenceOrder, withinFileQuota } from './deviceQuota';
import type { QuotaFile } from './deviceQuota';

const A = '00000000000000aa';
const B = '00000000000000bb';
const quota = { dayEvents: 3, dayBytes: 1_000, files: 4 };
const file = (
  device: string,
  seq: number,
  days: Record<string, number>,
  size = 100,
  author = 'k1',
): QuotaFile => ({
  path: segmentPath(device, seq, seq),
  author,
  size,
  days,
});

describe('per-device quotas', () => {
  it('takes segments in sequence order and refuses each that would pass a day quota', () => {
    const files = [
      file(A, 1, { '2026-01-05': 2 }),
      file(A, 2, { '2026-01-05': 2 }), // 4 > 3
      file(A, 3, { '2026-01-05': 1, '2026-01-06': 1 }),
      file(A, 4, { '2026-01-06': 1 }, 960), // bytes: 50 (half of segment 3's) + 960 > 1,000
      file(A, 5, {}), // no events: counts for nothing
    ];
    expect(refusedByQuota(files, quota)).toEqual(
      new Map([
        [files[1]!.path, expect.stringMatching(/^quota: more than 3 events dated 2026-01-05/)],
        [files[3]!.path, expect.stringMatching(/^quota: more than 1,000 bytes of segments dated 2026-01-06/)],
      ]),
    );
  });

  it("counts each key in each device's directory apart, and a conflict copy after its original", () => {
    const copy = {
      ...file(A, 1, { d: 3 }),
      path: segmentPath(A, 1, 1).replace('.json', ' (conflicted copy).json'),
    };
    const files = [copy, file(A, 1, { d: 3 }), file(A, 2, { d: 3 }, 100, 'k2'), file(B, 1, { d: 3 })];
    expect([...refusedByQuota(files, quota).keys()]).toEqual([copy.path]);
  });

  it('gives the same verdicts whatever order the files come in (property)', () => {
    const one = fc.record({
      device: fc.constantFrom(A, B),
      seq: fc.integer({ min: 1, max: 30 }),
      days: fc.dictionary(fc.constantFrom('2026-01-05', '2026-01-06'), fc.integer({ min: 1, max: 3 })),
      size: fc.integer({ min: 1, max: 600 }),
      author: fc.constantFrom('k1', 'k2'),
    });
    fc.assert(
      fc.property(
        fc
          .uniqueArray(one, { selector: (f) => `${f.device}/${f.seq}`, maxLength: 20 })
          .chain((list) =>
            fc.tuple(
              fc.constant(list),
              fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
            ),
          ),
        ([list, shuffled]) => {
          const files = (l: typeof list) => l.map((f) => file(f.device, f.seq, f.days, f.size, f.author));
          const verdicts = refusedByQuota(files(list), quota);
          expect(new Map([...refusedByQuota(files(shuffled), quota)].sort())).toEqual(
            new Map([...verdicts].sort()),
          );
          // What is accepted stays within the quotas.
          const events = new Map<string, number>();
          for (const f of files(list))
            if (!verdicts.has(f.path))
              for (const [day, n] of Object.entries(f.days)) {
                const key = `${f.path.split('/')[1]}/${f.author}/${day}`;
                events.set(key, (events.get(key) ?? 0) + n);
              }
          for (const n of events.values()) expect(n).toBeLessThanOrEqual(quota.dayEvents);
        },
      ),
    );
  });

  it('looks at the first entries of a directory in sequence order, other names last', () => {
    const dir = `devices/${A}/segments`;
    const names = [segmentPath(A, 10, 10), `${dir}/notes.txt`, segmentPath(A, 2, 9), segmentPath(A, 2, 2)];
    expect(withinFileQuota(names, 2)).toEqual({
      look: [segmentPath(A, 2, 2), segmentPath(A, 2, 9)],
      over: [segmentPath(A, 10, 10), `${dir}/notes.txt`],
    });
    expect(withinFileQuota(names, 4).over).toEqual([]);
    expect([...names].sort(sequenceOrder).at(-1)).toBe(`${dir}/notes.txt`);
  });
});
