// Deterministic groups for rules tests and the demo: a coach and members in a chosen time zone,
// and events stamped at exact instants (so "exactly at the deadline" means exactly that).
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { GENESIS, createEvent } from '../group/groupEvent';
import type { GroupEvent } from '../group/groupEvent';
import { formatHlc } from '../group/hlc';
import type { MemberDevice } from '../group/memberDevice';
import { decisionEvent, genesisEvent, joinEvent, recordingEvent, scenarioDevice } from '../group/scenario';
import {
  ASSIGNMENT_CREATED,
  CHECK_IN_RULED,
  CHECK_IN_SUBMITTED,
  MEMBER_REVIVED,
  MISS_PARDONED,
  PAUSE_SET,
  RULES_SET,
} from './ruleEvents';
import type { AssignmentCreatedBody, RulesSetBody } from './ruleEvents';

/** An event by `device` whose clock reads exactly `millis` (counter 0). */
export function eventAt<B>(device: MemberDevice, millis: number, kind: string, body: B): GroupEvent<B> {
  return createEvent(device.key.keyId, formatHlc({ millis, counter: 0, node: device.deviceId }), kind, body);
}

export interface RulesGroup {
  groupId: string;
  coach: MemberDevice;
  members: MemberDevice[];
  /** Genesis, join requests and approvals, all before `ready`. */
  events: GroupEvent[];
  /** A moment after everyone joined. */
  ready: number;
}

/** A coach and `count` approved members in `timeZone`, joined in the hour after `start`. */
export function rulesGroup(seed: string, timeZone: string, count: number, start: number): RulesGroup {
  const coach = scenarioDevice(seed, 0);
  const members = Array.from({ length: count }, (_, i) => scenarioDevice(seed, i + 1));
  const genesis = eventAt(coach, start, GENESIS, genesisEvent(coach, start, { timeZone }).body);
  const events: GroupEvent[] = [genesis];
  members.forEach((m, i) => {
    const join = joinEvent(m, start + 60_000 + i, `M${i + 1}`);
    events.push(eventAt(m, start + 60_000 + i, join.kind, join.body));
    const approve = decisionEvent(coach, start, m.key.keyId, 'approve');
    events.push(eventAt(coach, start + 120_000 + i, approve.kind, approve.body));
  });
  return { groupId: genesis.id, coach, members, events, ready: start + 3_600_000 };
}

export const assignmentBody = (
  schedule: AssignmentCreatedBody['schedule'],
  title = '一分钟自我介绍',
): AssignmentCreatedBody => ({
  title,
  prompt: '**Introduce yourself** in one minute.',
  target: { minSeconds: 60, maxSeconds: 90 },
  schedule,
});

/** Weekly from Monday 2 March 2026: speeches due Sunday 21:00, critiques Tuesday 21:00. */
export const weeklyFromMarch2 = {
  repeat: 'weekly',
  startsOn: '2026-03-02',
  submitBy: { weekday: 'sun', time: '21:00' },
  critiqueBy: { weekday: 'tue', time: '21:00' },
} as const satisfies AssignmentCreatedBody['schedule'];

export const createAssignment = (coach: MemberDevice, at: number, body: AssignmentCreatedBody) =>
  eventAt(coach, at, ASSIGNMENT_CREATED, body);

/** A shared recording and a check-in of it, both at `at` (the recording a millisecond before). */
export function checkIn(
  member: MemberDevice,
  at: number,
  assignment: string,
  occurrence = 1,
  reflection?: string,
): GroupEvent[] {
  const shared = recordingEvent(
    member,
    at,
    `speech ${assignment.slice(0, 6)}#${occurrence}@${at}`,
    utf8ToBytes(`audio ${member.key.keyId} ${at}`),
    utf8ToBytes(`peaks ${at}`),
  );
  const recording = eventAt(member, at - 1, shared.kind, shared.body);
  return [
    recording,
    eventAt(member, at, CHECK_IN_SUBMITTED, {
      assignment,
      occurrence,
      recording: recording.id,
      ...(reflection === undefined ? {} : { reflection }),
    }),
  ];
}

export const setRules = (coach: MemberDevice, at: number, body: RulesSetBody) =>
  eventAt(coach, at, RULES_SET, body);

export const pause = (by: MemberDevice, at: number, member: string, from: string, to: string) =>
  eventAt(by, at, PAUSE_SET, { member, from, to });

export const pardon = (coach: MemberDevice, at: number, member: string, assignment: string, occurrence = 1) =>
  eventAt(coach, at, MISS_PARDONED, { member, assignment, occurrence });

export const revive = (coach: MemberDevice, at: number, member: string, terms = '连续三周按时打卡') =>
  eventAt(coach, at, MEMBER_REVIVED, { member, terms });

/** A ruling on a check-in (by a coach, to count; by anyone, to test that it does not). */
export const ruleCheckIn = (by: MemberDevice, at: number, checkIn: string, late = true) =>
  eventAt(by, at, CHECK_IN_RULED, { checkIn, late });
