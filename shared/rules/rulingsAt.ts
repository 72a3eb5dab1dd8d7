// Coaches' rulings on check-ins (`checkin.ruled`) as judging reads them at a moment: per check-in,
// the latest ruling written by then wins, so `late: false` withdraws an earlier `late: true`.
import type { CheckInRuling, RulesState } from './rulesState';
import { hlcMillis } from './zonedTime';

export interface RulingsAt {
  /** The latest ruling on this check-in (by its event id) up to the moment, if any. */
  latest(checkIn: string): CheckInRuling | undefined;
  /** Whether a coach counts this check-in late at the moment. */
  countsLate(checkIn: string): boolean;
}

/** The rulings in force at `asOf` (epoch ms): those dated at or before it, the latest per check-in. */
export function rulingsAt(rules: RulesState, asOf: number): RulingsAt {
  const latest = new Map<string, CheckInRuling>();
  // The slice keeps rulings in fold order, (hlc, id): a later one replaces an earlier one.
  for (const r of rules.rulings ?? []) if (hlcMillis(r.at) <= asOf) latest.set(r.checkIn, r);
  return {
    latest: (checkIn) => latest.get(checkIn),
    countsLate: (checkIn) => latest.get(checkIn)?.late === true,
  };
}
