// The critique part of the contract: writing each critique kind on a group's shared recording (the
// bodies are the event bodies of shared/critique, validated here and again by every computer's
// fold), the threads of one recording with its evaluation and filler summaries, this member's inbox,
// and every member's trends (evaluation averages and filler rates per shared speech).
import { z } from 'zod';
import type { ThreadView } from '../critique/critiqueBoard';
import {
  commentBody,
  editBody,
  fillerBody,
  fillerWithdrawBody,
  fillerCountedBody,
  hideBody,
  reactBody,
  replyBody,
  resolveBody,
  retractBody,
} from '../critique/critiqueEvents';
import type { CritiqueInbox } from '../critique/critiqueInbox';
import type { EvaluationSummary } from '../critique/evaluationSummary';
import type { FillerRatePoint, FillerSummary } from '../critique/fillerCounts';
import type { AveragesPoint } from '../critique/memberAverages';
import { GroupId } from './groupContract';

const RecordingId = z.string().regex(/^[0-9a-f]{64}$/);
const Written = z.object({ id: z.string() });

/** One write method: the group and the event body, as the kind's schema defines it. */
function write<B extends z.ZodType>(body: B) {
  return { input: z.object({ groupId: GroupId, body }).strict(), output: Written };
}

/** A comment of mine on a recording that is gone: its words, and where in the speech it was. */
export interface UndeliveredComment {
  id: string;
  text: string;
  atMs?: number;
}

export interface CritiqueThreads {
  recordingId: string;
  /** Whole-speech comments first, then by where they start (see recordingThreads). */
  threads: ThreadView[];
  summary: EvaluationSummary;
  /** The criteria an evaluation form scores for this recording. */
  criteria: string[];
  /** Whether this member may resolve and reopen (the speaker) or hide (a coach). */
  isCoach: boolean;
  speaker: string;
  /** The speaker's averages on each of their scored speeches, oldest first (see memberAverages). */
  speakerTrend: AveragesPoint[];
  /** The Ah-Counter's marks on this speech and what they add up to. */
  fillers: FillerSummary;
  /** The speaker's filler rate on each of their marked speeches, oldest first. */
  speakerFillerTrend: FillerRatePoint[];
}

/** One member's growth as the group saw it, over the speeches they shared (oldest first). */
export interface MemberTrend {
  member: string;
  averages: AveragesPoint[];
  fillers: FillerRatePoint[];
  /** Every speech they share now, for counts and durations. */
  speeches: Array<{ recordingId: string; title: string; sharedAt: string; durationMs: number }>;
}

export const critiqueContract = {
  'critique.comment': write(commentBody),
  'critique.reply': write(replyBody),
  'critique.edit': write(editBody),
  'critique.retract': write(retractBody),
  'critique.resolve': write(resolveBody),
  'critique.react': write(reactBody),
  'critique.hide': write(hideBody),
  'critique.filler': write(fillerBody),
  'critique.fillerWithdraw': write(fillerWithdrawBody),
  'critique.fillerCounted': write(fillerCountedBody),
  /**
   * The member's own comments on a recording that is no longer shared (withdrawn or hidden): they
   * will never show in its threads, so they are handed back to their writer instead of vanishing.
   */
  'critique.undelivered': {
    input: z.object({ groupId: GroupId, recordingId: RecordingId }).strict(),
    output: z.custom<UndeliveredComment[]>(),
  },
  'critique.threads': {
    input: z.object({ groupId: GroupId, recordingId: RecordingId }).strict(),
    output: z.custom<CritiqueThreads>(),
  },
  /** New critiques on my speeches and replies to my comments, newest first, with unread counts. */
  'critique.inbox': {
    input: z.object({ groupId: GroupId }).strict(),
    output: z.custom<CritiqueInbox>(),
  },
  /** Each member's trend (the members of the group now, coaches included). */
  'critique.trends': {
    input: z.object({ groupId: GroupId }).strict(),
    output: z.custom<MemberTrend[]>(),
  },
  /** Marks everything on a recording read, up to its newest note now. */
  'critique.markRead': {
    input: z.object({ groupId: GroupId, recordingId: RecordingId }).strict(),
    output: z.null(),
  },
} as const;
