// Deterministic critique stories for tests, demos and benchmarks: the small scenario group (a coach,
// Ana and Bo), a speech Bo shares, and helpers that write each critique kind as a given member.
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { GroupEvent } from '../group/groupEvent';
import type { MemberDevice } from '../group/memberDevice';
import { SCENARIO_T0, recordingEvent, scenarioDevice, smallGroup } from '../group/scenario';
import {
  CRITIQUE_COMMENT,
  CRITIQUE_EDIT,
  CRITIQUE_FILLER,
  CRITIQUE_FILLER_COUNTED,
  CRITIQUE_FILLER_WITHDRAW,
  CRITIQUE_HIDE,
  CRITIQUE_REACT,
  CRITIQUE_REPLY,
  CRITIQUE_RESOLVE,
  CRITIQUE_RETRACT,
} from './critiqueEvents';
import type { Anchor, EditBody, Evaluation, Reaction } from './critiqueEvents';

/** Minutes after the scenario's start, as wall-clock millis. */
export const at = (minutes: number) => SCENARIO_T0 + minutes * 60_000;

export const SPEECH_MS = 120_000;

export interface CritiqueStory {
  groupId: string;
  /** The group's events, ending with Bo's speech. */
  events: GroupEvent[];
  coach: MemberDevice;
  ana: MemberDevice;
  /** Ana's second computer: same key, its own device id and clock. */
  anaLaptop: MemberDevice;
  bo: MemberDevice;
  /** Bo's speech (SPEECH_MS long): the sharing event's id. */
  speech: string;
}

export function critiqueStory(seed = 'critique'): CritiqueStory {
  const { groupId, events, devices } = smallGroup(seed);
  const [coach, ana, bo] = devices as [MemberDevice, MemberDevice, MemberDevice];
  const shared = recordingEvent(bo, at(11), '说服性演讲 Persuade', utf8ToBytes('a2'), utf8ToBytes('p2'), {
    durationMs: SPEECH_MS,
  });
  return {
    groupId,
    events: [...events, shared],
    coach,
    ana,
    anaLaptop: scenarioDevice(seed, 1, 1),
    bo,
    speech: shared.id,
  };
}

export const comment = (
  who: MemberDevice,
  minute: number,
  recording: string,
  text: string,
  anchor?: Anchor,
  evaluation?: Evaluation,
) =>
  who.event(
    CRITIQUE_COMMENT,
    { recording, text, ...(anchor && { anchor }), ...(evaluation && { evaluation }) },
    at(minute),
  );
export const reply = (who: MemberDevice, minute: number, parent: string, text: string) =>
  who.event(CRITIQUE_REPLY, { parent, text }, at(minute));
export const edit = (who: MemberDevice, minute: number, target: string, change: Omit<EditBody, 'target'>) =>
  who.event(CRITIQUE_EDIT, { target, ...change }, at(minute));
export const retract = (who: MemberDevice, minute: number, target: string) =>
  who.event(CRITIQUE_RETRACT, { target }, at(minute));
export const resolve = (who: MemberDevice, minute: number, target: string, resolved = true) =>
  who.event(CRITIQUE_RESOLVE, { comment: target, resolved }, at(minute));
export const react = (who: MemberDevice, minute: number, target: string, reaction: Reaction, on = true) =>
  who.event(CRITIQUE_REACT, { target, reaction, on }, at(minute));
export const hide = (who: MemberDevice, minute: number, target: string, hidden = true) =>
  who.event(CRITIQUE_HIDE, { target, hidden }, at(minute));

/** An Ah-Counter's mark (`word` left out: "a filler"). */
export const filler = (who: MemberDevice, minute: number, recording: string, atMs: number, word?: string) =>
  who.event(CRITIQUE_FILLER, { recording, atMs, ...(word !== undefined && { word }) }, at(minute));
export const withdrawFiller = (who: MemberDevice, minute: number, target: string) =>
  who.event(CRITIQUE_FILLER_WITHDRAW, { target }, at(minute));
/** An Ah-Counter says they counted the recording through (or takes it back). */
export const fillerCounted = (who: MemberDevice, minute: number, recording: string, counted = true) =>
  who.event(CRITIQUE_FILLER_COUNTED, { recording, counted }, at(minute));

export const evaluation = (scores: Record<string, number>, commendations = '开场有力'): Evaluation => ({
  commendations,
  recommendations: 'Slow down in the middle.',
  challenge: '下次试试不看稿。',
  scores,
});
