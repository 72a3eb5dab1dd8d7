// What a segment gives while a pass is under way, before the fold has had its say (holdOnRead): a
// first sync knows no one, and a big group's history is more than the budget for undecided keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import type { MemberDevice } from '../../../shared/group/memberDevice';
import {
  SCENARIO_T0,
  decisionEvent,
  genesisEvent,
  joinEvent,
  profileEvent,
  scenarioDevice,
} from '../../../shared/group/scenario';
import { createSegment } from '../../../shared/group/segment';
import type { Segment } from '../../../shared/group/segment';
import { DEVICE_QUOTA } from './deviceQuota';
import { EventKeeper, keeperPass, segmentFigures } from './eventKeeper';

const minute = (n: number) => SCENARIO_T0 + n * 60_000;
const [coach, bo, ana, stranger] = [0, 1, 2, 3].map((n) => scenarioDevice('keeper', n)) as [
  MemberDevice,
  MemberDevice,
  MemberDevice,
  MemberDevice,
];
const genesis = genesisEvent(coach, minute(0));
const segmentOf = (device: MemberDevice, events: GroupEvent[]) =>
  createSegment(device.key, { group: genesis.id, device: device.deviceId, first: 1, last: 1 }, events);

describe('EventKeeper.holdOnRead', () => {
  it('asks the roster read so far once undecided segments pass the budget: members whole, strangers their join', () => {
    const keeper = new EventKeeper({
      quota: DEVICE_QUOTA,
      undecidedBytes: 1_000,
      members: () => ({}), // a first sync: the last fold knew no one
      changed: () => {},
      readAgain: async () => null,
    });
    const pass = keeperPass();
    keeper.begin({}, genesis.id);
    keeper.hold(genesis, pass);
    const read = (file: string, events: GroupEvent[], device: MemberDevice, size: number) => {
      const given = keeper.holdOnRead(segmentOf(device, events), size, pass);
      pass.read.set(file, given);
      return given;
    };

    const approvals = [
      decisionEvent(coach, minute(2), bo.key.keyId, 'approve'),
      decisionEvent(coach, minute(3), ana.key.keyId, 'approve'),
    ];
    expect(read('coach', approvals, coach, 400)).toHaveLength(2);
    expect(read('bo-1', [joinEvent(bo, minute(1), 'Bo')], bo, 400)).toHaveLength(1);
    // 1,200 bytes undecided: the roster of what was read keeps the coach and Bo, so their 800 stop counting.
    const anaEvents = [joinEvent(ana, minute(1), '安娜'), profileEvent(ana, minute(4), '讲台')];
    expect(read('ana-1', anaEvents, ana, 400)).toHaveLength(2);
    expect(pass.undecided).toBe(400);

    // Bo's year, far past the budget, is given whole: not left for reading again after the fold.
    const year = Array.from({ length: 50 }, (_, i) => profileEvent(bo, minute(10 + i), `week ${i}`));
    expect(read('bo-2', year, bo, 50_000)).toHaveLength(50);
    // A stranger's join request is all their flood gives.
    const flood = [
      joinEvent(stranger, minute(5), 'Flood'),
      ...Array.from({ length: 50 }, (_, i) => profileEvent(stranger, minute(6 + i), 'spam')),
    ];
    expect(read('stranger-1', flood, stranger, 50_000).map((e) => e.kind)).toEqual(['member.join-request']);
    // Asked again for the stranger, the roster now holds Ana's request and her approval: she is kept whole.
    expect(pass.undecided).toBe(0);
  });
});

describe('segmentFigures', () => {
  it('counts events per day, in the order days first appear, and finds the earliest clock, whatever the order of events', () => {
    const clock = fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 86_399_999 }))
      .map(([day, ms]) => new Date(Date.UTC(2026, 0, 1 + day) + ms).toISOString() + '-0000-0000000000000001');
    fc.assert(
      fc.property(fc.array(clock, { maxLength: 40 }), (clocks) => {
        const events = clocks.map((hlc, i) => ({ ...profileEvent(bo, minute(i), `n${i}`), hlc }));
        const figures = segmentFigures({ author: bo.key.keyId, events } as unknown as Segment, undefined);
        const expected: Record<string, number> = {};
        for (const hlc of clocks) expected[hlc.slice(0, 10)] = (expected[hlc.slice(0, 10)] ?? 0) + 1;
        expect(Object.entries(figures.days ?? {})).toEqual(Object.entries(expected));
        expect(figures.firstHlc).toBe(clocks.length > 0 ? [...clocks].sort()[0] : undefined);
      }),
    );
  });
});
