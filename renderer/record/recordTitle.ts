// The Record screen's title as speeches.begin will take it: left empty, the dated default is used;
// otherwise trimmed and no longer than a speech's title may be (speechLimits, the API's own bound).
import { speechLimits } from '../../shared/domain/speech';
import { textProblem } from '../shell/fieldChecks';

export const recordTitleProblem = (title: string) => textProblem(title.trim(), { max: speechLimits.title });
