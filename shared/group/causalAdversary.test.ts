// The format-2 fold against an adversary: honest peers write and sync in random order while a removed
// co-coach, a removed member and a stranger backdate, replay, fork and reorder at will. Every honest
// peer converges to one state, and none of the adversaries' later events changes it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRegistry } from './appRegistry';
import { causalGroup, Peer } from './causalScenario';
import { foldMore, foldSnapshot, stateHash } from './fold';
import type { FoldSnapshot } from './fold';
import { PROFILE_UPDATE, ROSTER_DECISION, rosterDecisions } from './groupEvent';
import type { GroupEvent } from './groupEvent';
import { SCENARIO_T0, scenarioDevice } from './scenario';
import { RULES_SET } from '../rules/ruleEvents';

const minute = 60_000;
const t = (m: number) => SCENARIO_T0 + m * minute;

const rules = (onTime: number) => ({
  points: { onTime, late: 1, critique: 1, missPenalty: 2 },
  out: { missesInARow: 2 },
  critiquesPerAssignment: 1,
});

type HonestStep =
  | { type: 'write'; who: number; bio: string }
  | { type: 'rules'; onTime: number }
  | { type: 'sync'; to: number; from: number };
type AttackStep = {
  type: 'attack';
  who: number; // 0 removed co-coach, 1 removed member, 2 stranger
  what: 'decision' | 'profile' | 'rules';
  decision: (typeof rosterDecisions)[number];
  target: number;
  /** Minutes after the group began: anywhere from before the removal to a little after now. */
  at: number;
  /** Which known events to link (indices into what the adversary knows), or none. */
  links: number[];
  deliverTo: number;
};

const honestStep: fc.Arbitrary<HonestStep> = fc.oneof(
  fc.record({ type: fc.constant('write' as const), who: fc.nat(2), bio: fc.string({ maxLength: 8 }) }),
  fc.record({ type: fc.constant('rules' as const), onTime: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ type: fc.constant('sync' as const), to: fc.nat(2), from: fc.nat(2) }),
);
const attackStep: fc.Arbitrary<AttackStep> = fc.record({
  type: fc.constant('attack' as const),
  who: fc.nat(2),
  what: fc.constantFrom('decision' as const, 'profile' as const, 'rules' as const),
  decision: fc.constantFrom(...rosterDecisions),
  target: fc.nat(5),
  at: fc.integer({ min: 1, max: 400 }),
  links: fc.array(fc.nat(200), { maxLength: 4 }),
  deliverTo: fc.nat(2),
});

describe('format 2 against an adversary (property)', () => {
  it('honest peers converge, and no removed or unknown key changes the roster, the rules or anyone', () => {
    fc.assert(
      fc.property(
        fc.array(honestStep, { maxLength: 12 }),
        fc.array(fc.oneof(honestStep, attackStep, attackStep), { minLength: 1, maxLength: 25 }),
        (before, during) => {
          const [creator, m1, m2, cocoach, removed] = causalGroup(
            'adversary',
            4,
            t(0),
            appRegistry,
          ) as Peer[] as [Peer, Peer, Peer, Peer, Peer];
          const stranger = new Peer(scenarioDevice('adversary', 9), appRegistry, creator.groupId);
          stranger.receive(creator);
          const honest = [creator, m1, m2];
          const everyone = [creator, m1, m2, cocoach, removed];
          const syncAll = () => everyone.forEach((a) => everyone.forEach((b) => a.receive(b)));
          [m1, m2, cocoach, removed].forEach((p, i) => p.join(`成员${i}`, t(1)));
          syncAll();
          [m1, m2, cocoach, removed].forEach((p, i) => creator.decide(p, 'approve', t(2 + i)));
          creator.decide(cocoach, 'promote', t(6));
          syncAll();
          cocoach.write(RULES_SET, rules(5), t(7)); // legitimate while she is a coach
          removed.write(PROFILE_UPDATE, { bio: 'before removal' }, t(8));
          // A newcomer's request the creator has seen before removing anyone: a roster event of low
          // rank in the removal's past, which a backdated counter-decision must not overtake.
          const newcomer = new Peer(scenarioDevice('adversary', 8), appRegistry, creator.groupId);
          newcomer.receive(creator);
          newcomer.join('新人', t(9));
          creator.receive(newcomer);
          syncAll();

          let clock = 10;
          const run = (step: HonestStep) => {
            clock += 3;
            if (step.type === 'write') honest[step.who]!.write(PROFILE_UPDATE, { bio: step.bio }, t(clock));
            else if (step.type === 'rules') creator.write(RULES_SET, rules(step.onTime), t(clock));
            else honest[step.to]!.receive(honest[step.from]!);
          };
          before.forEach(run);
          clock += 3;
          creator.decide(cocoach, 'remove', t(clock));
          creator.decide(removed, 'remove', t(clock + 1));
          clock += 3;

          // m1 keeps its state the way GroupSync does: extended with what arrives, never refolded by hand.
          let incremental: FoldSnapshot = m1.snapshot();
          const deliver = (to: Peer, events: Iterable<GroupEvent>) => {
            const fresh = [...events].filter((e) => !to.known.has(e.id));
            to.receive(fresh);
            if (to === m1) incremental = foldMore(incremental, fresh);
          };
          const attacks: GroupEvent[] = [];
          const adversaries = [cocoach, removed, stranger];
          const targets = [creator, m1, m2, cocoach, removed, stranger];
          for (const step of during) {
            incremental = foldMore(incremental, m1.known.values()); // its own writes too, as a sync reads them
            if (step.type !== 'attack') {
              if (step.type === 'sync') deliver(honest[step.to]!, honest[step.from]!.known.values());
              else run(step);
              continue;
            }
            const adversary = adversaries[step.who]!;
            // The folder is readable by anyone: the adversary knows everything written so far.
            for (const p of honest) adversary.receive(p);
            const known = [...adversary.known.values()];
            const links = [...new Set(step.links.map((i) => known[i % known.length]!))];
            const at = t(step.at);
            const target = targets[step.target]!;
            const event =
              step.what === 'decision'
                ? adversary.write(
                    ROSTER_DECISION,
                    { member: target.keyId, decision: step.decision },
                    at,
                    links,
                  )
                : step.what === 'rules'
                  ? adversary.write(RULES_SET, rules(100), at, links)
                  : adversary.write(PROFILE_UPDATE, { bio: 'attack' }, at, links);
            attacks.push(event);
            deliver(honest[step.deliverTo]!, [event]); // replayed to one peer, in any order
          }
          for (const p of honest) for (const q of honest) deliver(p, q.known.values());
          for (const p of honest) deliver(p, attacks);
          incremental = foldMore(incremental, m1.known.values());

          const hashes = honest.map((p) => stateHash(p.snapshot().state));
          expect(new Set(hashes).size).toBe(1);
          expect(stateHash(incremental.state)).toBe(hashes[0]);
          const attackIds = new Set(attacks.map((e) => e.id));
          const without = foldSnapshot(
            creator.groupId,
            [...creator.known.values()].filter((e) => !attackIds.has(e.id)),
            appRegistry,
          );
          expect(stateHash(creator.snapshot().state)).toBe(stateHash(without.state));
          const members = creator.snapshot().state.members;
          expect(members[creator.keyId]).toMatchObject({ status: 'member', role: 'coach' });
          expect(members[cocoach.keyId]?.status).toBe('removed');
          expect(members[removed.keyId]?.status).toBe('removed');
          expect(members[stranger.keyId]).toBeUndefined();
        },
      ),
      { numRuns: 60 },
    );
  });
});
