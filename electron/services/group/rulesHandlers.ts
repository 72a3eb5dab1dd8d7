// The rules.* handlers: thin checks with a clear message (coach only, own speech, deadline still
// open, a new assignment with a deadline still ahead), then one event through GroupService.append.
// Who may write what is decided again by the fold on every computer; these checks only spare the
// member a write that would be ignored.
import type { Contract } from '../../../shared/api/contract';
import type { Handlers } from '../../../shared/api/contractTypes';
import { LecternError } from '../../../shared/api/errors';
import type { rulesContract } from '../../../shared/api/rulesContract';
import { recordingsOf } from '../../../shared/group/recordings';
import { SHARE_LIMIT } from '../../../shared/group/shareLimit';
import { firstOccurrenceAfter } from '../../../shared/rules/firstOccurrenceAfter';
import { buildRulesOverview } from '../../../shared/rules/rulesOverview';
import { rulingsAt } from '../../../shared/rules/rulingsAt';
import { occurrencesOf } from '../../../shared/rules/listOccurrences';
import {
  ASSIGNMENT_CANCELLED,
  ASSIGNMENT_CREATED,
  ASSIGNMENT_EDITED,
  ASSIGNMENT_POSTPONED,
  CHECK_IN_RULED,
  CHECK_IN_SUBMITTED,
  MEMBER_REVIVED,
  MISS_PARDONED,
  PAUSE_SET,
  RULES_SET,
} from '../../../shared/rules/ruleEvents';
import { hasCheckIn, hasOccurrence } from '../../../shared/rules/rulesSlice';
import { occurrenceKey, rulesStateOf } from '../../../shared/rules/rulesState';
import type { WitnessedAt } from '../../../shared/rules/unwitnessedCheckIns';
import { FALLBACK_TIME_ZONE, hlcMillis, wallTimeAt, zonedInstant } from '../../../shared/rules/zonedTime';
import type { GroupService } from './groupService';
import type { Groups } from './groups';

type RulesMethods = keyof typeof rulesContract;

/** When other members first saw a group's events (see WitnessedAt), or null when that cannot be known. */
export type WitnessesOf = (service: GroupService) => WitnessedAt | null;

/** The app's: when other members first saw each event of the group's snapshot (null in format 1). */
export const witnessesOfGroup: WitnessesOf = (service) => service.witnessedAt();

export function createRulesHandlers(
  groups: Groups,
  now: () => number = () => Date.now(),
  witnessesOf: WitnessesOf = witnessesOfGroup,
): Pick<Handlers<Contract>, RulesMethods> {
  const keyId = async () => (await groups.identity.current()).key.keyId;
  const coach = (groupId: string): GroupService => {
    const service = groups.get(groupId);
    if (!service.isCoachNow()) throw new LecternError('forbidden', 'errors.coachOnly');
    return service;
  };
  const assignmentOf = (service: GroupService, assignment: string, occurrence?: number) => {
    const record = rulesStateOf(service.state().state).assignments[assignment];
    if (!record || (occurrence !== undefined && !hasOccurrence(record, occurrence)))
      throw new LecternError('not_found', 'errors.assignmentNotFound');
    return record;
  };
  const id = async (event: Promise<{ id: string }>) => ({ id: (await event).id });

  return {
    'rules.createAssignment': async ({ groupId, body }) => {
      const service = coach(groupId);
      // Every deadline already past: it would never count, and no screen could offer it.
      const timeZone = service.state().state.group?.timeZone ?? FALLBACK_TIME_ZONE;
      if (!firstOccurrenceAfter(body.schedule, timeZone, now()))
        throw new LecternError('invalid_input', 'errors.deadlinePassed');
      // A series starting before today would number its weeks from a past long gone (week #362).
      if (
        body.schedule.repeat === 'weekly' &&
        body.schedule.startsOn < wallTimeAt(now(), timeZone).slice(0, 10)
      )
        throw new LecternError('invalid_input', 'errors.startsBeforeToday');
      return id(service.append(ASSIGNMENT_CREATED, body));
    },
    'rules.editAssignment': async ({ groupId, body }) => {
      const service = coach(groupId);
      assignmentOf(service, body.assignment, body.occurrence);
      return id(service.append(ASSIGNMENT_EDITED, body));
    },
    'rules.postpone': async ({ groupId, body }) => {
      const service = coach(groupId);
      assignmentOf(service, body.assignment, body.occurrence);
      // Postponed into the past, the occurrence would be missed the moment it is written.
      const timeZone = service.state().state.group?.timeZone ?? FALLBACK_TIME_ZONE;
      if (zonedInstant(body.submitBy, timeZone) <= now())
        throw new LecternError('invalid_input', 'errors.postponePassed');
      return id(service.append(ASSIGNMENT_POSTPONED, body));
    },
    'rules.cancel': async ({ groupId, body }) => {
      const service = coach(groupId);
      assignmentOf(service, body.assignment, body.occurrence);
      return id(service.append(ASSIGNMENT_CANCELLED, body));
    },
    'rules.checkIn': async ({ groupId, assignment, occurrence, speechId, reflection, picture }) => {
      const service = groups.get(groupId);
      const me = await keyId();
      const { state } = service.state();
      if (state.members[me]?.status !== 'member') throw new LecternError('forbidden', 'errors.notAMember');
      assignmentOf(service, assignment, occurrence);
      const key = occurrenceKey(assignment, occurrence);
      const o = occurrencesOf(state).find((each) => each.key === key);
      if (!o) throw new LecternError('not_found', 'errors.assignmentNotFound');
      const at = now();
      if (at > o.critiqueDeadline) throw new LecternError('invalid_input', 'errors.checkInClosed');
      const recordings = recordingsOf(state);
      const rulings = rulingsAt(rulesStateOf(state), at);
      const onTime = (rules: typeof state) =>
        (rulesStateOf(rules).checkIns[key]?.[me] ?? []).some(
          (c) =>
            recordings[c.recording]?.author === me &&
            hlcMillis(c.hlc) <= o.submitDeadline &&
            !rulings.countsLate(c.id),
        );
      // After the deadline an on-time submission stands; a late one would not replace it.
      if (at > o.submitDeadline && onTime(state))
        throw new LecternError('invalid_input', 'errors.checkInLocked');
      // Shared already (a video perhaps as its audio alone): that recording; else shared now.
      const [shared] = await service.recordingsOfSpeech(speechId);
      const recording = shared?.id ?? (await service.shareSpeech(speechId, { picture })).id;
      const event = await service.append(CHECK_IN_SUBMITTED, {
        assignment,
        occurrence,
        recording,
        ...(reflection ? { reflection } : {}),
      });
      return { id: event.id, recording };
    },
    'rules.setRules': async ({ groupId, body }) => id(coach(groupId).append(RULES_SET, body)),
    'rules.setShareLimit': async ({ groupId, body }) => id(coach(groupId).append(SHARE_LIMIT, body)),
    'rules.pause': async ({ groupId, body }) => {
      const service = groups.get(groupId);
      if (body.member !== (await keyId()) && !service.isCoachNow())
        throw new LecternError('forbidden', 'errors.pauseOthers');
      return id(service.append(PAUSE_SET, body));
    },
    'rules.pardon': async ({ groupId, body }) => {
      const service = coach(groupId);
      assignmentOf(service, body.assignment, body.occurrence);
      return id(service.append(MISS_PARDONED, body));
    },
    'rules.revive': async ({ groupId, body }) => id(coach(groupId).append(MEMBER_REVIVED, body)),
    'rules.ruleCheckIn': async ({ groupId, body }) => {
      const service = coach(groupId);
      if (!hasCheckIn(rulesStateOf(service.state().state), body.checkIn)) throw new LecternError('not_found');
      return id(service.append(CHECK_IN_RULED, body));
    },
    'rules.overview': async ({ groupId, asOf, week }) => {
      const service = groups.get(groupId);
      return buildRulesOverview(
        service.state().state,
        await keyId(),
        asOf ?? now(),
        week,
        witnessesOf(service),
      );
    },
  };
}
