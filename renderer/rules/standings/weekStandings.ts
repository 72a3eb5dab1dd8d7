// The standings of one week (occurrence), in the season's CSV columns: each member's points and
// counts from that week alone, so the coach exports "the week" and "the season" the same way.
import type { Outcome, Standings } from '../../../shared/rules/standings';

const countOf: Partial<Record<Outcome, 'onTime' | 'late' | 'missed' | 'excused' | 'pardoned'>> = {
  'on-time': 'onTime',
  late: 'late',
  missed: 'missed',
  excused: 'excused',
  pardoned: 'pardoned',
};

export function weekStandings(season: Standings, key: string): Standings {
  const members = season.members.flatMap((s) => {
    const entry = s.history.find((h) => h.key === key);
    if (!entry) return [];
    const counts = { onTime: 0, late: 0, missed: 0, excused: 0, pardoned: 0 };
    const which = countOf[entry.outcome];
    if (which) counts[which] = 1;
    return [{ ...s, points: entry.points, counts, history: [entry] }];
  });
  members.sort((a, b) => b.points - a.points || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...season, members };
}
