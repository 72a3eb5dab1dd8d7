// The event kinds of assignments, check-ins (打卡) and the group's rules, and their bodies.
// Bodies are strict and bounded like the base kinds (docs/sync-format.md); times are local
// wall-clock readings in the group's time zone (see zonedTime.ts), never instants.
import { z } from 'zod';
import { hex64, keyIdSchema } from '../group/groupEvent';
import { SpeechTarget } from '../audio/timerLights';
import { criteriaSchema } from '../critique/criteria';
import { reflectionLimits } from '../group/reflections';
import { localDateSchema, localDateTimeSchema, timeOfDaySchema } from './zonedTime';

export const ASSIGNMENT_CREATED = 'assignment.created';
export const ASSIGNMENT_EDITED = 'assignment.edited';
export const ASSIGNMENT_POSTPONED = 'assignment.postponed';
export const ASSIGNMENT_CANCELLED = 'assignment.cancelled';
export const CHECK_IN_SUBMITTED = 'checkin.submitted';
export const RULES_SET = 'rules.set';
export const PAUSE_SET = 'pause.set';
export const MISS_PARDONED = 'miss.pardoned';
export const MEMBER_REVIVED = 'member.revived';
export const CHECK_IN_RULED = 'checkin.ruled';

/** A weekly series never expands to more than ten years of occurrences. */
export const MAX_OCCURRENCES = 520;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayTimeSchema = z.strictObject({ weekday: z.enum(weekdays), time: timeOfDaySchema });
export type WeekdayTime = z.infer<typeof weekdayTimeSchema>;

/**
 * Bounds of what coaches and members write in rules events: these schemas (and so the API) check them,
 * and the forms that write them use the same numbers. Lengths are UTF-16 code units (`string.length`).
 */
export const ruleLimits = {
  title: 200,
  prompt: 20_000,
  /** A check-in's reflection is shared with the speech, so it is bounded as a shared reflection is. */
  reflection: reflectionLimits.text,
  points: 1000,
  missesInARow: 100,
  missesTotal: 1000,
  critiquesPerAssignment: 20,
  offlineGraceHours: { min: 1, max: 168 },
  pauseReason: 500,
  pardonNote: 2_000,
  revivalTerms: 2_000,
} as const;

const title = z.string().trim().min(1).max(ruleLimits.title);
const prompt = z.string().max(ruleLimits.prompt);
const occurrenceSchema = z.number().int().min(1).max(MAX_OCCURRENCES);

/** One deadline pair: submissions by `submitBy`, critiques by `critiqueBy` (strictly later). */
export const oneOffScheduleSchema = z
  .strictObject({ repeat: z.literal('once'), submitBy: localDateTimeSchema, critiqueBy: localDateTimeSchema })
  .refine((s) => s.critiqueBy > s.submitBy, 'critiques are due after submissions');
/**
 * "Every <weekday> <HH:mm>, critiques by <weekday> <HH:mm>": occurrence 1 is due on the first
 * such weekday on or after `startsOn`; each critique deadline is the next matching moment
 * after its submission deadline. Without `occurrences` the series runs until cancelled.
 */
export const weeklyScheduleSchema = z.strictObject({
  repeat: z.literal('weekly'),
  startsOn: localDateSchema,
  submitBy: weekdayTimeSchema,
  critiqueBy: weekdayTimeSchema,
  occurrences: occurrenceSchema.optional(),
});
export const scheduleSchema = z.discriminatedUnion('repeat', [oneOffScheduleSchema, weeklyScheduleSchema]);
export type Schedule = z.infer<typeof scheduleSchema>;
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

/** A coach sets an Assignment (or a weekly series of them). Its id is the event's id. */
export const assignmentCreatedBody = z.strictObject({
  title,
  prompt,
  target: SpeechTarget,
  schedule: scheduleSchema,
  /** The evaluation form's criteria for this assignment; left out, the group's apply. */
  criteria: criteriaSchema.optional(),
});
export type AssignmentCreatedBody = z.infer<typeof assignmentCreatedBody>;

/**
 * A coach edits an assignment's words, target or criteria: all occurrences, or one when `occurrence`
 * is given. `criteria: null` drops the list of its own at that level (the assignment's, or the
 * occurrence's override), so the next one out applies again.
 */
export const assignmentEditedBody = z.strictObject({
  assignment: hex64,
  occurrence: occurrenceSchema.optional(),
  title: title.optional(),
  prompt: prompt.optional(),
  target: SpeechTarget.optional(),
  criteria: criteriaSchema.nullable().optional(),
});
export type AssignmentEditedBody = z.infer<typeof assignmentEditedBody>;

/** A coach moves one occurrence's deadlines (occurrence 1 for a one-off assignment). */
export const assignmentPostponedBody = z
  .strictObject({
    assignment: hex64,
    occurrence: occurrenceSchema.default(1),
    submitBy: localDateTimeSchema,
    critiqueBy: localDateTimeSchema,
  })
  .refine((s) => s.critiqueBy > s.submitBy, 'critiques are due after submissions');
export type AssignmentPostponedBody = z.infer<typeof assignmentPostponedBody>;

/**
 * A coach cancels one occurrence (it no longer counts at all, even if already due), or, without
 * `occurrence`, ends the assignment: occurrences not yet due at the cancellation drop out.
 */
export const assignmentCancelledBody = z.strictObject({
  assignment: hex64,
  occurrence: occurrenceSchema.optional(),
});
export type AssignmentCancelledBody = z.infer<typeof assignmentCancelledBody>;

/** A member checks in (打卡): a shared recording (and optional reflection) for one occurrence. */
export const checkInSubmittedBody = z.strictObject({
  assignment: hex64,
  occurrence: occurrenceSchema.default(1),
  /** The `recording.shared` event's id; it must be the member's own, still shared. */
  recording: hex64,
  reflection: z.string().max(ruleLimits.reflection).optional(),
});
export type CheckInSubmittedBody = z.infer<typeof checkInSubmittedBody>;

const points = z.number().int().min(0).max(ruleLimits.points);
/** The group's rules, set by a coach; each set is a new version, in force from its event's time. */
export const rulesSetBody = z.strictObject({
  points: z.strictObject({
    onTime: points,
    late: points,
    /** Per critique given on an occurrence's submission by its critique deadline. */
    critique: points,
    /** Subtracted for a missed submission. */
    missPenalty: points,
    /** Subtracted for each owed critique not given by the critique deadline. */
    critiqueMissPenalty: points.default(0),
  }),
  /** Misses that put a member out; leave both out and nobody is ever out. */
  out: z.strictObject({
    missesInARow: z.number().int().min(1).max(ruleLimits.missesInARow).optional(),
    missesTotal: z.number().int().min(1).max(ruleLimits.missesTotal).optional(),
  }),
  /** K: critiques each member owes per occurrence (and each on-time submission receives). */
  critiquesPerAssignment: z.number().int().min(0).max(ruleLimits.critiquesPerAssignment),
  /** The group's evaluation criteria; left out, the defaults (see shared/critique/criteria.ts). */
  criteria: criteriaSchema.optional(),
  /**
   * Hours after a submission deadline within which another member's computer should have seen an
   * on-time check-in; one first seen later is flagged to the coach. Left out: 24 (see rulesInForce).
   */
  offlineGraceHours: z
    .number()
    .int()
    .min(ruleLimits.offlineGraceHours.min)
    .max(ruleLimits.offlineGraceHours.max)
    .optional(),
});
export type RulesSetBody = z.infer<typeof rulesSetBody>;

/** A leave of absence, from–to inclusive local dates; by the member themself or a coach. */
export const pauseSetBody = z
  .strictObject({
    member: keyIdSchema,
    from: localDateSchema,
    to: localDateSchema,
    reason: z.string().max(ruleLimits.pauseReason).optional(),
  })
  .refine((p) => p.to >= p.from, 'a pause ends on or after its start');
export type PauseSetBody = z.infer<typeof pauseSetBody>;

/** A coach forgives one missed occurrence of one member. */
export const missPardonedBody = z.strictObject({
  member: keyIdSchema,
  assignment: hex64,
  occurrence: occurrenceSchema.default(1),
  note: z.string().max(ruleLimits.pardonNote).optional(),
});
export type MissPardonedBody = z.infer<typeof missPardonedBody>;

/** A coach brings an out member back (复活) on the terms written here. */
export const memberRevivedBody = z.strictObject({
  member: keyIdSchema,
  terms: z.string().max(ruleLimits.revivalTerms),
});
export type MemberRevivedBody = z.infer<typeof memberRevivedBody>;

/**
 * A coach rules on one check-in (the `checkin.submitted` event's id): `late: true` counts it late
 * whatever its clock says; `late: false` withdraws that ruling. The latest ruling per check-in wins.
 */
export const checkInRuledBody = z.strictObject({ checkIn: hex64, late: z.boolean() });
export type CheckInRuledBody = z.infer<typeof checkInRuledBody>;
