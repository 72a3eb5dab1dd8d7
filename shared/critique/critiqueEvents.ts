// The critique event kinds and their bodies: comments anchored to a moment or a stretch of a shared
// recording (or to the whole speech), replies, edits, retractions, resolve/reopen, reactions, a
// coach's hide, the evaluation form a critique may carry, and the Ah-Counter's filler marks. Bodies
// are strict and bounded.
import { z } from 'zod';
import { hex64 } from '../group/groupEvent';
import { criterionSchema } from './criteria';

export const CRITIQUE_COMMENT = 'critique.comment';
export const CRITIQUE_REPLY = 'critique.reply';
export const CRITIQUE_EDIT = 'critique.edit';
export const CRITIQUE_RETRACT = 'critique.retract';
export const CRITIQUE_RESOLVE = 'critique.resolve';
export const CRITIQUE_REACT = 'critique.react';
export const CRITIQUE_HIDE = 'critique.hide';
export const CRITIQUE_FILLER = 'critique.filler';
export const CRITIQUE_FILLER_WITHDRAW = 'critique.filler-withdraw';
export const CRITIQUE_FILLER_COUNTED = 'critique.filler-counted';

/** Longest comment or reply, in UTF-16 code units (about two pages of Chinese). */
export const MAX_TEXT = 4_000;
export const MAX_EVALUATION_TEXT = 2_000;
export const MAX_CHALLENGE = 1_000;
export const MAX_CRITERIA = 20;
/** A recording is at most 24 hours long (see `recording.shared`), so no anchor lies past that. */
const MAX_MS = 24 * 3600 * 1000;

/** The fixed reactions, stored by name; the UI draws them as 👍 ❤️ 💡. */
export const REACTIONS = ['thumbs-up', 'heart', 'bulb'] as const;
export type Reaction = (typeof REACTIONS)[number];

const ms = z.number().int().min(0).max(MAX_MS);
/** A moment, or a stretch with start < end; absent on a comment about the whole speech. */
export const anchorSchema = z.union([
  z.strictObject({ atMs: ms }),
  z
    .strictObject({ startMs: ms, endMs: ms })
    .refine((a) => a.startMs < a.endMs, 'a range starts before it ends'),
]);
export type Anchor = z.infer<typeof anchorSchema>;

export const evaluationSchema = z.strictObject({
  commendations: z.string().max(MAX_EVALUATION_TEXT),
  recommendations: z.string().max(MAX_EVALUATION_TEXT),
  challenge: z.string().max(MAX_CHALLENGE),
  /** 1–5 per criterion (see criteria.ts); criteria left out were not scored. */
  scores: z
    .record(criterionSchema, z.number().int().min(1).max(5))
    .refine((s) => Object.keys(s).length <= MAX_CRITERIA, `at most ${MAX_CRITERIA} criteria`),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

const text = z.string().max(MAX_TEXT);
const words = text.refine((s) => s.trim().length > 0, 'text is empty');

/** A critique: a top-level comment on a shared recording, optionally with an evaluation form. */
export const commentBody = z
  .strictObject({
    recording: hex64,
    anchor: anchorSchema.optional(),
    text,
    evaluation: evaluationSchema.optional(),
  })
  .refine(
    (b) => b.text.trim().length > 0 || b.evaluation !== undefined,
    'a comment needs text or an evaluation',
  );
export type CommentBody = z.infer<typeof commentBody>;

/** A reply to a comment or to another reply (`parent` is its event id). */
export const replyBody = z.strictObject({ parent: hex64, text: words });
export type ReplyBody = z.infer<typeof replyBody>;

/** The author changes their own words; fields left out keep their value, `evaluation: null` removes it. */
export const editBody = z
  .strictObject({
    target: hex64,
    text: text.optional(),
    evaluation: evaluationSchema.nullable().optional(),
  })
  .refine((b) => b.text !== undefined || b.evaluation !== undefined, 'an edit changes something');
export type EditBody = z.infer<typeof editBody>;

/** The author withdraws their comment or reply; its replies stay readable. */
export const retractBody = z.strictObject({ target: hex64 });
export type RetractBody = z.infer<typeof retractBody>;

/** The speaker or a coach marks a comment resolved (`true`) or reopens it (`false`). */
export const resolveBody = z.strictObject({ comment: hex64, resolved: z.boolean() });
export type ResolveBody = z.infer<typeof resolveBody>;

/** A member turns one of their reactions on or off (a state, not a flip, so repeats change nothing). */
export const reactBody = z.strictObject({ target: hex64, reaction: z.enum(REACTIONS), on: z.boolean() });
export type ReactBody = z.infer<typeof reactBody>;

/** A coach hides a comment or reply from everyone (it stays in the log), or shows it again. */
export const hideBody = z.strictObject({ target: hex64, hidden: z.boolean() });
export type HideBody = z.infer<typeof hideBody>;

/** The words the Ah-Counter's picker offers; a mark may name another word or none ("a filler"). */
export const FILLER_WORDS = ['嗯', '啊', '那个', '然后', 'um', 'uh', 'like', 'so'] as const;
export const MAX_FILLER_WORD = 20;

/**
 * The Ah-Counter (哼哈官) marks a filler word heard at a moment of a shared recording. Whether the
 * moment lies within the recording is checked when reading, as for comments (see fillerMarks).
 */
export const fillerBody = z.strictObject({
  recording: hex64,
  atMs: ms,
  word: z
    .string()
    .min(1)
    .max(MAX_FILLER_WORD)
    .refine((w) => w.trim() === w, 'no space at either end')
    .optional(),
});
export type FillerBody = z.infer<typeof fillerBody>;

/** The marker withdraws one of their filler marks. */
export const fillerWithdrawBody = z.strictObject({ target: hex64 });
export type FillerWithdrawBody = z.infer<typeof fillerWithdrawBody>;

/**
 * An Ah-Counter says they listened to the whole recording and counted it (`counted: true`), or takes
 * that back: with no marks, that is a count of zero — a speech without fillers is what the counting is for.
 */
export const fillerCountedBody = z.strictObject({ recording: hex64, counted: z.boolean() });
export type FillerCountedBody = z.infer<typeof fillerCountedBody>;
