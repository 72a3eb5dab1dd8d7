// What the evaluation forms on one speech add up to: per criterion, the average 1–5 score and how
// many scored it. Only forms on shown critiques by someone other than the speaker count (a retracted
// or hidden critique takes its form with it; a speaker's scores for themself would skew the mean).
import { DEFAULT_CRITERIA, criteriaOrder } from './criteria';
import type { Evaluation } from './critiqueEvents';
import type { CritiqueBoard } from './critiqueBoard';

export interface CriterionSummary {
  criterion: string;
  average: number;
  count: number;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
}

export interface EvaluationSummary {
  recordingId: string;
  /** Forms that count. */
  evaluations: number;
  /** The speech's criteria first (in their order), then others scored; only criteria someone scored. */
  criteria: CriterionSummary[];
  /** The mean of every score given, or null when none was. */
  overall: number | null;
}

/** The forms that count on a recording, oldest first, with their authors. */
export function evaluationsOn(
  board: CritiqueBoard,
  recordingId: string,
): Array<{ author: string; hlc: string; evaluation: Evaluation }> {
  const speaker = board.recordings[recordingId]?.author;
  const forms = (board.byRecording[recordingId] ?? [])
    .map((t) => t.comment)
    .filter((c) => c.evaluation && c.status === 'shown' && c.author !== speaker)
    .map((c) => ({ author: c.author, hlc: c.hlc, evaluation: c.evaluation! }));
  return forms.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** `criteria`: the speech's (see speechCriteria), which sets the order. */
export function evaluationSummary(
  board: CritiqueBoard,
  recordingId: string,
  criteria: readonly string[] = DEFAULT_CRITERIA,
): EvaluationSummary {
  const forms = evaluationsOn(board, recordingId);
  const byCriterion = new Map<string, CriterionSummary>();
  let total = 0;
  let count = 0;
  for (const { evaluation } of forms) {
    for (const [criterion, score] of Object.entries(evaluation.scores)) {
      let s = byCriterion.get(criterion);
      if (!s)
        byCriterion.set(criterion, (s = { criterion, average: 0, count: 0, distribution: [0, 0, 0, 0, 0] }));
      s.distribution[score - 1]!++;
      s.average += score; // the sum, until divided below
      s.count++;
      total += score;
      count++;
    }
  }
  const order = criteriaOrder(criteria);
  const scored = [...byCriterion.values()]
    .map((s) => ({ ...s, average: s.average / s.count }))
    .sort((a, b) => order(a.criterion, b.criterion));
  return { recordingId, evaluations: forms.length, criteria: scored, overall: count ? total / count : null };
}
