import { describe, expect, it } from 'vitest';
import { appRegistry } from './appRegistry';
import { MAX_PENDING_APPLICANTS } from './causalRoster';
import { causalGroup, Peer } from './causalScenario';
import { foldMore, foldSnapshot, setAsideOf, stateHash } from './fold';
import { PROFILE_UPDATE } from './groupEvent';
import { profilesOf } from './profiles';
import { SCENARIO_T0, scenarioDevice } from './scenario';

const minute = 60_000;
const t = (m: number) => SCENARIO_T0 + m * minute;

/** Creator, a co-coach and two members, everyone in sync after each step. */
function coachedGroup(seed = 'causal') {
  const [creator, cocoach, ana, bo] = causalGroup(seed, 3, t(0), appRegistry) as [Peer, Peer, Peer, Peer];
  const everyone = [creator, cocoach, ana, bo];
  const syncAll = () => {
    for (const a of everyone) for (const b of everyone) a.receive(b);
  };
  [cocoach, ana, bo].forEach((p, i) => p.join(['小林', '安娜', 'Bo'][i]!, t(1 + i)));
  syncAll();
  for (const [i, p] of [cocoach, ana, bo].entries()) creator.decide(p, 'approve', t(5 + i));
  creator.decide(cocoach, 'promote', t(10));
  syncAll();
  return { creator, cocoach, ana, bo, everyone, syncAll };
}

const roleOf = (peer: Peer, of: Peer) => {
  const m = peer.snapshot().state.members[of.keyId];
  return m && `${m.status}/${m.role}`;
};

describe('format 2: authority follows what a writer had seen', () => {
  it('a removed co-coach cannot take the group over by backdating a counter-removal', () => {
    const { creator, cocoach, ana, bo, syncAll } = coachedGroup();
    const before = creator.snapshot();
    creator.decide(cocoach, 'remove', t(60));
    creator.decide(bo, 'remove', t(61));
    // The removed co-coach links only to what she had seen before her removal and dates her decisions
    // one minute after her promotion: remove the creator, take Bo back in.
    const past = [...cocoach.known.values()].filter((e) => before.ids.has(e.id));
    const heads = headsAmong(past);
    const coup = cocoach.decide(creator, 'remove', t(11), heads);
    cocoach.decide(ana, 'remove', t(11) + 1, [coup]);
    syncAll();
    for (const peer of [creator, cocoach, ana, bo]) {
      expect(roleOf(peer, creator)).toBe('member/coach');
      expect(roleOf(peer, cocoach)).toBe('removed/member');
      expect(roleOf(peer, ana)).toBe('member/member');
      expect(roleOf(peer, bo)).toBe('removed/member');
    }
    const aside = setAsideOf(creator.snapshot());
    expect(aside.filter((a) => a.author === cocoach.keyId).map((a) => a.reason)).toEqual([
      'not-a-coach',
      'not-a-coach',
    ]);
  });

  it('two coaches removing each other at once: the creator outranks', () => {
    const { creator, cocoach, everyone, syncAll } = coachedGroup();
    creator.decide(cocoach, 'remove', t(30));
    cocoach.decide(creator, 'remove', t(29)); // concurrent: neither saw the other
    syncAll();
    const hashes = new Set(everyone.map((p) => stateHash(p.snapshot().state)));
    expect(hashes.size).toBe(1);
    expect(roleOf(creator, creator)).toBe('member/coach');
    expect(roleOf(creator, cocoach)).toBe('removed/member');
  });

  it('between two promoted coaches, the earlier promoted wins a concurrent mutual removal', () => {
    const { creator, cocoach, ana, syncAll } = coachedGroup();
    creator.decide(ana, 'promote', t(20)); // promoted after the co-coach
    syncAll();
    // Ana dates hers far earlier; the co-coach's promotion is still the earlier one.
    ana.decide(cocoach, 'remove', t(21));
    cocoach.decide(ana, 'remove', t(40));
    syncAll();
    expect(roleOf(creator, cocoach)).toBe('member/coach');
    expect(roleOf(creator, ana)).toBe('removed/member');
  });

  it("a removed member's entries count only if the removal had seen them, until a re-approval", () => {
    const { creator, bo, syncAll } = coachedGroup();
    const seen = bo.write(PROFILE_UPDATE, { bio: 'seen by the removal' }, t(20));
    syncAll();
    creator.decide(bo, 'remove', t(30));
    const unseen = bo.write(PROFILE_UPDATE, { bio: 'written offline, dated early' }, t(21));
    syncAll();
    const after = bo.write(PROFILE_UPDATE, { bio: 'written knowing the removal' }, t(40));
    syncAll();
    expect(profilesOf(creator.snapshot().state)[bo.keyId]?.bio).toBe('seen by the removal');
    expect(setAsideOf(creator.snapshot()).map((a) => [a.id, a.reason])).toEqual([
      [unseen.id, 'not-seen-by-removal'],
      [after.id, 'not-seen-by-removal'],
    ]);
    expect(seen.id).not.toBe(unseen.id);
    bo.join('Bo', t(50));
    syncAll();
    creator.decide(bo, 'approve', t(51));
    syncAll();
    bo.write(PROFILE_UPDATE, { bio: 'back' }, t(52));
    syncAll();
    expect(profilesOf(creator.snapshot().state)[bo.keyId]?.bio).toBe('back');
  });

  it('an event dated no later than something it had seen is refused, and cut out of the graph', () => {
    const { creator, ana, syncAll } = coachedGroup();
    const latest = creator.write(PROFILE_UPDATE, { bio: 'now' }, t(100));
    syncAll();
    // Ana's device links the creator's latest event yet dates its own an hour before it.
    const bad = scenarioDevice('causal', 2).event(PROFILE_UPDATE, { bio: 'backdated' }, t(40), [
      { id: latest.id, hlc: '2026-01-05T08:00:00.000Z-0000-0000000000000000' },
    ]);
    creator.receive([bad]);
    expect(bad.hlc < latest.hlc).toBe(true);
    expect(setAsideOf(creator.snapshot()).find((a) => a.id === bad.id)?.reason).toBe('dated-before-its-past');
    expect(profilesOf(creator.snapshot().state)[ana.keyId]?.bio).not.toBe('backdated');
  });

  it('a format-1 event in a format-2 group is set aside (no downgrade around the causal rules)', () => {
    const { creator, cocoach, syncAll } = coachedGroup();
    creator.decide(cocoach, 'remove', t(60));
    syncAll();
    const legacy = cocoach.device.event(
      'roster.decision',
      { member: creator.keyId, decision: 'remove' },
      t(11),
    );
    creator.receive([legacy]);
    expect(roleOf(creator, creator)).toBe('member/coach');
    expect(setAsideOf(creator.snapshot()).find((a) => a.id === legacy.id)?.reason).toBe('format-1-event');
  });

  it(`at most ${MAX_PENDING_APPLICANTS} join requests wait at once`, () => {
    const [creator] = causalGroup('crowd', 0, t(0), appRegistry) as [Peer];
    for (let i = 1; i <= MAX_PENDING_APPLICANTS + 5; i++) {
      const stranger = new Peer(scenarioDevice('crowd', i), appRegistry, creator.groupId);
      stranger.receive(creator);
      stranger.join(`申请人${i}`, t(i));
      creator.receive(stranger);
    }
    const applicants = () =>
      Object.values(creator.snapshot().state.members).filter((m) => m.status === 'applicant');
    expect(applicants()).toHaveLength(MAX_PENDING_APPLICANTS);
    expect(setAsideOf(creator.snapshot()).map((a) => a.reason)).toEqual(Array(5).fill('too-many-applicants'));
    // The line moves: declining one lets the next one in...
    const first = new Peer(scenarioDevice('crowd', 1), appRegistry, creator.groupId);
    creator.decide(first, 'decline', t(100));
    expect(applicants()).toHaveLength(MAX_PENDING_APPLICANTS);
    expect(setAsideOf(creator.snapshot())).toHaveLength(4);
    // ...and a coach who saw a request still in line can approve it at once.
    const last = new Peer(scenarioDevice('crowd', MAX_PENDING_APPLICANTS + 5), appRegistry, creator.groupId);
    creator.decide(last, 'approve', t(101));
    expect(creator.snapshot().state.members[last.keyId]?.status).toBe('member');
    expect(setAsideOf(creator.snapshot())).toHaveLength(3);
  });

  it('extending a snapshot with new events gives the state a full fold gives', () => {
    const { creator, ana, bo, syncAll } = coachedGroup();
    const snapshot = creator.snapshot();
    const more = [
      ana.write(PROFILE_UPDATE, { bio: 'a' }, t(30)),
      bo.write(PROFILE_UPDATE, { bio: 'b' }, t(31)),
    ];
    syncAll();
    const extended = foldMore(snapshot, more);
    expect(stateHash(extended.state)).toBe(
      stateHash(foldSnapshot(creator.groupId, creator.known.values(), appRegistry).state),
    );
  });
});

/** The events of `events` that no other of them links to. */
function headsAmong(events: readonly { id: string; prev?: readonly string[] }[]) {
  const linked = new Set(events.flatMap((e) => e.prev ?? []));
  return events.filter((e) => !linked.has(e.id)) as Parameters<Peer['write']>[3] & object;
}
