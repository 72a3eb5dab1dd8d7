// Critiques through the handlers on two computers sharing one group folder: the coach critiques a
// member's speech at a moment and on a stretch (with an evaluation form); the member sees the
// threads and their inbox, replies and resolves; each refusal names its reason; read marks persist.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../shared/api/dispatcher';
import { contract } from '../../../shared/api/contract';
import type { Contract } from '../../../shared/api/contract';
import type { MethodInput, MethodOutput } from '../../../shared/api/contractTypes';
import { LecternError } from '../../../shared/api/errors';
import { appRegistry } from '../../../shared/group/appRegistry';
import { RULES_SET } from '../../../shared/rules/ruleEvents';
import { DEFAULT_RULES } from '../../../shared/rules/rulesInForce';
import { tempDir } from '../groupFolder/testGroupFolder';
import { createCritiqueHandlers } from './critiqueHandlers';
import { coachWithMember, testComputer } from './testComputers';
const recorded = await readFile(path.join(import.meta.dirname, '../../../tests/fixtures/recorded-zh.webm'));

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir: root, cleanup } = await tempDir('critique')));
afterEach(() => cleanup());

function computer(name: string) {
  const machine = testComputer(root, name, { registry: appRegistry });
  const { dataDir, groups } = machine;
  const handlers = createCritiqueHandlers(groups, dataDir);
  const dispatch = createDispatcher(contract, handlers as never, (e) => console.error(e));
  /** Calls through the dispatcher, so inputs are validated as the transports validate them. */
  async function call<K extends keyof typeof handlers & keyof Contract>(
    name: K,
    input: MethodInput<Contract, K>,
  ): Promise<MethodOutput<Contract, K>> {
    const result = await dispatch(name, input, { transport: 'ipc' });
    if (!result.ok) throw LecternError.fromSerialized(result.error);
    return result.value as MethodOutput<Contract, K>;
  }
  return { ...machine, call };
}

async function twoMembersAndASpeech() {
  const folder = path.join(root, 'shared', '周三演讲社');
  const coach = computer('coach');
  const member = computer('member');
  const { groupId, sync } = await coachWithMember(coach, member, folder);
  const { speechId } = await member.speeches.begin({
    source: 'recording',
    mimeType: 'audio/webm',
    title: '我的第一次演讲',
    sampleRate: 48000,
    samplesPerPixel: 480,
  });
  await member.speeches.append(speechId, recorded, new Uint8Array([0xf0, 0x10]));
  await member.speeches.finish(speechId, 3900);
  const { id: recording } = await member.groups.get(groupId).shareSpeech(speechId);
  await coach.groups.get(groupId).syncNow();
  return { groupId, coach, member, recording, sync };
}

const evaluation = {
  commendations: '开场的问题很抓人',
  recommendations: '中间放慢一点',
  challenge: '下次试试不看稿',
  scores: { clarity: 4, pacing: 3 },
};

describe('critique handlers on two computers', () => {
  it('comment at a moment and on a stretch, reply, resolve, inbox and read marks', async () => {
    const { groupId, coach, member, recording, sync } = await twoMembersAndASpeech();
    const at = await coach.call('critique.comment', {
      groupId,
      body: { recording, anchor: { atMs: 2000 }, text: '这里停顿得很好' },
    });
    await coach.call('critique.comment', {
      groupId,
      body: { recording, anchor: { startMs: 500, endMs: 1500 }, text: '', evaluation },
    });
    await expect(
      coach.call('critique.comment', { groupId, body: { recording, anchor: { atMs: 5000 }, text: 'x' } }),
    ).rejects.toMatchObject({ messageKey: 'errors.critiqueOutsideSpeech' });
    await expect(
      coach.call('critique.comment', { groupId, body: { recording, text: '   ' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await sync();

    let inbox = await member.call('critique.inbox', { groupId });
    expect(inbox.unread).toBe(2);
    expect(inbox.unreadByRecording).toEqual({ [recording]: 2 });
    expect(inbox.items[0]).toMatchObject({ type: 'critique', recordingTitle: '我的第一次演讲' });

    const view = await member.call('critique.threads', { groupId, recordingId: recording });
    expect(view.threads.map((t) => t.comment.anchor)).toEqual([
      { startMs: 500, endMs: 1500 },
      { atMs: 2000 },
    ]);
    expect(view.speaker).toBe(await member.keyId());
    expect(view.isCoach).toBe(false);
    expect(view.criteria).toContain('vocal-variety');
    expect(view.summary).toMatchObject({ evaluations: 1, overall: 3.5 });

    await member.call('critique.reply', { groupId, body: { parent: at.id, text: '谢谢！' } });
    await member.call('critique.resolve', { groupId, body: { comment: at.id, resolved: true } });
    await member.call('critique.react', {
      groupId,
      body: { target: at.id, reaction: 'heart', on: true },
    });
    await expect(member.call('critique.retract', { groupId, body: { target: at.id } })).rejects.toMatchObject(
      {
        messageKey: 'errors.critiqueNotYours',
      },
    );
    await expect(
      member.call('critique.hide', { groupId, body: { target: at.id, hidden: true } }),
    ).rejects.toMatchObject({ messageKey: 'errors.coachOnly' });

    await member.call('critique.markRead', { groupId, recordingId: recording });
    inbox = await member.call('critique.inbox', { groupId });
    expect(inbox.unread).toBe(0);
    // The mark lives in the data dir: a restarted app (new handlers) remembers it.
    await member.groups.stop();
    const restarted = computer('member');
    await restarted.groups.start();
    expect((await restarted.call('critique.inbox', { groupId })).unread).toBe(0);

    await sync();
    const seen = await coach.call('critique.threads', { groupId, recordingId: recording });
    const thread = seen.threads.find((t) => t.comment.id === at.id)!;
    expect(thread).toMatchObject({ resolved: true, replies: [{ text: '谢谢！', depth: 1 }] });
    expect(thread.comment.reactions).toEqual({ heart: [await member.keyId()] });
    const coachInbox = await coach.call('critique.inbox', { groupId });
    expect(coachInbox.items).toMatchObject([{ type: 'reply', preview: '谢谢！', unread: true }]);

    // The coach edits, then hides and withdraws; the thread stays readable.
    await coach.call('critique.edit', { groupId, body: { target: at.id, text: '这里的停顿很有力' } });
    await coach.call('critique.hide', { groupId, body: { target: thread.replies[0]!.id, hidden: true } });
    await coach.call('critique.retract', { groupId, body: { target: at.id } });
    await expect(
      coach.call('critique.edit', { groupId, body: { target: at.id, text: 'again' } }),
    ).rejects.toMatchObject({ messageKey: 'errors.critiqueWithdrawn' });
    await sync();
    const after = await member.call('critique.threads', { groupId, recordingId: recording });
    const withdrawn = after.threads.find((t) => t.comment.id === at.id)!;
    expect(withdrawn.comment).toMatchObject({ status: 'retracted', text: '' });
    expect(withdrawn.replies[0]).toMatchObject({ status: 'hidden', text: '' });

    // The coach names the group's criteria: the form asks for them, the summary lists them first.
    await coach.groups.get(groupId).append(RULES_SET, { ...DEFAULT_RULES, criteria: ['pacing', '眼神交流'] });
    await sync();
    const named = await member.call('critique.threads', { groupId, recordingId: recording });
    expect(named.criteria).toEqual(['pacing', '眼神交流']);
    expect(named.summary.criteria.map((c) => c.criterion)).toEqual(['pacing', 'clarity']);
  });

  it('hands a member back their own comments on a speech its author withdrew', async () => {
    const { groupId, coach, member, recording, sync } = await twoMembersAndASpeech();
    await coach.call('critique.comment', {
      groupId,
      body: { recording, anchor: { startMs: 1000, endMs: 2500 }, text: '这一段的手势很自然' },
    });
    await coach.call('critique.comment', { groupId, body: { recording, text: '整体结构清楚' } });
    await member.call('critique.comment', { groupId, body: { recording, text: '我自己的备注' } });
    // Still shared: everything shows in the threads, nothing to hand back.
    expect(await coach.call('critique.undelivered', { groupId, recordingId: recording })).toEqual([]);

    await sync();
    await member.groups.get(groupId).withdraw(recording);
    await sync();
    await expect(coach.call('critique.threads', { groupId, recordingId: recording })).rejects.toMatchObject({
      messageKey: 'errors.critiqueNoSpeech',
    });
    const handedBack = await coach.call('critique.undelivered', { groupId, recordingId: recording });
    expect(handedBack.map(({ text, atMs }) => ({ text, atMs }))).toEqual([
      { text: '这一段的手势很自然', atMs: 1000 },
      { text: '整体结构清楚', atMs: undefined },
    ]);
    // Each member gets only their own words back.
    expect(
      (await member.call('critique.undelivered', { groupId, recordingId: recording })).map((c) => c.text),
    ).toEqual(['我自己的备注']);
  });

  it('refuses a speech that is not shared and a note that does not exist', async () => {
    const { groupId, coach, recording } = await twoMembersAndASpeech();
    const nothing = 'f'.repeat(64);
    await expect(
      coach.call('critique.comment', { groupId, body: { recording: nothing, text: 'hi' } }),
    ).rejects.toMatchObject({ messageKey: 'errors.critiqueNoSpeech' });
    await expect(
      coach.call('critique.reply', { groupId, body: { parent: nothing, text: 'hi' } }),
    ).rejects.toMatchObject({ messageKey: 'errors.critiqueNoNote' });
    await expect(coach.call('critique.threads', { groupId, recordingId: nothing })).rejects.toMatchObject({
      messageKey: 'errors.critiqueNoSpeech',
    });
    expect((await coach.call('critique.threads', { groupId, recordingId: recording })).threads).toEqual([]);
  });

  it('the Ah-Counter marks fillers, the speaker sees the rate and their trend, only the marker withdraws', async () => {
    const { groupId, coach, member, recording, sync } = await twoMembersAndASpeech();
    const um = await coach.call('critique.filler', { groupId, body: { recording, atMs: 1000, word: '嗯' } });
    await coach.call('critique.filler', { groupId, body: { recording, atMs: 2500 } });
    await expect(
      coach.call('critique.filler', { groupId, body: { recording, atMs: 5000 } }),
    ).rejects.toMatchObject({ messageKey: 'errors.critiqueOutsideSpeech' });
    await expect(
      coach.call('critique.filler', { groupId, body: { recording, atMs: 10, word: 'x'.repeat(21) } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await sync();

    const view = await member.call('critique.threads', { groupId, recordingId: recording });
    expect(view.fillers.marks.map((m) => [m.atMs, m.word])).toEqual([
      [1000, '嗯'],
      [2500, undefined],
    ]);
    // Two fillers in a 3.9 s speech.
    expect(view.fillers.perMinute).toBeCloseTo(2 / (3.9 / 60), 6);
    expect(view.speakerFillerTrend).toHaveLength(1);
    await expect(
      member.call('critique.fillerWithdraw', { groupId, body: { target: um.id } }),
    ).rejects.toMatchObject({ messageKey: 'errors.critiqueNotYours' });

    await coach.call('critique.fillerWithdraw', { groupId, body: { target: um.id } });
    await sync();
    const after = await member.call('critique.threads', { groupId, recordingId: recording });
    expect(after.fillers.marks.map((m) => m.atMs)).toEqual([2500]);
    const trends = await member.call('critique.trends', { groupId });
    const me = await member.keyId();
    const mine = trends.find((t) => t.member === me);
    expect(mine?.speeches.map((s) => s.recordingId)).toEqual([recording]);
    expect(mine?.fillers.map((p) => p.perMinute)).toEqual([after.fillers.perMinute]);
  });

  it('an Ah-Counter who heard none counts the speech as zero; the speaker cannot count their own', async () => {
    const { groupId, coach, member, recording, sync } = await twoMembersAndASpeech();
    await expect(
      member.call('critique.fillerCounted', { groupId, body: { recording, counted: true } }),
    ).rejects.toMatchObject({ messageKey: 'errors.fillerOwnSpeech' });
    await expect(
      coach.call('critique.fillerCounted', { groupId, body: { recording: 'e'.repeat(64), counted: true } }),
    ).rejects.toMatchObject({ messageKey: 'errors.critiqueNoSpeech' });
    await coach.call('critique.fillerCounted', { groupId, body: { recording, counted: true } });
    await sync();

    const view = await member.call('critique.threads', { groupId, recordingId: recording });
    expect(view.fillers.perMinute).toBe(0);
    expect(view.fillers.countedBy).toEqual([await coach.keyId()]);
    const me = await member.keyId();
    const mine = (await member.call('critique.trends', { groupId })).find((t) => t.member === me);
    expect(mine?.fillers.map((p) => p.perMinute)).toEqual([0]);

    await coach.call('critique.fillerCounted', { groupId, body: { recording, counted: false } });
    await sync();
    const after = await member.call('critique.threads', { groupId, recordingId: recording });
    expect(after.fillers.perMinute).toBeNull();
    expect(after.speakerFillerTrend).toEqual([]);
  });
});
