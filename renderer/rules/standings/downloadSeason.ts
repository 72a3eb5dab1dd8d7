// The season's standings saved as CSV, its header and statuses in the member's language (the week's: weekCsv.ts).
import type { TFunction } from 'i18next';
import type { Standings } from '../../../shared/rules/standings';
import { standingsCsv } from '../../../shared/rules/standingsCsv';
import { downloadFile } from '../../shell/downloadFile';

export const CSV = 'text/csv;charset=utf-8';

export function downloadSeason(standings: Standings, t: TFunction): void {
  downloadFile(
    'standings-season.csv',
    standingsCsv(standings, {
      column: (column) => t(`assignments.csv.${column}`),
      status: (status) => t(`assignments.status.${status}`),
    }),
    CSV,
  );
}
