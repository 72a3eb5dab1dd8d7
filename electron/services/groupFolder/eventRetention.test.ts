import { describe, expect, it } from 'vitest';
import {
  SCENARIO_T0,
  genesisEvent,
  joinEvent,
  profileEvent,
  scenarioDevice,
} from '../../../shared/group/scenario';
import { MAX_PENDING_APPLICANTS, Retention, firstJoin, joinMark } from './eventRetention';

const key = (n: number) => n.toString(16).padStart(64, '0');
const mark = (n: number) =>
  `2026-01-05T09:${String(n % 60).padStart(2, '0')}:00.000Z-0000-0000000000000001 ${key(n)}`;

describe('Retention', () => {
  it('keeps everything of keys a coach decided about, and one join request of the earliest waiting keys', () => {
    const firstJoins = new Map(Array.from({ length: 60 }, (_, i) => [key(100 + i), mark(i)]));
    const retention = new Retention({
      members: {
        [key(1)]: { status: 'member', approvedAt: 'x' },
        [key(2)]: { status: 'removed', approvedAt: 'x' },
        [key(3)]: { status: 'declined' },
        [key(4)]: { status: 'applicant', approvedAt: 'x' }, // a removed member asking again
        [key(100)]: { status: 'applicant' },
      },
      named: new Set([key(5), key(101)]),
      firstJoins,
    });
    expect([1, 2, 3, 4].map((n) => retention.keep(key(n)))).toEqual(['all', 'all', 'all', 'all']);
    expect([5, 101].map((n) => retention.keep(key(n)))).toEqual(['joins', 'joins']);
    // 59 keys wait (the named one does not): the 50 whose requests are earliest keep one.
    const waiting = Array.from({ length: 60 }, (_, i) => key(100 + i)).filter((k) => k !== key(101));
    expect(waiting.filter((k) => retention.keep(k) === 'first')).toEqual(
      waiting.slice(0, MAX_PENDING_APPLICANTS),
    );
    expect(retention.keep(waiting.at(-1)!)).toBe('none');
    expect(retention.keep(key(999))).toBe('none');
    expect(retention.chosenJoin(key(100))).toBe(mark(0));
  });

  it('admits of a waiting key only its chosen join request', () => {
    const coach = scenarioDevice('retention', 0);
    const ana = scenarioDevice('retention', 1);
    const genesis = genesisEvent(coach, SCENARIO_T0);
    const wrongCharter = joinEvent(ana, SCENARIO_T0 + 1_000, 'Ana', 'another charter');
    const join = joinEvent(ana, SCENARIO_T0 + 2_000, 'Ana');
    const later = joinEvent(ana, SCENARIO_T0 + 3_000, 'Ana again');
    const profile = profileEvent(ana, SCENARIO_T0 + 4_000, 'hello');
    expect(firstJoin([later, profile, join, wrongCharter], genesis)).toBe(joinMark(join));
    const retention = new Retention({
      members: {},
      named: new Set(),
      firstJoins: new Map([[ana.key.keyId, joinMark(join)]]),
    });
    expect([wrongCharter, join, later, profile].map((e) => retention.admits(e))).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });
});
