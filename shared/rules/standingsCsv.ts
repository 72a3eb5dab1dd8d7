// Standings as CSV for spreadsheets: UTF-8 with a byte-order mark and CRLF line ends, so Excel
// opens Chinese names correctly. Names come from members, so a cell that a spreadsheet would run
// as a formula (=, +, -, @) is prefixed with an apostrophe. Column names are keys, which the app
// writes in the member's language.
import type { Standings } from './standings';

export const STANDINGS_COLUMNS = [
  'rank',
  'name',
  'member',
  'status',
  'points',
  'streak',
  'misses_in_a_row',
  'misses_total',
  'on_time',
  'late',
  'missed',
  'excused',
  'pardoned',
  'critiques_given',
] as const;
export type StandingsColumn = (typeof STANDINGS_COLUMNS)[number];

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text, starting with a BOM, each line ended with CRLF. */
export const csvText = (rows: readonly (readonly (string | number)[])[]): string =>
  '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** How a CSV names its columns and a member's status (the keys themselves when left out: the CLI's). */
export interface CsvWords {
  column(column: StandingsColumn): string;
  status(status: Standings['members'][number]['status']): string;
}
const keys: CsvWords = { column: (column) => column, status: (status) => status };

/** The standings table as CSV text, in `words` (the column and status keys when left out). */
export function standingsCsv(standings: Standings, words: CsvWords = keys): string {
  const rows = standings.members.map((s, i) => [
    i + 1,
    s.name,
    s.member,
    words.status(s.status),
    s.points,
    s.streak,
    s.missesInARow,
    s.missesTotal,
    s.counts.onTime,
    s.counts.late,
    s.counts.missed,
    s.counts.excused,
    s.counts.pardoned,
    s.history.reduce((n, h) => n + h.critiquesGiven, 0),
  ]);
  return csvText([STANDINGS_COLUMNS.map((c) => words.column(c)), ...rows]);
}
