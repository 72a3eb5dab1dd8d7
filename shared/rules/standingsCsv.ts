// Standings as CSV for spreadsheets: UTF-8 with a byte-order mark and CRLF line ends, so Excel
// opens Chinese names correctly. Names come from members, so a cell that a spreadsheet would run
// as a formula (=, +, -, @) is prefixed with an apostrophe.
import type { Standings } from './standings';

const HEADER = [
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
];

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The standings table as CSV text, starting with a BOM. */
export function standingsCsv(standings: Standings): string {
  const rows = standings.members.map((s, i) => [
    i + 1,
    s.name,
    s.member,
    s.status,
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
  return '\uFEFF' + [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
