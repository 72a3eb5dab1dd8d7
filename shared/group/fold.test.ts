import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { baseRegistry } from './baseRegistry';
import { foldGroup, foldMore, foldSnapshot, stateHash } from './fold';
import { defineSlice, handler } from './kindRegistry';
import type { GroupState } from './groupState';
import { profilesOf } from './profiles';
import { recordingsOf } from './recordings';
import {
  SCENARIO_T0,
  decisionEvent,
  joinEvent,
  profileEvent,
  recordingEvent,
  scenarioDevice,
  smallGroup,
  withdrawEvent,
} from './scenario';

const t = (minutes: number) => SCENARIO_T0 + minutes * 60_000;
const { groupId, events, devices } = smallGroup();
const [coach, ana, bo, cy] = devices as [
  (typeof devices)[0],
  (typeof devices)[0],
  (typeof devices)[0],
  (typeof devices)[0],
];

describe('foldGroup', () => {
  it('builds the roster, profiles and recordings of a small group', () => {
    const state = foldGroup(groupId, events, baseRegistry);
    expect(state.group?.name).toContain('Wednesday');
    expect(state.members[coach.key.keyId]).toMatchObject({ role: 'coach', status: 'member' });
    expect(state.members[ana.key.keyId]).toMatchObject({
      role: 'member',
      status: 'member',
      displayName: '安娜',
    });
    expect(state.members[cy.key.keyId]).toMatchObject({ status: 'declined' });
    const profiles = profilesOf(state);
    expect(profiles[ana.key.keyId]?.bio).toBe('written before approval'); // counts once approved
    expect(profiles[cy.key.keyId]).toBeUndefined(); // declined: never counts
    expect(profiles[bo.key.keyId]).toMatchObject({ bio: 'Hello', displayName: 'Bo Li' });
    expect(Object.values(recordingsOf(state)).map((r) => r.title)).toEqual(['我的第一次演讲']);
  });

  it('gives the same state and hash for any permutation and duplication of the events (property)', () => {
    const expected = stateHash(foldGroup(groupId, events, baseRegistry));
    const richer = [...events, ...removalStory().slice(1)];
    const expectedRicher = stateHash(foldGroup(groupId, richer, baseRegistry));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat(events.length - 1), { maxLength: 10 }),
        fc.shuffledSubarray(richer, { minLength: richer.length, maxLength: richer.length }),
        (perm, dups, perm2) => {
          expect(stateHash(foldGroup(groupId, [...perm, ...dups.map((i) => events[i]!)], baseRegistry))).toBe(
            expected,
          );
          expect(stateHash(foldGroup(groupId, [...perm2, ...perm2], baseRegistry))).toBe(expectedRicher);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('extends a snapshot with more events to the same state as folding all at once (property)', () => {
    const richer = [...events, ...removalStory().slice(1)];
    const expected = stateHash(foldGroup(groupId, richer, baseRegistry));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(richer, { minLength: richer.length, maxLength: richer.length }),
        fc.array(fc.nat(richer.length), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (perm, cuts, sorted) => {
          // Deliver in batches, as syncs do: sometimes late, sometimes in order (the cheap path).
          const bounds = [...new Set([0, ...cuts, richer.length])].sort((a, b) => a - b);
          const source = sorted ? [...richer].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)) : perm;
          let snap = foldSnapshot(groupId, source.slice(0, bounds[1]), baseRegistry);
          for (let i = 1; i < bounds.length - 1; i++)
            snap = foldMore(snap, source.slice(bounds[i], bounds[i + 1]));
          expect(stateHash(snap.state)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
    // The cheap path leaves the earlier snapshot as it was.
    const ordered = [...richer].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    const before = foldSnapshot(groupId, ordered.slice(0, -1), baseRegistry);
    const hash = stateHash(before.state);
    foldMore(before, ordered.slice(-1));
    expect(stateHash(before.state)).toBe(hash);
  });

  it('is idempotent: folding the events twice over equals folding them once', () => {
    expect(foldGroup(groupId, [...events, ...events], baseRegistry)).toEqual(
      foldGroup(groupId, events, baseRegistry),
    );
  });

  it('has no group without its genesis, and ignores a genesis not signed by its creator', () => {
    expect(foldGroup(groupId, events.slice(1), baseRegistry)).toMatchObject({ group: null, members: {} });
    expect(foldGroup('0'.repeat(64), events, baseRegistry).group).toBeNull();
  });

  // Devices keep their clocks, so each story is built once.
  let story: ReturnType<typeof buildRemovalStory> | undefined;
  const removalStory = () => (story ??= buildRemovalStory());
  function buildRemovalStory() {
    return [
      ...events,
      profileEvent(bo, t(20), 'before removal'),
      decisionEvent(coach, t(21), bo.key.keyId, 'remove'),
      profileEvent(bo, t(22), 'after removal'),
      recordingEvent(bo, t(23), 'late speech', utf8ToBytes('audio-2'), utf8ToBytes('peaks-2')),
    ];
  }

  it('never counts entries dated after a removal, but keeps earlier ones', () => {
    const state = foldGroup(groupId, removalStory(), baseRegistry);
    expect(state.members[bo.key.keyId]).toMatchObject({ status: 'removed' });
    expect(profilesOf(state)[bo.key.keyId]?.bio).toBe('before removal');
    expect(Object.values(recordingsOf(state)).map((r) => r.title)).toEqual(['我的第一次演讲']);
  });

  it('lets only coaches decide the roster, and promoted coaches too', () => {
    const dan = scenarioDevice('small', 4);
    const byMember = foldGroup(
      groupId,
      [...events, joinEvent(dan, t(20), 'Dan'), decisionEvent(ana, t(21), dan.key.keyId, 'approve')],
      baseRegistry,
    );
    expect(byMember.members[dan.key.keyId]?.status).toBe('applicant');
    const promoted = foldGroup(
      groupId,
      [
        ...events,
        joinEvent(dan, t(20), 'Dan'),
        decisionEvent(coach, t(21), ana.key.keyId, 'promote'),
        decisionEvent(ana, t(22), dan.key.keyId, 'approve'),
      ],
      baseRegistry,
    );
    expect(promoted.members[ana.key.keyId]?.role).toBe('coach');
    expect(promoted.members[dan.key.keyId]?.status).toBe('member');
  });

  it('keeps the last coach, and ignores join requests for another charter and unknown keys', () => {
    const stranger = scenarioDevice('small', 9);
    const state = foldGroup(
      groupId,
      [
        ...events,
        decisionEvent(coach, t(20), coach.key.keyId, 'remove'),
        joinEvent(stranger, t(21), 'Eve', 'another charter'),
        profileEvent(stranger, t(22), 'spam'),
      ],
      baseRegistry,
    );
    expect(state.members[coach.key.keyId]?.status).toBe('member');
    expect(state.members[stranger.key.keyId]).toBeUndefined();
    expect(profilesOf(state)[stranger.key.keyId]).toBeUndefined();
  });

  it('lets only the author withdraw a recording', () => {
    const shared = events.find((e) => e.kind === 'recording.shared')!;
    const byOther = foldGroup(groupId, [...events, withdrawEvent(ana, t(20), shared.id)], baseRegistry);
    expect(recordingsOf(byOther)[shared.id]).toBeDefined();
    const byAuthor = foldGroup(groupId, [...events, withdrawEvent(bo, t(20), shared.id)], baseRegistry);
    expect(recordingsOf(byAuthor)[shared.id]).toBeUndefined();
  });

  it('ignores unknown kinds and bodies that fail their schema', () => {
    const base = stateHash(foldGroup(groupId, events, baseRegistry));
    const odd = [bo.event('critique.future', { x: 1 }, t(20)), bo.event('member.profile', { bio: 5 }, t(21))];
    expect(stateHash(foldGroup(groupId, [...events, ...odd], baseRegistry))).toBe(base);
  });

  it('takes new kinds through the registry without changing the fold', () => {
    const assignments = defineSlice<Record<string, string>>('assignments', () => ({}), {
      'assignment.set': handler<Record<string, string>, z.ZodObject<{ title: z.ZodString }>>({
        body: z.strictObject({ title: z.string() }),
        authorize: (e, _slice, ctx) => ctx.isCoach(e),
        apply: (e, slice) => {
          slice[e.id] = e.body.title;
        },
      }),
    });
    const registry = baseRegistry.with(assignments as never);
    const state: GroupState = foldGroup(
      groupId,
      [
        ...events,
        coach.event('assignment.set', { title: '一分钟自我介绍' }, t(20)),
        bo.event('assignment.set', { title: 'no' }, t(21)),
      ],
      registry,
    );
    expect(Object.values(state.slices.assignments as object)).toEqual(['一分钟自我介绍']);
    expect(() => baseRegistry.with(assignments as never, assignments as never)).toThrow();
  });
});
