import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRegistry } from './appRegistry';
import { causalGroup } from './causalScenario';
import type { Peer } from './causalScenario';
import { PROFILE_UPDATE } from './groupEvent';
import { SCENARIO_T0 } from './scenario';
import { firstWitnessed } from './witnesses';

const t = (m: number) => SCENARIO_T0 + m * 60_000;

function group() {
  const peers = causalGroup('witness', 3, t(0), appRegistry) as [Peer, Peer, Peer, Peer];
  const [creator, ...others] = peers;
  others.forEach((p, i) => p.join(`成员${i}`, t(1)));
  others.forEach((p) => creator.receive(p));
  others.forEach((p, i) => creator.decide(p, 'approve', t(2 + i)));
  peers.forEach((a) => peers.forEach((b) => a.receive(b)));
  return peers;
}

describe('firstWitnessed', () => {
  it("is the first time someone else's event had it in its past, not the writer's own later events", () => {
    const [creator, ana, bo] = group();
    const work = ana.write(PROFILE_UPDATE, { bio: 'dated early, kept offline' }, t(10));
    ana.write(PROFILE_UPDATE, { bio: 'her own later event' }, t(20));
    bo.write(PROFILE_UPDATE, { bio: 'has not seen it' }, t(30));
    bo.receive(ana);
    const sighting = bo.write(PROFILE_UPDATE, { bio: 'saw it' }, t(40));
    creator.receive(bo);
    creator.write(PROFILE_UPDATE, { bio: 'saw it later' }, t(50));
    expect(firstWitnessed(creator.snapshot())(work.id)).toBe(sighting.hlc);
    expect(firstWitnessed(ana.snapshot())(work.id), 'nobody else has linked it yet').toBeNull();
  });

  it('agrees with a walk over every later event (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ who: fc.nat(3), from: fc.nat(3), write: fc.boolean() }), { maxLength: 30 }),
        (steps) => {
          const peers = group();
          let minute = 10;
          for (const s of steps) {
            if (s.write) peers[s.who]!.write(PROFILE_UPDATE, { bio: String(minute) }, t((minute += 1)));
            else peers[s.who]!.receive(peers[s.from]!);
          }
          const all = peers[0]!;
          peers.forEach((p) => all.receive(p));
          const snapshot = all.snapshot();
          const witnessed = firstWitnessed(snapshot);
          const graph = snapshot.causal!.graph;
          graph.events.forEach((e, pos) => {
            const later = graph.events
              .map((d, dpos) => ({ d, dpos }))
              .filter(({ d, dpos }) => d.author !== e.author && graph.ancestors(dpos).has(pos));
            const expected = later.length ? later.map(({ d }) => d.hlc).sort()[0]! : null;
            expect(witnessed(e.id)).toBe(expected);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
