// The fold's slice for assignments, check-ins (打卡) and rules: who may write each kind, and
// what it records. Only coaches set assignments, rules, pardons, revivals and rulings on check-ins;
// a member checks in for themself and may pause themself. Judging (on time, late, missed, out)
// happens later, in standings, so nothing here depends on the clock or the time zone.
import { defineSlice, handler } from '../group/kindRegistry';
import type { FoldContext } from '../group/kindRegistry';
import {
  ASSIGNMENT_CANCELLED,
  ASSIGNMENT_CREATED,
  ASSIGNMENT_EDITED,
  ASSIGNMENT_POSTPONED,
  CHECK_IN_RULED,
  CHECK_IN_SUBMITTED,
  MAX_OCCURRENCES,
  MEMBER_REVIVED,
  MISS_PARDONED,
  PAUSE_SET,
  RULES_SET,
  assignmentCancelledBody,
  assignmentCreatedBody,
  assignmentEditedBody,
  assignmentPostponedBody,
  checkInRuledBody,
  checkInSubmittedBody,
  memberRevivedBody,
  missPardonedBody,
  pauseSetBody,
  rulesSetBody,
} from './ruleEvents';
import type { AssignmentEditedBody } from './ruleEvents';
import type { GroupEvent } from '../group/groupEvent';
import { RULES_SLICE, emptyRulesState, occurrenceKey } from './rulesState';
import type { AssignmentContent, AssignmentRecord, RulesState } from './rulesState';

type S = RulesState;
const byCoach = (e: GroupEvent, _s: S, ctx: FoldContext) => ctx.isCoach(e);

/** True when `occurrence` exists in the assignment's schedule. */
export function hasOccurrence(a: AssignmentRecord | undefined, occurrence: number): a is AssignmentRecord {
  if (!a) return false;
  if (a.schedule.repeat === 'once') return occurrence === 1;
  return occurrence >= 1 && occurrence <= (a.schedule.occurrences ?? MAX_OCCURRENCES);
}

/** True when the slice holds a check-in with this (event) id. */
export function hasCheckIn(s: RulesState, id: string): boolean {
  return Object.values(s.checkIns).some((byMember) =>
    Object.values(byMember).some((list) => list.some((c) => c.id === id)),
  );
}

/** Whether an edit or cancellation names an assignment (the whole of it) or one of its occurrences that exist. */
function targetExists(s: RulesState, body: { assignment: string; occurrence?: number | undefined }): boolean {
  return body.occurrence === undefined
    ? !!s.assignments[body.assignment]
    : hasOccurrence(s.assignments[body.assignment], body.occurrence);
}

/** The fields an edit sets (`criteria: null` clears instead: see the edit's apply). */
function definedFields(body: AssignmentEditedBody): Partial<AssignmentContent> {
  const out: Partial<AssignmentContent> = {};
  if (body.title !== undefined) out.title = body.title;
  if (body.prompt !== undefined) out.prompt = body.prompt;
  if (body.target !== undefined) out.target = body.target;
  if (body.criteria) out.criteria = body.criteria;
  return out;
}

export const rulesSlice = defineSlice<S>(RULES_SLICE, emptyRulesState, {
  [ASSIGNMENT_CREATED]: handler<S, typeof assignmentCreatedBody>({
    body: assignmentCreatedBody,
    authorize: byCoach,
    apply: (e, s) => {
      s.assignments[e.id] = {
        id: e.id,
        author: e.author,
        createdAt: e.hlc,
        title: e.body.title,
        prompt: e.body.prompt,
        target: e.body.target,
        schedule: e.body.schedule,
        ...(e.body.criteria !== undefined ? { criteria: e.body.criteria } : {}),
        edits: {},
        moved: {},
        cancelled: [],
      };
    },
  }),
  [ASSIGNMENT_EDITED]: handler<S, typeof assignmentEditedBody>({
    body: assignmentEditedBody,
    authorize: (e, s, ctx) => byCoach(e, s, ctx) && targetExists(s, e.body),
    apply: (e, s) => {
      const a = s.assignments[e.body.assignment]!;
      const into = e.body.occurrence === undefined ? a : (a.edits[e.body.occurrence] ??= {});
      Object.assign(into, definedFields(e.body));
      if (e.body.criteria === null) delete into.criteria;
    },
  }),
  [ASSIGNMENT_POSTPONED]: handler<S, typeof assignmentPostponedBody>({
    body: assignmentPostponedBody,
    authorize: (e, s, ctx) =>
      byCoach(e, s, ctx) && hasOccurrence(s.assignments[e.body.assignment], e.body.occurrence),
    apply: (e, s) => {
      s.assignments[e.body.assignment]!.moved[e.body.occurrence] = {
        submitBy: e.body.submitBy,
        critiqueBy: e.body.critiqueBy,
      };
    },
  }),
  [ASSIGNMENT_CANCELLED]: handler<S, typeof assignmentCancelledBody>({
    body: assignmentCancelledBody,
    authorize: (e, s, ctx) => byCoach(e, s, ctx) && targetExists(s, e.body),
    apply: (e, s) => {
      const a = s.assignments[e.body.assignment]!;
      if (e.body.occurrence === undefined) a.endedAt ??= e.hlc;
      else if (!a.cancelled.includes(e.body.occurrence))
        a.cancelled = [...a.cancelled, e.body.occurrence].sort((x, y) => x - y);
    },
  }),
  [CHECK_IN_SUBMITTED]: handler<S, typeof checkInSubmittedBody>({
    body: checkInSubmittedBody,
    authorize: (e, s) => hasOccurrence(s.assignments[e.body.assignment], e.body.occurrence),
    apply: (e, s) => {
      const key = occurrenceKey(e.body.assignment, e.body.occurrence);
      const byMember = (s.checkIns[key] ??= {});
      const list = (byMember[e.author] ??= []);
      list.push({
        id: e.id,
        hlc: e.hlc,
        recording: e.body.recording,
        ...(e.body.reflection !== undefined ? { reflection: e.body.reflection } : {}),
      });
    },
  }),
  [RULES_SET]: handler<S, typeof rulesSetBody>({
    body: rulesSetBody,
    authorize: byCoach,
    apply: (e, s) => {
      s.rules.push({ ...e.body, version: s.rules.length + 1, id: e.id, setAt: e.hlc });
    },
  }),
  [PAUSE_SET]: handler<S, typeof pauseSetBody>({
    body: pauseSetBody,
    authorize: (e, s, ctx) => e.body.member === e.author || byCoach(e, s, ctx),
    apply: (e, s, ctx) => {
      s.pauses.push({
        id: e.id,
        member: e.body.member,
        from: e.body.from,
        to: e.body.to,
        ...(e.body.reason !== undefined ? { reason: e.body.reason } : {}),
        at: e.hlc,
        byCoach: ctx.isCoach(e),
      });
    },
  }),
  [MISS_PARDONED]: handler<S, typeof missPardonedBody>({
    body: missPardonedBody,
    authorize: (e, s, ctx) =>
      byCoach(e, s, ctx) && hasOccurrence(s.assignments[e.body.assignment], e.body.occurrence),
    apply: (e, s) => {
      s.pardons.push({
        id: e.id,
        member: e.body.member,
        assignment: e.body.assignment,
        occurrence: e.body.occurrence,
        at: e.hlc,
        ...(e.body.note !== undefined ? { note: e.body.note } : {}),
      });
    },
  }),
  [MEMBER_REVIVED]: handler<S, typeof memberRevivedBody>({
    body: memberRevivedBody,
    authorize: byCoach,
    apply: (e, s) => {
      s.revivals.push({ id: e.id, member: e.body.member, at: e.hlc, terms: e.body.terms });
    },
  }),
  [CHECK_IN_RULED]: handler<S, typeof checkInRuledBody>({
    body: checkInRuledBody,
    authorize: (e, s, ctx) => byCoach(e, s, ctx) && hasCheckIn(s, e.body.checkIn),
    apply: (e, s) => {
      (s.rulings ??= []).push({ id: e.id, checkIn: e.body.checkIn, late: e.body.late, at: e.hlc });
    },
  }),
});
