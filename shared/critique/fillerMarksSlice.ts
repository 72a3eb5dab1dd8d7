// The Ah-Counter's filler marks: one per `critique.filler` event, keyed by its id, until its author
// withdraws it. A slice of its own (not a note in the critiques slice): a mark has no words, thread,
// edits or reactions, and an hour's speech may carry hundreds of them.
import type { GroupState } from '../group/groupState';
import { defineSlice, handler } from '../group/kindRegistry';
import { CRITIQUE_FILLER, CRITIQUE_FILLER_WITHDRAW, fillerBody, fillerWithdrawBody } from './critiqueEvents';

export interface FillerMark {
  /** The id of the event that wrote it. */
  id: string;
  author: string;
  hlc: string;
  recording: string;
  atMs: number;
  /** Absent: "a filler", no word named. */
  word?: string;
}
export type FillerMarks = Record<string, FillerMark>;

export const fillerMarksSlice = defineSlice<FillerMarks>('fillerMarks', () => ({}), {
  [CRITIQUE_FILLER]: handler<FillerMarks, typeof fillerBody>({
    body: fillerBody,
    apply: (e, marks) => {
      const mark: FillerMark = {
        id: e.id,
        author: e.author,
        hlc: e.hlc,
        recording: e.body.recording,
        atMs: e.body.atMs,
      };
      if (e.body.word !== undefined) mark.word = e.body.word;
      marks[e.id] = mark;
    },
  }),
  [CRITIQUE_FILLER_WITHDRAW]: handler<FillerMarks, typeof fillerWithdrawBody>({
    body: fillerWithdrawBody,
    // Only the marker, and only once the mark was folded (events fold in (hlc, id) order, and a
    // withdrawal is written after its mark, so a withdrawal dated before its mark is ignored).
    authorize: (e, marks) => marks[e.body.target]?.author === e.author,
    apply: (e, marks) => {
      delete marks[e.body.target];
    },
  }),
});

export function fillerMarksOf(state: GroupState): FillerMarks {
  return (state.slices[fillerMarksSlice.slice] as FillerMarks | undefined) ?? {};
}
