import { beforeEach, describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import type { MemberDevice } from '../group/memberDevice';
import { decisionEvent, withdrawEvent } from '../group/scenario';
import { critiqueBoard, recordingThreads } from './critiqueBoard';
import {
  SPEECH_MS,
  at,
  comment,
  critiqueStory,
  evaluation,
  hide,
  react,
  reply,
  resolve,
  retract,
} from './critiqueScenario';

let groupId: string, events: GroupEvent[], speech: string;
let coach: MemberDevice, ana: MemberDevice, bo: MemberDevice;
beforeEach(() => ({ groupId, events, coach, ana, bo, speech } = critiqueStory('board')));
const board = (...more: GroupEvent[]) => critiqueBoard(foldGroup(groupId, [...events, ...more], appRegistry));
const threads = (...more: GroupEvent[]) => recordingThreads(board(...more), speech);

describe('critiqueBoard', () => {
  it('keeps anchors within the speech (its end included) and drops those past it, with their replies', () => {
    const atEnd = comment(ana, 20, speech, 'the last word', { atMs: SPEECH_MS });
    const rangeToEnd = comment(ana, 21, speech, 'closing', { startMs: 100_000, endMs: SPEECH_MS });
    const past = comment(ana, 22, speech, 'after the end', { atMs: SPEECH_MS + 1 });
    const rangePast = comment(ana, 23, speech, 'runs over', { startMs: 100_000, endMs: SPEECH_MS + 1 });
    const b = board(atEnd, rangeToEnd, past, rangePast, reply(bo, 24, past.id, 'lost'));
    expect(recordingThreads(b, speech).map((t) => t.comment.id)).toEqual([rangeToEnd.id, atEnd.id]);
    expect(b.notes.size).toBe(2);
  });

  it('ignores notes on an unknown or withdrawn recording', () => {
    const unknown = comment(ana, 20, 'a'.repeat(64), 'where?');
    const onSpeech = comment(ana, 21, speech, 'here');
    expect(board(unknown).notes.size).toBe(0);
    expect(board(onSpeech, withdrawEvent(bo, at(22), speech)).notes.size).toBe(0);
  });

  it('orders whole-speech comments first, then by start, end and time written', () => {
    const late = comment(ana, 20, speech, 'range', { startMs: 5_000, endMs: 9_000 });
    const moment = comment(coach, 21, speech, 'moment', { atMs: 5_000 });
    const early = comment(bo, 22, speech, 'early', { atMs: 1_000 });
    const whole2 = comment(coach, 24, speech, 'overall 2');
    const whole1 = comment(ana, 23, speech, 'overall 1');
    expect(threads(late, moment, early, whole2, whole1).map((t) => t.comment.text)).toEqual([
      'overall 1',
      'overall 2',
      'early',
      'moment',
      'range',
    ]);
  });

  it('shows a retracted comment as withdrawn with its replies readable, nested by depth', () => {
    const c = comment(ana, 20, speech, 'harsh words', { atMs: 3_000 }, evaluation({ clarity: 2 }));
    const r1 = reply(bo, 21, c.id, 'hmm');
    const r2 = reply(ana, 22, r1.id, 'sorry');
    const [thread] = threads(c, r1, r2, retract(ana, 23, c.id), react(bo, 21.5, c.id, 'heart'));
    expect(thread!.comment).toMatchObject({ status: 'retracted', text: '', reactions: {} });
    expect(thread!.comment.evaluation).toBeUndefined();
    expect(thread!.replies.map((r) => [r.text, r.depth, r.parentId])).toEqual([
      ['hmm', 1, c.id],
      ['sorry', 2, r1.id],
    ]);
  });

  it('hides a note for everyone when a coach says so, retraction winning over hiding', () => {
    const c = comment(ana, 20, speech, 'rude', { atMs: 3_000 });
    const d = comment(ana, 21, speech, 'also rude', { atMs: 4_000 });
    const [first, second] = threads(
      c,
      d,
      hide(coach, 22, c.id),
      hide(coach, 22, d.id),
      retract(ana, 23, d.id),
    );
    expect(first!.comment).toMatchObject({ status: 'hidden', text: '' });
    expect(second!.comment.status).toBe('retracted');
  });

  it('lets the speaker or a coach resolve: the later mark wins, others are ignored', () => {
    const c = comment(ana, 20, speech, 'pace', { atMs: 3_000 });
    expect(threads(c, resolve(ana, 21, c.id))[0]!.resolved).toBe(false);
    expect(threads(c, resolve(bo, 21, c.id))[0]).toMatchObject({ resolved: true, resolvedBy: bo.key.keyId });
    // Two devices race: the coach reopens a minute after the speaker resolved; the order is the hlc's.
    const race = threads(c, resolve(bo, 21, c.id), resolve(coach, 22, c.id, false));
    expect(race[0]).toMatchObject({ resolved: false, resolvedBy: coach.key.keyId });
    const raceBack = threads(c, resolve(coach, 23, c.id, false), resolve(bo, 24, c.id));
    expect(raceBack[0]!.resolved).toBe(true);
  });

  it('judges coaches at the time of their mark: a member promoted later did not resolve before', () => {
    const c = comment(bo, 20, speech, 'note to self', { atMs: 1_000 });
    const early = resolve(ana, 21, c.id);
    const promote = decisionEvent(coach, at(22), ana.key.keyId, 'promote');
    const later = resolve(ana, 23, c.id, false);
    expect(threads(c, early, promote)[0]!.resolved).toBe(false);
    expect(threads(c, early, promote, later)[0]).toMatchObject({
      resolved: false,
      resolvedBy: ana.key.keyId,
    });
    const b = board(c, promote, resolve(ana, 23, c.id));
    expect(recordingThreads(b, speech)[0]!.resolved).toBe(true);
  });
});
