// The rules part of the contract (#7): coaches set assignments and the group's rules, pardon, revive
// and rule on check-ins; members check in (打卡) and pause; everyone reads the overview. Bodies reuse
// the event schemas of shared/rules, so the API and the fold agree on what is valid.
import { z } from 'zod';
import { SpeechId } from '../domain/speech';
import {
  assignmentCancelledBody,
  assignmentCreatedBody,
  assignmentEditedBody,
  assignmentPostponedBody,
  checkInRuledBody,
  checkInSubmittedBody,
  memberRevivedBody,
  missPardonedBody,
  pauseSetBody,
  ruleLimits,
  rulesSetBody,
} from '../rules/ruleEvents';
import { shareLimitBody } from '../group/shareLimit';
import type { RulesOverview } from './rulesOverview';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.object({ id: Hex64 });

/** `{ groupId, body }`: one event body for one group. */
const withBody = <B extends z.ZodType>(body: B) => z.object({ groupId: Hex64, body }).strict();

export const rulesContract = {
  /** Coach: a one-off assignment or a weekly series. Returns the assignment's id. */
  'rules.createAssignment': { input: withBody(assignmentCreatedBody), output: Id },
  'rules.editAssignment': { input: withBody(assignmentEditedBody), output: Id },
  'rules.postpone': { input: withBody(assignmentPostponedBody), output: Id },
  'rules.cancel': { input: withBody(assignmentCancelledBody), output: Id },
  /**
   * Member: checks in one of their own speeches, sharing it with the group first if it is not
   * shared yet. A new check-in replaces the last one until the deadline.
   */
  'rules.checkIn': {
    input: z
      .object({
        groupId: Hex64,
        assignment: Hex64,
        occurrence: checkInSubmittedBody.shape.occurrence,
        speechId: SpeechId,
        reflection: checkInSubmittedBody.shape.reflection,
        /** A video not shared yet: with its picture (the default) or only its audio. */
        picture: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ id: Hex64, recording: Hex64 }),
  },
  'rules.setRules': { input: withBody(rulesSetBody), output: Id },
  /** Coach: the largest file a member may share from now on (`maxBytes: null`: no cap). */
  'rules.setShareLimit': { input: withBody(shareLimitBody), output: Id },
  /** A member pauses themself; a coach may pause anyone. */
  'rules.pause': { input: withBody(pauseSetBody), output: Id },
  'rules.pardon': { input: withBody(missPardonedBody), output: Id },
  /** The terms are what the member agreed to, shown to the whole group: the API asks for some. */
  'rules.revive': {
    input: withBody(
      memberRevivedBody.extend({ terms: z.string().trim().min(1).max(ruleLimits.revivalTerms) }),
    ),
    output: Id,
  },
  /** Coach: counts one check-in late (`late: true`), or withdraws that ruling (`late: false`). */
  'rules.ruleCheckIn': { input: withBody(checkInRuledBody), output: Id },
  /**
   * Everything the screens show about assignments and standings, at `asOf` (epoch ms; now when
   * left out). `week` picks the coach's week by occurrence key (the latest one due, by default).
   */
  'rules.overview': {
    input: z
      .object({
        groupId: Hex64,
        asOf: z.number().int().min(0).optional(),
        week: z.string().max(80).optional(),
      })
      .strict(),
    output: z.custom<RulesOverview>(),
  },
} as const;
