// The critique duty's input (critiqueFacts.ts): one fact per member per shared recording, for the
// first critique that member gave on it. A critique is a top-level comment (with or without an
// evaluation form) by someone other than the speaker, still shown: retracted or hidden ones do not
// count, and neither do replies (answering in someone else's thread is not critiquing the speech).
import type { GroupState } from '../group/groupState';
import type { CritiqueGiven } from './critiqueFacts';
import { critiqueBoard } from './critiqueBoard';
import type { CritiqueBoard } from './critiqueBoard';

/** Sorted by (hlc, author, recordingId). Pass a board already built to save the work. */
export function critiquesGiven(
  state: GroupState,
  board: CritiqueBoard = critiqueBoard(state),
): CritiqueGiven[] {
  const first = new Map<string, CritiqueGiven>();
  for (const [recordingId, threads] of Object.entries(board.byRecording)) {
    const speaker = board.recordings[recordingId]?.author;
    for (const { comment } of threads) {
      if (comment.status !== 'shown' || comment.author === speaker) continue;
      const key = `${comment.author}/${recordingId}`;
      const seen = first.get(key);
      if (!seen || comment.hlc < seen.hlc)
        first.set(key, { author: comment.author, recordingId, hlc: comment.hlc });
    }
  }
  return [...first.values()].sort(
    (a, b) => cmp(a.hlc, b.hlc) || cmp(a.author, b.author) || cmp(a.recordingId, b.recordingId),
  );
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
