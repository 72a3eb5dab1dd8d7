// `standings`: points, streaks, misses and status per member, as a table, JSON or CSV.
import { promises as fs } from 'node:fs';
import { critiquesGiven } from '../../../shared/critique/critiquesGiven';
import { computeStandings } from '../../../shared/rules/standings';
import type { Standings } from '../../../shared/rules/standings';
import { standingsCsv } from '../../../shared/rules/standingsCsv';
import { parseInstant } from '../cliArgs';
import { UsageError, defineCommand } from '../cliCommand';
import { readFolder, requireFolder } from '../openGroup';
import { safe, terminalJson, terminalLines } from '../terminalText';

export const standings = defineCommand({
  name: 'standings',
  usage: [
    '<folder> [--json|--csv] [--as-of <iso>] [--out <file>]',
    '                                      points, streaks, misses and status (CSV: UTF-8 with BOM)',
  ],
  options: {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, [folderArg], io, { now }) {
    const folder = await requireFolder(folderArg);
    if (values.json && values.csv) throw new UsageError('Choose one of --json and --csv.');
    const asOf = values['as-of'] === undefined ? now() : parseInstant(values['as-of'], '--as-of');
    const { sync } = await readFolder(folder, now);
    const { state } = sync.state();
    const result = computeStandings(state, critiquesGiven(state), asOf);
    const text = values.csv
      ? standingsCsv(result)
      : values.json
        ? JSON.stringify(
            { group: state.group?.id ?? null, ...result, asOf: new Date(asOf).toISOString() },
            null,
            2,
          ) + '\n'
        : standingsTable(result);
    if (values.out) {
      await fs.writeFile(values.out, text, { flag: 'wx' });
      io.out(safe`Standings of ${result.members.length} members written to ${values.out}.`);
    } else {
      // The table escapes as it is built; JSON and CSV, data formats, only when shown.
      const shown = values.json ? terminalJson(text) : values.csv ? terminalLines(text) : text;
      io.out(shown.replace(/\r?\n$/, ''));
    }
    return 0;
  },
});

function standingsTable(s: Standings): string {
  const lines = [
    safe`Standings as of ${new Date(s.asOf).toISOString()} (${s.timeZone}, rules v${s.rulesVersion})`,
  ];
  s.members.forEach((m, i) => {
    lines.push(
      safe`${String(i + 1).padStart(3)}. ${m.status.padEnd(6)} ${String(m.points).padStart(5)} pts  streak ${String(m.streak).padStart(2)}  misses ${m.missesInARow}/${m.missesTotal}  ${m.name}`,
    );
  });
  return lines.join('\n') + '\n';
}
