// `share.limit`: the coach's cap on a shared file. The fold refuses a recording over the cap in force
// when it is folded, whoever wrote it and in whatever order the events arrive; what was shared within
// the cap stays, and only a coach moves the cap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRegistry } from './appRegistry';
import { baseRegistry } from './baseRegistry';
import { foldGroup, foldMore, foldSnapshot, orderEvents } from './fold';
import { RECORDING_SHARED } from './groupEvent';
import type { GroupEvent, RecordingSharedBody } from './groupEvent';
import { KindRegistry } from './kindRegistry';
import { profilesSlice } from './profiles';
import { recordingsOf, recordingsSlice } from './recordings';
import { reflectionsSlice } from './reflections';
import { SCENARIO_T0, scenarioDevice, smallGroup } from './scenario';
import { SHARE_LIMIT, shareLimitBody, shareLimitOf } from './shareLimit';

const MB = 1024 * 1024;
const t = (minutes: number) => SCENARIO_T0 + minutes * 60_000;
const seed = 'share-limit';
const { groupId, events } = smallGroup(seed);
// Fresh devices for the keys of smallGroup: coach 0, members 1 (安娜) and 2 (Bo), declined 3 (Cy).
const devices = () => [0, 1, 2, 3].map((n) => scenarioDevice(seed, n));

const share = (body: Partial<RecordingSharedBody> & { byteSize: number }) => ({
  sha256: 'a'.repeat(64),
  durationMs: 60_000,
  peaksSha256: 'b'.repeat(64),
  title: '即兴演讲',
  mime: 'video/webm',
  ...body,
});

describe('share.limit', () => {
  it('refuses a recording over the cap in force, keeps what was shared before it, and lifts with null', () => {
    const [coach, , bo] = devices() as [
      ReturnType<typeof devices>[0],
      unknown,
      ReturnType<typeof devices>[0],
    ];
    const before = bo.event(RECORDING_SHARED, share({ byteSize: 300 * MB }), t(20));
    const cap = coach.event(SHARE_LIMIT, { maxBytes: 50 * MB }, t(21));
    const video = bo.event(RECORDING_SHARED, share({ byteSize: 80 * MB }), t(22));
    const audio = bo.event(RECORDING_SHARED, share({ byteSize: 50 * MB, mime: 'audio/webm' }), t(23));
    const lifted = coach.event(SHARE_LIMIT, { maxBytes: null }, t(24));
    const after = bo.event(RECORDING_SHARED, share({ byteSize: 80 * MB }), t(25));
    const state = foldGroup(groupId, [...events, before, cap, video, audio, lifted, after], appRegistry);
    expect(Object.keys(recordingsOf(state)).sort()).toEqual(
      [events.find((e) => e.kind === RECORDING_SHARED)!.id, before.id, audio.id, after.id].sort(),
    );
    expect(shareLimitOf(state)).toBeNull();
    expect(shareLimitOf(foldGroup(groupId, [...events, cap], appRegistry))).toBe(50 * MB);
  });

  it('is the coach’s alone, and its body is strict and bounded', () => {
    const [, ana] = devices() as [unknown, ReturnType<typeof devices>[0]];
    const byMember = ana.event(SHARE_LIMIT, { maxBytes: 1 }, t(20));
    expect(shareLimitOf(foldGroup(groupId, [...events, byMember], appRegistry))).toBeNull();
    for (const body of [
      { maxBytes: 0 },
      { maxBytes: 1.5 },
      { maxBytes: 2 ** 32 },
      { maxBytes: 5, note: 'x' },
      {},
    ])
      expect(shareLimitBody.safeParse(body).success).toBe(false);
  });

  it('is an unknown kind to a reader from before it, which keeps folding everything else', () => {
    const [coach, , bo] = devices() as [
      ReturnType<typeof devices>[0],
      unknown,
      ReturnType<typeof devices>[0],
    ];
    const older = new KindRegistry([profilesSlice, recordingsSlice, reflectionsSlice] as never[]);
    const cap = coach.event(SHARE_LIMIT, { maxBytes: MB }, t(20));
    const big = bo.event(RECORDING_SHARED, share({ byteSize: 2 * MB }), t(21));
    // Without the cap's slice there is no cap: the older app still shows the recording (its own rules).
    expect(recordingsOf(foldGroup(groupId, [...events, cap, big], older))[big.id]).toBeDefined();
    expect(recordingsOf(foldGroup(groupId, [...events, cap, big], baseRegistry))[big.id]).toBeUndefined();
  });

  it('lets no recording over the cap in force survive, and leaves those within it, in any order (property)', () => {
    type Step =
      | { type: 'cap'; who: number; maxMB: number | null; at: number }
      | { type: 'share'; who: number; mb: number; at: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        type: fc.constant('cap' as const),
        // Mostly the coach; sometimes Bo, an approved member who bypasses his app, or Cy, declined.
        who: fc.constantFrom(0, 0, 2, 3),
        maxMB: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
        at: fc.integer({ min: 11, max: 600 }),
      }),
      fc.record({
        type: fc.constant('share' as const),
        who: fc.constantFrom(0, 1, 2, 2, 3),
        mb: fc.integer({ min: 1, max: 500 }),
        at: fc.integer({ min: 11, max: 600 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), fc.integer(), (steps, shuffleSeed) => {
        const writers = devices();
        // Each device writes in its own clock order; the adversary's minutes are whatever he claims.
        const written: GroupEvent[] = [...steps]
          .sort((a, b) => a.at - b.at)
          .map((s) =>
            s.type === 'cap'
              ? writers[s.who]!.event(
                  SHARE_LIMIT,
                  { maxBytes: s.maxMB === null ? null : s.maxMB * MB },
                  t(s.at),
                )
              : writers[s.who]!.event(
                  RECORDING_SHARED,
                  share({ byteSize: s.mb * MB, sha256: sha(s.mb, s.at) }),
                  t(s.at),
                ),
          );
        // Delivered in any order, some twice, as sync tools do.
        const delivered = shuffle([...events, ...written, ...written.slice(0, 3)], shuffleSeed);
        const recordings = recordingsOf(foldSnapshot(groupId, delivered, appRegistry).state);
        // Synced in two batches, the second all later (the incremental fold's cheap path, which
        // reads the cap as it stands too): the same recordings.
        const inOrder = orderEvents(delivered);
        const cut = Math.floor(inOrder.length / 2);
        const first = foldSnapshot(groupId, inOrder.slice(0, cut), appRegistry);
        const twice = foldMore(first, inOrder.slice(cut));
        expect(recordingsOf(twice.state)).toEqual(recordings);

        // The cap in force at each point of the one order every computer agrees on, from coaches only.
        const coach = writers[0]!.key.keyId;
        const counted = new Set([coach, writers[1]!.key.keyId, writers[2]!.key.keyId]);
        let cap: number | null = null;
        const expected: string[] = [];
        for (const e of orderEvents([...events, ...written])) {
          if (e.kind === SHARE_LIMIT && e.author === coach)
            cap = (e.body as { maxBytes: number | null }).maxBytes;
          if (e.kind !== RECORDING_SHARED || !counted.has(e.author)) continue;
          const { byteSize } = e.body as RecordingSharedBody;
          if (cap === null || byteSize <= cap) expected.push(e.id);
        }
        expect(Object.keys(recordings).sort()).toEqual(expected.sort());
        // Within the cap: untouched, exactly as shared.
        for (const id of expected) {
          const e = written.find((w) => w.id === id) ?? events.find((w) => w.id === id)!;
          expect(recordings[id]).toMatchObject(e.body as object);
        }
      }),
      { numRuns: 200 },
    );
  });
});

const sha = (mb: number, at: number) => (mb.toString(16) + 'f' + at.toString(16)).padEnd(64, '0');

/** A deterministic shuffle (Fisher–Yates on a small LCG), so a failing run replays from its seed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  for (let i = items.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
