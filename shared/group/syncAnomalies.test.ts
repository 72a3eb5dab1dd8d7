import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_FILE, blobPath, classifyPath, segmentPath } from './folderLayout';
import { syncAnomalies } from './syncAnomalies';

const dev = '0123456789abcdef';
const sha = 'ab'.repeat(32);
const seg = segmentPath(dev, 3, 7);
const blob = blobPath(dev, sha);

/** The one anomaly found at `path`, as the coach is told of it. */
const copyOf = (path: string, original: string) => [{ kind: 'conflict-copy', path, original }];

describe('sync anomalies', () => {
  it("names Syncthing's conflict copies of group.json, a segment and a blob (no extension)", () => {
    const genesisCopy = 'group.sync-conflict-20261206-104512-ABCDEFG.json';
    expect(syncAnomalies([GENESIS_FILE, genesisCopy])).toEqual(copyOf(genesisCopy, GENESIS_FILE));
    const segCopy = seg.replace('.json', '.sync-conflict-20261206-104512-7QXZ2KD.json');
    expect(syncAnomalies([seg, segCopy])).toEqual(copyOf(segCopy, seg));
    const blobCopy = `${blob}.sync-conflict-20261206-104512-ABCDEFG`;
    expect(syncAnomalies([blobCopy])).toEqual(copyOf(blobCopy, blob));
  });

  it("names Dropbox's, Nextcloud's and 坚果云-style copies", () => {
    for (const marker of [
      ' (conflicted copy 2026-12-06)',
      " (Ana's conflicted copy 2026-12-06)",
      ' (Case Conflict)',
      ' (Case Conflict 1)',
      ' (Selective Sync Conflict)',
      ' (conflicted copy 2026-12-06 104512)',
      '_conflict-20261206-104512',
      ' (conflict 2026-12-06 张三)',
      '（冲突副本 2026-12-06）',
      '(与 李四 的冲突)',
    ]) {
      const genesisCopy = `group${marker}.json`;
      expect(syncAnomalies([genesisCopy]), marker).toEqual(copyOf(genesisCopy, GENESIS_FILE));
      const segCopy = seg.replace('.json', `${marker}.json`);
      expect(syncAnomalies([segCopy]), marker).toEqual(copyOf(segCopy, seg));
    }
  });

  it('names a copy of a copy after the first original, once, and lists anomalies by path', () => {
    const twice = 'group.sync-conflict-20261206-104512-ABCDEFG.sync-conflict-20261207-080000-HIJKLMN.json';
    const segCopy = seg.replace('.json', ' (conflicted copy 2026-12-06).json');
    expect(syncAnomalies([twice, segCopy, twice])).toEqual([
      ...copyOf(segCopy, seg),
      ...copyOf(twice, GENESIS_FILE),
    ]);
  });

  it('says nothing of files in flight, tool files, or a copy of something that is not ours', () => {
    expect(
      syncAnomalies([
        GENESIS_FILE,
        seg,
        blob,
        '.stfolder',
        '.stversions/group.sync-conflict-20261206-104512-ABCDEFG.json',
        `devices/${dev}/segments/.syncthing.000000000003-000000000007.sync-conflict-20261206-104512-ABCDEFG.json.tmp`,
        '.group.sync-conflict-20261206-104512-ABCDEFG.json.icloud',
        'notes (conflicted copy 2026-12-06).txt',
        'other/group.sync-conflict-20261206-104512-ABCDEFG.json',
        `devices/XYZ/segments/000000000003-000000000007 (conflicted copy 2026-12-06).json`,
        `devices/${dev}/segments/000000000003 (conflicted copy 2026-12-06).json`,
        'group (1).json',
      ]),
    ).toEqual([]);
  });
});

describe('sync anomalies, for any name', () => {
  const deviceId = fc.stringMatching(/^[0-9a-f]{16}$/);
  const seq = fc.integer({ min: 0, max: 999_999_999_999 });
  const plainFile = fc.oneof(
    fc.constant(GENESIS_FILE),
    fc.tuple(deviceId, seq, seq).map(([d, first, last]) => segmentPath(d, first, last)),
    fc.tuple(deviceId, fc.stringMatching(/^[0-9a-f]{64}$/)).map(([d, h]) => blobPath(d, h)),
  );
  // Pieces of real markers and names, in any order: the likeliest to confuse a recogniser.
  const pieces = fc
    .array(
      fc.constantFrom(
        '(',
        ')',
        '（',
        '）',
        ' ',
        '.',
        '/',
        '-',
        '_',
        'conflict',
        'Case Conflict',
        'conflicted copy',
        '冲突',
        '.sync-conflict-',
        '_conflict-',
        '20261206',
        '104512',
        'ABCDEFG',
        'group',
        '.json',
        'devices/',
        `${dev}/`,
        'segments/',
        'blobs/',
        '000000000003-000000000007',
        sha,
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));
  const hostile = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    pieces,
    // One of the group's own paths with pieces put in anywhere: near misses, and some real copies.
    fc
      .tuple(plainFile, pieces, fc.nat())
      .map(
        ([file, more, at]) =>
          file.slice(0, at % (file.length + 1)) + more + file.slice(at % (file.length + 1)),
      ),
  );

  it('never throws, names only paths it was given, and each original is a plain file of the group', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 20 }), (paths) => {
        for (const a of syncAnomalies(paths)) {
          expect(paths).toContain(a.path);
          expect(a.original).not.toBe(a.path);
          expect(['genesis', 'segment', 'blob']).toContain(classifyPath(a.original).type);
          expect(classifyPath(a.original)).toMatchObject({ conflictCopy: false });
        }
      }),
    );
  });

  it('never names a plain segment, blob or group.json', () => {
    fc.assert(
      fc.property(fc.array(plainFile, { maxLength: 20 }), (paths) => syncAnomalies(paths).length === 0),
    );
  });

  it("recognises every tool's conflict copy of any of the group's files, with its original", () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    const free = fc.string({ maxLength: 30 }).filter((s) => !/[()（）/]/.test(s));
    const marker = fc.oneof(
      fc
        .tuple(digits(8), digits(6), fc.stringMatching(/^[A-Z2-7]{7}$/))
        .map(([d, t, id]) => `.sync-conflict-${d}-${t}-${id}`),
      fc.tuple(free, digits(4)).map(([who, y]) => ` (${who}conflicted copy ${y}-12-06)`),
      fc.nat(9).map((n) => ` (Case Conflict${n ? ` ${n}` : ''})`),
      fc.tuple(digits(8), digits(6)).map(([d, t]) => `_conflict-${d}-${t}`),
      fc.tuple(free, free).map(([a, b]) => `（${a}冲突${b}）`),
    );
    fc.assert(
      fc.property(plainFile, marker, (original, mark) => {
        // Before the extension, as every tool puts it; at the end for a blob, which has none.
        const copy = original.endsWith('.json')
          ? original.replace(/\.json$/, `${mark}.json`)
          : original + mark;
        expect(syncAnomalies([original, copy])).toEqual(copyOf(copy, original));
      }),
    );
  });
});
