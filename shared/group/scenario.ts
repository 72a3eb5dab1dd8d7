// Deterministic groups for tests, demos and benchmarks: a coach and members with keys made
// from seeds, writing realistic events on a simulated wall clock.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  GENESIS,
  JOIN_REQUEST,
  PROFILE_UPDATE,
  RECORDING_SHARED,
  RECORDING_WITHDRAWN,
  ROSTER_DECISION,
} from './groupEvent';
import type { GenesisBody, GroupEvent, RosterDecisionKind } from './groupEvent';
import { createMemberKey } from './identity';
import { MemberDevice } from './memberDevice';
import { charterHash } from './roster';

export const SCENARIO_T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A member key and device id derived from a small number (member 0 is the coach). */
export function scenarioDevice(seed: string, member: number, device = 0): MemberDevice {
  const keySeed = sha256(utf8ToBytes(`lectern-scenario/${seed}/member/${member}`));
  const deviceId = bytesToHex(
    sha256(utf8ToBytes(`lectern-scenario/${seed}/member/${member}/device/${device}`)),
  ).slice(0, 16);
  return new MemberDevice(createMemberKey(keySeed), deviceId);
}

export const DEMO_CHARTER =
  '质量优先，每周一篇演讲，按时点评。Quality over quantity: one speech a week, critiques on time.';

export function genesisEvent(coach: MemberDevice, at: number, body: Partial<GenesisBody> = {}): GroupEvent {
  return coach.event(
    GENESIS,
    {
      name: '周三演讲社 Wednesday Speakers',
      charter: DEMO_CHARTER,
      timeZone: 'Asia/Shanghai',
      creatorKey: coach.key.keyId,
      coachName: '王老师',
      ...body,
    },
    at,
  );
}

export function joinEvent(
  member: MemberDevice,
  at: number,
  displayName: string,
  charter = DEMO_CHARTER,
): GroupEvent {
  return member.event(JOIN_REQUEST, { displayName, charterHash: charterHash(charter) }, at);
}

export function decisionEvent(
  coach: MemberDevice,
  at: number,
  member: string,
  decision: RosterDecisionKind,
): GroupEvent {
  return coach.event(ROSTER_DECISION, { member, decision }, at);
}

export function profileEvent(
  member: MemberDevice,
  at: number,
  bio: string,
  displayName?: string,
): GroupEvent {
  return member.event(PROFILE_UPDATE, displayName === undefined ? { bio } : { bio, displayName }, at);
}

/** A share event for audio bytes (the peaks are a stand-in derived from them unless given). */
export function recordingEvent(
  member: MemberDevice,
  at: number,
  title: string,
  audio: Uint8Array,
  peaks: Uint8Array,
  media: { mime?: string; durationMs?: number } = {},
): GroupEvent {
  return member.event(
    RECORDING_SHARED,
    {
      sha256: bytesToHex(sha256(audio)),
      byteSize: audio.length,
      durationMs: media.durationMs ?? 60_000 + (audio.length % 240_000),
      peaksSha256: bytesToHex(sha256(peaks)),
      title,
      mime: media.mime ?? 'audio/webm;codecs=opus',
    },
    at,
  );
}

export function withdrawEvent(member: MemberDevice, at: number, recording: string): GroupEvent {
  return member.event(RECORDING_WITHDRAWN, { recording }, at);
}

/** A small group: coach, two approved members, one declined applicant; profiles and a recording. */
export function smallGroup(seed = 'small'): {
  groupId: string;
  events: GroupEvent[];
  devices: MemberDevice[];
} {
  const [coach, ana, bo, cy] = [0, 1, 2, 3].map((n) => scenarioDevice(seed, n)) as [
    MemberDevice,
    MemberDevice,
    MemberDevice,
    MemberDevice,
  ];
  const t = (minutes: number) => SCENARIO_T0 + minutes * 60_000;
  const genesis = genesisEvent(coach, t(0));
  const events = [
    genesis,
    joinEvent(ana, t(1), '安娜'),
    profileEvent(ana, t(2), 'written before approval'),
    decisionEvent(coach, t(3), ana.key.keyId, 'approve'),
    joinEvent(bo, t(4), 'Bo'),
    decisionEvent(coach, t(5), bo.key.keyId, 'approve'),
    joinEvent(cy, t(6), 'Cy'),
    decisionEvent(coach, t(7), cy.key.keyId, 'decline'),
    profileEvent(cy, t(8), 'never counts'),
    recordingEvent(bo, t(9), '我的第一次演讲', utf8ToBytes('audio-1'), utf8ToBytes('peaks-1')),
    profileEvent(bo, t(10), 'Hello', 'Bo Li'),
  ];
  return { groupId: genesis.id, events, devices: [coach, ana, bo, cy] };
}
