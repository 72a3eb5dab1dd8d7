// Critiques as members see them: the critiques slice joined with the recordings it talks about.
// Notes on a recording that is not (or no longer) shared, and comments anchored past the end of
// their recording, are left out with their whole thread. A shared recording never changes (its id
// is the hash of its sharing event), so this check gives the same answer as one made during the
// fold, on every computer. Retracted and hidden notes keep their place but lose their words.
import type { GroupState } from '../group/groupState';
import { recordingsOf } from '../group/recordings';
import type { SharedRecording } from '../group/recordings';
import type { Anchor, Evaluation, Reaction } from './critiqueEvents';
import { critiquesOf } from './critiquesSlice';
import type { CritiqueNote, ResolveMark } from './critiquesSlice';

export type NoteStatus = 'shown' | 'retracted' | 'hidden';

export interface NoteView {
  id: string;
  kind: 'comment' | 'reply';
  author: string;
  hlc: string;
  recordingId: string;
  /** Replies only. */
  parentId?: string;
  /** The thread's comment. */
  rootId: string;
  /** Comments only; absent for a comment on the whole speech. */
  anchor?: Anchor;
  /** Empty unless shown. */
  text: string;
  /** Comments only, and only while shown. */
  evaluation?: Evaluation;
  editedAt?: string;
  /** `retracted` wins over `hidden`: the author's withdrawal is what the thread shows. */
  status: NoteStatus;
  /** Who holds each reaction (empty unless shown). */
  reactions: Partial<Record<Reaction, string[]>>;
  /** 0 for a comment, 1 for a reply to it, and so on. */
  depth: number;
}

export interface ThreadView {
  comment: NoteView;
  resolved: boolean;
  /** The mark that decided `resolved`, if any. */
  resolvedBy?: string;
  resolvedAt?: string;
  /** In the order they were written. */
  replies: NoteView[];
}

export interface CritiqueBoard {
  /** Per shared recording, its threads: whole-speech comments first, then by where they start. */
  byRecording: Record<string, ThreadView[]>;
  /** Every note on the board, by id. */
  notes: ReadonlyMap<string, NoteView>;
  recordings: Record<string, SharedRecording>;
}

/** True when the anchor lies within a recording of `durationMs` (the end itself included). */
export function anchorFits(anchor: Anchor | undefined, durationMs: number): boolean {
  if (!anchor) return true;
  return 'atMs' in anchor ? anchor.atMs <= durationMs : anchor.endMs <= durationMs;
}

const byTime = (a: { hlc: string; id: string }, b: { hlc: string; id: string }) =>
  a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const start = (a: Anchor) => ('atMs' in a ? a.atMs : a.startMs);
const end = (a: Anchor) => ('atMs' in a ? a.atMs : a.endMs);

/** Whole-speech comments first (oldest first), then by start, end, and when they were written. */
export function compareThreads(a: ThreadView, b: ThreadView): number {
  const x = a.comment.anchor;
  const y = b.comment.anchor;
  if (!x || !y) return x ? 1 : y ? -1 : byTime(a.comment, b.comment);
  return start(x) - start(y) || end(x) - end(y) || byTime(a.comment, b.comment);
}

function view(note: CritiqueNote, depth: number): NoteView {
  const status: NoteStatus = note.retractedAt ? 'retracted' : note.hidden ? 'hidden' : 'shown';
  const v: NoteView = {
    id: note.id,
    kind: note.parent === undefined ? 'comment' : 'reply',
    author: note.author,
    hlc: note.hlc,
    recordingId: note.recording,
    rootId: note.root,
    text: status === 'shown' ? note.text : '',
    status,
    reactions: status === 'shown' ? note.reactions : {},
    depth,
  };
  if (note.parent !== undefined) v.parentId = note.parent;
  if (note.anchor) v.anchor = note.anchor;
  if (note.evaluation && status === 'shown') v.evaluation = note.evaluation;
  if (note.editedAt) v.editedAt = note.editedAt;
  return v;
}

/** The later of the coach's latest mark and the speaker's own latest mark. */
function resolution(note: CritiqueNote, speaker: string): ResolveMark | undefined {
  const marks = [note.resolution?.coach, note.resolution?.members[speaker]].filter(
    (m): m is ResolveMark => !!m,
  );
  return marks.sort(byTime).at(-1);
}

export function critiqueBoard(state: GroupState): CritiqueBoard {
  const recordings = recordingsOf(state);
  const notes = new Map<string, NoteView>();
  const threads = new Map<string, ThreadView>();
  // Parents sort before their replies (a reply is only folded once its parent exists).
  for (const note of Object.values(critiquesOf(state)).sort(byTime)) {
    const recording = recordings[note.recording];
    if (!recording) continue;
    if (note.parent === undefined) {
      if (!anchorFits(note.anchor, recording.durationMs)) continue;
      const comment = view(note, 0);
      const mark = resolution(note, recording.author);
      const thread: ThreadView = { comment, resolved: mark?.resolved ?? false, replies: [] };
      if (mark) Object.assign(thread, { resolvedBy: mark.by, resolvedAt: mark.hlc });
      threads.set(note.id, thread);
      notes.set(note.id, comment);
    } else {
      const parent = notes.get(note.parent);
      const thread = threads.get(note.root);
      if (!parent || !thread) continue;
      const reply = view(note, parent.depth + 1);
      thread.replies.push(reply);
      notes.set(note.id, reply);
    }
  }
  const byRecording: Record<string, ThreadView[]> = {};
  for (const thread of threads.values()) (byRecording[thread.comment.recordingId] ??= []).push(thread);
  for (const list of Object.values(byRecording)) list.sort(compareThreads);
  return { byRecording, notes, recordings };
}

/** The threads of one recording, in the order the panel shows them. */
export function recordingThreads(board: CritiqueBoard, recordingId: string): ThreadView[] {
  return board.byRecording[recordingId] ?? [];
}
