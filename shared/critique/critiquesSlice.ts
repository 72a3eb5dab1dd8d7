// The critiques slice of group state: every comment and reply with its edits, retraction, hide,
// reactions and resolve marks, keyed by the id of the event that wrote it. The fold hands a slice
// only its own state and the roster, so what needs the recording (that it is still shared, that an
// anchor lies within its duration, who its speaker is) is checked when reading: see critiqueBoard.
import type { GroupState } from '../group/groupState';
import type { GroupEvent } from '../group/groupEvent';
import { defineSlice, handler } from '../group/kindRegistry';
import { flatView, shardedGet, shardedSet } from '../group/shardedRecord';
import type { Sharded } from '../group/shardedRecord';
import type { FoldContext } from '../group/kindRegistry';
import {
  CRITIQUE_COMMENT,
  CRITIQUE_EDIT,
  CRITIQUE_HIDE,
  CRITIQUE_REACT,
  CRITIQUE_REPLY,
  CRITIQUE_RESOLVE,
  CRITIQUE_RETRACT,
  commentBody,
  editBody,
  hideBody,
  reactBody,
  replyBody,
  resolveBody,
  retractBody,
} from './critiqueEvents';
import type { Anchor, Evaluation, Reaction } from './critiqueEvents';

/** One resolve or reopen, kept so the latest allowed one can be picked when reading. */
export interface ResolveMark {
  resolved: boolean;
  by: string;
  hlc: string;
  id: string;
}

export interface CritiqueNote {
  /** The id of the event that wrote it. */
  id: string;
  author: string;
  /** When it was written. */
  hlc: string;
  recording: string;
  /** Replies only: the comment or reply it answers. */
  parent?: string;
  /** The thread's top-level comment (its own id for a comment). */
  root: string;
  /** Comments only; absent for a comment on the whole speech. */
  anchor?: Anchor;
  /** Empty once retracted. */
  text: string;
  /** Comments only; dropped when retracted. */
  evaluation?: Evaluation;
  editedAt?: string;
  retractedAt?: string;
  hidden?: { by: string; hlc: string };
  /** Who reacted, per reaction, sorted; reactions nobody holds are left out. */
  reactions: Partial<Record<Reaction, string[]>>;
  /**
   * Comments only. Whether a resolve counts depends on who the speaker is, which the fold cannot see:
   * so the latest mark by a coach (judged at its hlc) and each member's latest mark are kept, and the
   * reader picks the later of the coach's and the speaker's.
   */
  resolution?: { coach?: ResolveMark; members: Record<string, ResolveMark> };
}
export type Critiques = Readonly<Record<string, CritiqueNote>>;
/** The slice: notes by the id of the event that wrote them, in shards (see shardedRecord). */
type Notes = Sharded<CritiqueNote>;

const own = (e: GroupEvent<{ target: string }>, notes: Notes) => {
  const note = shardedGet(notes, e.body.target);
  return !!note && note.author === e.author && note.retractedAt === undefined;
};

export const critiquesSlice = defineSlice<Notes>('critiques', () => ({}), {
  [CRITIQUE_COMMENT]: handler<Notes, typeof commentBody>({
    body: commentBody,
    apply: (e, notes) => {
      const note: CritiqueNote = {
        id: e.id,
        author: e.author,
        hlc: e.hlc,
        recording: e.body.recording,
        root: e.id,
        text: e.body.text,
        reactions: {},
        resolution: { members: {} },
      };
      if (e.body.anchor) note.anchor = e.body.anchor;
      if (e.body.evaluation) note.evaluation = e.body.evaluation;
      shardedSet(notes, e.id, note);
    },
  }),
  [CRITIQUE_REPLY]: handler<Notes, typeof replyBody>({
    body: replyBody,
    // Replies to retracted or hidden notes still count: the writer may not have seen the retraction yet.
    authorize: (e, notes) => !!shardedGet(notes, e.body.parent),
    apply: (e, notes) => {
      const parent = shardedGet(notes, e.body.parent)!;
      shardedSet<CritiqueNote>(notes, e.id, {
        id: e.id,
        author: e.author,
        hlc: e.hlc,
        recording: parent.recording,
        parent: parent.id,
        root: parent.root,
        text: e.body.text,
        reactions: {},
      });
    },
  }),
  [CRITIQUE_EDIT]: handler<Notes, typeof editBody>({
    body: editBody,
    authorize: (e, notes) => {
      if (!own(e, notes)) return false;
      const note = shardedGet(notes, e.body.target)!;
      if (e.body.evaluation !== undefined && note.parent !== undefined) return false; // replies carry no form
      const text = e.body.text ?? note.text;
      const evaluation = e.body.evaluation === undefined ? note.evaluation : e.body.evaluation;
      return text.trim().length > 0 || (note.parent === undefined && !!evaluation);
    },
    // Events fold in (hlc, id) order, so the later edit of each field wins on every computer.
    apply: (e, notes) => {
      const note = shardedGet(notes, e.body.target)!;
      if (e.body.text !== undefined) note.text = e.body.text;
      if (e.body.evaluation === null) delete note.evaluation;
      else if (e.body.evaluation !== undefined) note.evaluation = e.body.evaluation;
      note.editedAt = e.hlc;
    },
  }),
  [CRITIQUE_RETRACT]: handler<Notes, typeof retractBody>({
    body: retractBody,
    authorize: own,
    apply: (e, notes) => {
      const note = shardedGet(notes, e.body.target)!;
      note.text = '';
      delete note.evaluation;
      note.retractedAt = e.hlc;
    },
  }),
  [CRITIQUE_RESOLVE]: handler<Notes, typeof resolveBody>({
    body: resolveBody,
    authorize: (e, notes) => !!shardedGet(notes, e.body.comment)?.resolution,
    apply: (e, notes, ctx: FoldContext) => {
      const resolution = shardedGet(notes, e.body.comment)!.resolution!;
      const mark: ResolveMark = { resolved: e.body.resolved, by: e.author, hlc: e.hlc, id: e.id };
      if (ctx.isCoach(e)) resolution.coach = mark;
      else resolution.members[e.author] = mark;
    },
  }),
  [CRITIQUE_REACT]: handler<Notes, typeof reactBody>({
    body: reactBody,
    authorize: (e, notes) => {
      const note = shardedGet(notes, e.body.target);
      return !!note && note.retractedAt === undefined;
    },
    apply: (e, notes) => {
      const note = shardedGet(notes, e.body.target)!;
      const who = new Set(note.reactions[e.body.reaction]);
      if (e.body.on) who.add(e.author);
      else who.delete(e.author);
      if (who.size > 0) note.reactions[e.body.reaction] = [...who].sort();
      else delete note.reactions[e.body.reaction];
    },
  }),
  [CRITIQUE_HIDE]: handler<Notes, typeof hideBody>({
    body: hideBody,
    authorize: (e, notes, ctx) => !!shardedGet(notes, e.body.target) && ctx.isCoach(e),
    apply: (e, notes) => {
      const note = shardedGet(notes, e.body.target)!;
      if (e.body.hidden) note.hidden = { by: e.author, hlc: e.hlc };
      else delete note.hidden;
    },
  }),
});

/** Every note by id, in the order they were written. */
export function critiquesOf(state: GroupState): Critiques {
  const shards = state.slices[critiquesSlice.slice] as Notes | undefined;
  return shards ? flatView(shards, (note) => note.hlc) : {};
}
