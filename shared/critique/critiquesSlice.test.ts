import { beforeEach, describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import type { MemberDevice } from '../group/memberDevice';
import { critiquesOf } from './critiquesSlice';
import {
  comment,
  critiqueStory,
  edit,
  evaluation,
  hide,
  react,
  reply,
  resolve,
  retract,
} from './critiqueScenario';

// Devices keep their clocks, so every test starts from a fresh story.
let groupId: string, events: GroupEvent[], speech: string;
let coach: MemberDevice, ana: MemberDevice, anaLaptop: MemberDevice, bo: MemberDevice;
let c1: GroupEvent, r1: GroupEvent;
beforeEach(() => {
  ({ groupId, events, coach, ana, anaLaptop, bo, speech } = critiqueStory('slice'));
  c1 = comment(ana, 20, speech, '开头的故事很吸引人', { atMs: 2_000 });
  r1 = reply(bo, 21, c1.id, '谢谢！');
});
const fold = (...more: GroupEvent[]) => critiquesOf(foldGroup(groupId, [...events, ...more], appRegistry));

describe('critiquesSlice', () => {
  it('folds comments with their anchor and evaluation, and replies into their thread', () => {
    const whole = comment(coach, 22, speech, '', undefined, evaluation({ clarity: 4 }));
    const r2 = reply(ana, 23, r1.id, 'Reply to a reply');
    const notes = fold(c1, r1, whole, r2);
    expect(notes[c1.id]).toMatchObject({ author: ana.key.keyId, anchor: { atMs: 2_000 }, root: c1.id });
    expect(notes[whole.id]?.evaluation?.scores).toEqual({ clarity: 4 });
    expect(notes[whole.id]?.anchor).toBeUndefined();
    expect(notes[r2.id]).toMatchObject({ parent: r1.id, root: c1.id, recording: speech });
  });

  it('ignores bodies out of bounds: negative or fractional ms, empty ranges, empty text, bad scores', () => {
    const bad = [
      comment(ana, 20, speech, 'x', { atMs: -1 }),
      comment(ana, 21, speech, 'x', { atMs: 1.5 }),
      comment(ana, 22, speech, 'x', { startMs: 5_000, endMs: 5_000 }),
      comment(ana, 23, speech, 'x', { startMs: 6_000, endMs: 5_000 }),
      comment(ana, 24, speech, '   '),
      comment(ana, 25, speech, 'x'.repeat(4_001)),
      comment(ana, 26, speech, 'x', undefined, evaluation({ clarity: 6 })),
      comment(ana, 28, speech, 'x', undefined, evaluation({ ' clarity': 3 })),
      reply(ana, 29, 'f'.repeat(64), 'to nothing'),
    ];
    expect(fold(...bad)).toEqual({});
    // zod drops a `__proto__` key rather than failing: the form counts, unscored, and nothing is polluted.
    const proto = comment(
      ana,
      30,
      speech,
      'x',
      undefined,
      evaluation(JSON.parse('{"__proto__": 3}') as never),
    );
    expect(fold(proto)[proto.id]?.evaluation?.scores).toEqual({});
    expect(({} as Record<string, unknown>).clarity).toBeUndefined();
  });

  it('lets only the author edit; the later edit of each field wins, from either device', () => {
    const notes = fold(
      c1,
      edit(bo, 21, c1.id, { text: 'not yours' }),
      edit(anaLaptop, 23, c1.id, { text: 'from the laptop' }),
      edit(ana, 22, c1.id, { text: 'from the desktop', evaluation: evaluation({ pacing: 3 }) }),
    );
    expect(notes[c1.id]).toMatchObject({ text: 'from the laptop', evaluation: { scores: { pacing: 3 } } });
    expect(notes[c1.id]?.editedAt).toMatch(/^2026-01-05T09:23/);
    const removed = fold(c1, edit(ana, 22, c1.id, { evaluation: null }));
    expect(removed[c1.id]?.evaluation).toBeUndefined();
  });

  it('refuses an edit that would leave a note empty, and forms on replies', () => {
    const notes = fold(
      c1,
      r1,
      edit(ana, 22, c1.id, { text: '' }),
      edit(bo, 23, r1.id, { evaluation: evaluation({}) }),
    );
    expect(notes[c1.id]?.text).toBe('开头的故事很吸引人');
    expect(notes[r1.id]?.evaluation).toBeUndefined();
  });

  it('retracts only the author’s own note, drops its words, keeps replies and refuses later edits', () => {
    const late = reply(coach, 24, c1.id, 'written before seeing the retraction');
    const notes = fold(
      c1,
      r1,
      retract(bo, 21.5, c1.id),
      retract(ana, 22, c1.id),
      edit(ana, 23, c1.id, { text: 'too late' }),
      late,
    );
    expect(notes[c1.id]).toMatchObject({ text: '', retractedAt: expect.any(String) });
    expect(notes[r1.id]?.text).toBe('谢谢！');
    expect(notes[late.id]?.root).toBe(c1.id);
  });

  it('toggles reactions per member, idempotently', () => {
    const notes = fold(
      c1,
      react(bo, 21, c1.id, 'heart'),
      react(coach, 22, c1.id, 'heart'),
      react(bo, 23, c1.id, 'heart'),
      react(coach, 24, c1.id, 'heart', false),
      react(bo, 25, c1.id, 'bulb'),
      react(bo, 26, c1.id, 'bulb', false),
    );
    expect(notes[c1.id]?.reactions).toEqual({ heart: [bo.key.keyId] });
  });

  it('lets only a coach hide, and unhide', () => {
    expect(fold(c1, hide(bo, 21, c1.id))[c1.id]?.hidden).toBeUndefined();
    expect(fold(c1, hide(coach, 21, c1.id))[c1.id]?.hidden?.by).toBe(coach.key.keyId);
    expect(fold(c1, hide(coach, 21, c1.id), hide(coach, 22, c1.id, false))[c1.id]?.hidden).toBeUndefined();
  });

  it('keeps resolve marks of coaches and of each member apart (the speaker is judged when reading)', () => {
    const notes = fold(c1, resolve(bo, 21, c1.id), resolve(coach, 22, c1.id, false), resolve(ana, 23, c1.id));
    const resolution = notes[c1.id]?.resolution;
    expect(resolution?.coach).toMatchObject({ resolved: false, by: coach.key.keyId });
    expect(Object.keys(resolution?.members ?? {}).sort()).toEqual([ana.key.keyId, bo.key.keyId].sort());
    expect(fold(c1, r1, resolve(bo, 22, r1.id))[r1.id]?.resolution).toBeUndefined(); // replies are not resolved
  });
});
