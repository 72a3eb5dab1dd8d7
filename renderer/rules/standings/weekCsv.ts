// The coach's week as CSV, the same table the week view shows (every member's row, scored or not yet:
// the current week too), its header and its words in the member's language, check-in times in the
// group's time zone.
import type { WeekRow, WeekView } from '../../../shared/api/rulesOverview';
import { csvText } from '../../../shared/rules/standingsCsv';
import { wallTimeAt } from '../../../shared/rules/zonedTime';

export const WEEK_COLUMNS = [
  'name',
  'member',
  'submission',
  'checked_in_at',
  'owed_critiques_given',
  'owed_critiques',
  'critiques_given',
  'points',
  'at_risk',
  'reflection',
] as const;
export type WeekColumn = (typeof WEEK_COLUMNS)[number];

export interface WeekCsvWords {
  column(column: WeekColumn): string;
  outcome(outcome: WeekRow['outcome']): string;
  /** "yes" for a member at risk. */
  atRisk: string;
}

export function weekCsv(week: WeekView, timeZone: string, words: WeekCsvWords): string {
  const rows = week.rows.map((r) => [
    r.name,
    r.member,
    words.outcome(r.outcome),
    r.checkedInAt ? wallTimeAt(Date.parse(r.checkedInAt), timeZone).replace('T', ' ') : '',
    r.critiquesOwedGiven,
    r.critiquesOwed,
    r.critiquesGiven,
    r.points,
    r.atRisk ? words.atRisk : '',
    r.reflection ?? '',
  ]);
  return csvText([WEEK_COLUMNS.map(words.column), ...rows]);
}

/** The file a week is saved as: its title and submission date. */
export const weekCsvName = (week: WeekView) =>
  `${week.title.replace(/[\\/:*?"<>|\s]+/g, '-')}-${week.submitBy.slice(0, 10)}.csv`;
