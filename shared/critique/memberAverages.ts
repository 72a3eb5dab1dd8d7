// A member's growth as their peers scored it: for each speech they shared (oldest first) that at
// least one evaluation form scored, the average per criterion. The chart of averages over time.
import type { CritiqueBoard } from './critiqueBoard';
import { evaluationSummary } from './evaluationSummary';

export interface AveragesPoint {
  recordingId: string;
  title: string;
  /** HLC of the sharing event: the point's place on the time axis. */
  sharedAt: string;
  evaluations: number;
  /** Average 1–5 score per criterion scored on this speech. */
  averages: Record<string, number>;
  overall: number;
}

export function memberAverages(board: CritiqueBoard, member: string): AveragesPoint[] {
  const points: AveragesPoint[] = [];
  const mine = Object.values(board.recordings)
    .filter((r) => r.author === member)
    .sort((a, b) => (a.sharedAt < b.sharedAt ? -1 : a.sharedAt > b.sharedAt ? 1 : 0));
  for (const recording of mine) {
    const summary = evaluationSummary(board, recording.id);
    if (summary.overall === null) continue;
    const averages: Record<string, number> = {};
    for (const c of summary.criteria) averages[c.criterion] = c.average;
    points.push({
      recordingId: recording.id,
      title: recording.title,
      sharedAt: recording.sharedAt,
      evaluations: summary.evaluations,
      averages,
      overall: summary.overall,
    });
  }
  return points;
}
