// The rules.* handlers on four computers sharing one group folder, with one clock the test moves:
// the coach sets a weekly series, A checks in on time, B late, C misses; the overview, standings,
// critique duty and review queue say exactly that, and the handlers refuse what would not count.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import { appRegistry } from '../../../shared/group/appRegistry';
import { tempDir } from '../groupFolder/testGroupFolder';
import type { SpeechStore } from '../speeches/speechStore';
import { createRulesHandlers } from './rulesHandlers';
import { testComputer } from './testComputers';

const recorded = await readFile(path.join(import.meta.dirname, '../../../tests/fixtures/recorded-zh.webm'));
const camera = await readFile(path.join(import.meta.dirname, '../../../tests/fixtures/recorded-video.webm'));
const H = 3_600_000;
/** Monday 1 March 2027, 10:00 in Shanghai. */
const T0 = Date.UTC(2027, 2, 1, 2, 0);
const ctx = { transport: 'http' as const };

let root: string;
let cleanup: () => Promise<void>;
let clock = T0;
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('rules'));
  clock = T0;
});
afterEach(() => cleanup());

function computer(name: string) {
  const now = () => clock;
  const machine = testComputer(root, name, { registry: appRegistry, now });
  return { ...machine, api: createRulesHandlers(machine.groups, now) };
}
type Computer = ReturnType<typeof computer>;

async function recordSpeech(store: SpeechStore, title: string, video = false) {
  const { speechId } = await store.begin({
    source: 'recording',
    mimeType: video ? 'video/webm' : 'audio/webm',
    title,
    sampleRate: 48000,
    samplesPerPixel: 480,
  });
  await store.append(speechId, video ? camera : recorded, new Uint8Array([0xf0, 0x10]));
  return store.finish(speechId, 3900);
}

async function groupOfFour() {
  const folder = path.join(root, 'shared', '周日演讲会');
  const coach = computer('coach');
  const { groupId } = await coach.groups.create({
    folder,
    name: '周日演讲会',
    charter: '每周一篇。',
    timeZone: 'Asia/Shanghai',
    coachName: '王老师',
  });
  const members: Computer[] = [];
  for (const name of ['Ada', '安娜', 'Chen']) {
    const m = computer(name);
    await m.groups.join(folder, name);
    await coach.groups.get(groupId).syncNow();
    await coach.groups.get(groupId).decide(await m.keyId(), 'approve');
    members.push(m);
  }
  const sync = () => Promise.all([coach, ...members].map((c) => c.groups.get(groupId).syncNow()));
  await sync();
  return { groupId, coach, members: members as [Computer, Computer, Computer], sync };
}

const weekly = {
  title: '一分钟自我介绍',
  prompt: '**Introduce yourself.**',
  target: { minSeconds: 60, maxSeconds: 90 },
  schedule: {
    repeat: 'weekly' as const,
    startsOn: '2027-03-01',
    submitBy: { weekday: 'wed' as const, time: '21:00' },
    critiqueBy: { weekday: 'fri' as const, time: '21:00' },
  },
};

describe('rules handlers on four computers', () => {
  it('on time, late and missed show in the overview, the week view and the standings', async () => {
    const { groupId, coach, members, sync } = await groupOfFour();
    const [a, b, c] = members;
    await expect(a.api['rules.createAssignment']({ groupId, body: weekly }, ctx)).rejects.toMatchObject({
      messageKey: 'errors.coachOnly',
    });
    const { id: assignment } = await coach.api['rules.createAssignment']({ groupId, body: weekly }, ctx);
    await sync();

    // A checks in on time (sharing the speech on the way), and replaces it before the deadline.
    clock = T0 + H;
    const speechA = await recordSpeech(a.speeches, 'Ada week 1');
    const first = await a.api['rules.checkIn'](
      { groupId, assignment, occurrence: 1, speechId: speechA.id },
      ctx,
    );
    const again = await a.api['rules.checkIn'](
      { groupId, assignment, occurrence: 1, speechId: speechA.id },
      ctx,
    );
    expect(again.recording).toBe(first.recording); // already shared: not shared twice
    let mine = await a.api['rules.overview']({ groupId }, ctx);
    expect(mine.current).toMatchObject({
      key: `${assignment}#1`,
      submitBy: '2027-03-03T21:00',
      submitDeadline: '2027-03-03T13:00:00.000Z',
      phase: 'upcoming',
      mine: { id: again.id, submission: 'on-time', recordingTitle: 'Ada week 1' },
    });

    // After the deadline: B checks in late; A's on-time check-in can no longer be replaced.
    await sync();
    clock = Date.UTC(2027, 2, 3, 14, 0);
    const speechB = await recordSpeech(b.speeches, '安娜 第一周');
    await b.api['rules.checkIn']({ groupId, assignment, occurrence: 1, speechId: speechB.id }, ctx);
    await expect(
      a.api['rules.checkIn']({ groupId, assignment, occurrence: 1, speechId: speechA.id }, ctx),
    ).rejects.toMatchObject({ messageKey: 'errors.checkInLocked' });
    await expect(
      c.api['rules.pause'](
        { groupId, body: { member: await a.keyId(), from: '2027-03-01', to: '2027-03-02' } },
        ctx,
      ),
    ).rejects.toMatchObject({ messageKey: 'errors.pauseOthers' });

    // After the critique deadline: C missed, and can no longer check in.
    clock = Date.UTC(2027, 2, 6, 2, 0);
    const speechC = await recordSpeech(c.speeches, 'Chen late');
    await expect(
      c.api['rules.checkIn']({ groupId, assignment, occurrence: 1, speechId: speechC.id }, ctx),
    ).rejects.toMatchObject({ messageKey: 'errors.checkInClosed' });
    await sync();
    const view: RulesOverview = await coach.api['rules.overview']({ groupId }, ctx);
    expect(view.isCoach).toBe(true);
    expect(view.week?.key).toBe(`${assignment}#1`);
    const rows = Object.fromEntries(view.week!.rows.map((r) => [r.name, r]));
    expect(rows['Ada']).toMatchObject({ outcome: 'on-time', points: 10, atRisk: false });
    expect(rows['安娜']).toMatchObject({ outcome: 'late', points: 5, atRisk: false });
    expect(rows['Chen']).toMatchObject({ outcome: 'missed', points: -5, atRisk: true });
    expect(view.standings.members.map((s) => [s.name, s.points, s.streak, s.missesTotal])).toEqual([
      ['Ada', 10, 1, 0],
      ['安娜', 5, 1, 0],
      ['Chen', -5, 0, 1],
    ]);
    mine = await c.api['rules.overview']({ groupId }, ctx);
    expect(mine.isCoach).toBe(false);
    expect(mine.current?.key).toBe(`${assignment}#2`);
  });

  it('gives on-time submitters their critique duty and lists thin submissions for review', async () => {
    const { groupId, coach, members, sync } = await groupOfFour();
    const [a, b] = members;
    const { id: assignment } = await coach.api['rules.createAssignment']({ groupId, body: weekly }, ctx);
    await sync();
    clock = T0 + H;
    for (const m of [a, b]) {
      const speech = await recordSpeech(m.speeches, 'week 1');
      await m.api['rules.checkIn']({ groupId, assignment, occurrence: 1, speechId: speech.id }, ctx);
    }
    await sync();
    clock = Date.UTC(2027, 2, 4, 2, 0); // Thursday: critiques open
    const ada = await a.api['rules.overview']({ groupId }, ctx);
    expect(ada.duties).toEqual([
      expect.objectContaining({
        key: `${assignment}#1`,
        critiqueBy: '2027-03-05T21:00',
        owed: [expect.objectContaining({ name: '安娜', given: false })],
      }),
    ]);
    const queue = (await coach.api['rules.overview']({ groupId }, ctx)).reviewQueue;
    expect(queue.map((q) => [q.name, q.received, q.needed])).toEqual(
      expect.arrayContaining([
        ['Ada', 0, 2],
        ['安娜', 0, 2],
      ]),
    );
    // Coach-only actions say so clearly; the coach's postpone and cancel land in the overview.
    await expect(
      a.api['rules.cancel']({ groupId, body: { assignment, occurrence: 2 } }, ctx),
    ).rejects.toMatchObject({ messageKey: 'errors.coachOnly' });
    await expect(
      coach.api['rules.postpone'](
        {
          groupId,
          body: {
            assignment: 'f'.repeat(64),
            occurrence: 1,
            submitBy: '2027-03-10T21:00',
            critiqueBy: '2027-03-12T21:00',
          },
        },
        ctx,
      ),
    ).rejects.toMatchObject({ messageKey: 'errors.assignmentNotFound' });
    await coach.api['rules.postpone'](
      {
        groupId,
        body: { assignment, occurrence: 2, submitBy: '2027-03-11T20:00', critiqueBy: '2027-03-13T20:00' },
      },
      ctx,
    );
    await coach.api['rules.cancel']({ groupId, body: { assignment, occurrence: 3 } }, ctx);
    await coach.api['rules.editAssignment'](
      { groupId, body: { assignment, occurrence: 2, title: '讲一个故事' } },
      ctx,
    );
    const occurrences = (await coach.api['rules.overview']({ groupId }, ctx)).assignments[0]!.occurrences;
    expect(occurrences.map((o) => [o.occurrence, o.title, o.submitBy])).toEqual([
      [1, '一分钟自我介绍', '2027-03-03T21:00'],
      [2, '讲一个故事', '2027-03-11T20:00'],
      [4, '一分钟自我介绍', '2027-03-24T21:00'],
      [5, '一分钟自我介绍', '2027-03-31T21:00'],
      [6, '一分钟自我介绍', '2027-04-07T21:00'],
    ]);
  });

  it('lets a coach count an unwitnessed check-in late, and undo it, through the overview', async () => {
    const { groupId, coach, members, sync } = await groupOfFour();
    const [a] = members;
    const { id: assignment } = await coach.api['rules.createAssignment']({ groupId, body: weekly }, ctx);
    await sync();
    clock = T0 + H;
    const speech = await recordSpeech(a.speeches, 'Ada week 1');
    const { id: checkIn } = await a.api['rules.checkIn'](
      { groupId, assignment, occurrence: 1, speechId: speech.id },
      ctx,
    );
    await sync();
    clock = Date.UTC(2027, 2, 4, 14, 0); // a day and an hour after Wednesday's deadline
    // Nobody else has linked Ada's check-in (a stand-in for GroupSync's firstWitnessed).
    const now = () => clock;
    const seeing = createRulesHandlers(coach.groups, now, () => () => null);
    const ada = async (api: typeof seeing) =>
      (await api['rules.overview']({ groupId }, ctx)).week!.rows.find((r) => r.name === 'Ada')!;
    expect(await ada(seeing)).toMatchObject({
      outcome: 'on-time',
      unwitnessed: { checkIn, ruledLate: false },
    });
    // The app's own witnesses (the group folder's causal links) agree: nobody else had linked it.
    expect((await ada(coach.api)).unwitnessed).toMatchObject({ checkIn, ruledLate: false });

    await expect(
      a.api['rules.ruleCheckIn']({ groupId, body: { checkIn, late: true } }, ctx),
    ).rejects.toMatchObject({ messageKey: 'errors.coachOnly' });
    await expect(
      seeing['rules.ruleCheckIn']({ groupId, body: { checkIn: 'f'.repeat(64), late: true } }, ctx),
    ).rejects.toMatchObject({ code: 'not_found' });
    await seeing['rules.ruleCheckIn']({ groupId, body: { checkIn, late: true } }, ctx);
    expect(await ada(seeing)).toMatchObject({ outcome: 'late', points: 5, unwitnessed: { ruledLate: true } });
    // Counted late, Ada's check-in no longer locks her out of checking in again before the critique deadline.
    await sync();
    const again = await a.api['rules.checkIn'](
      { groupId, assignment, occurrence: 1, speechId: speech.id },
      ctx,
    );
    expect(again.id).not.toBe(checkIn);
    await sync();
    await seeing['rules.ruleCheckIn']({ groupId, body: { checkIn, late: false } }, ctx);
    expect(await ada(seeing)).toMatchObject({ outcome: 'on-time', points: 10, unwitnessed: { checkIn } });
  });
});

describe('a new assignment', () => {
  it('is refused when every deadline it sets has passed, and accepted while one is ahead', async () => {
    const coach = computer('coach');
    const { groupId } = await coach.groups.create({
      folder: path.join(root, 'shared', '周日演讲会'),
      name: '周日演讲会',
      charter: '',
      timeZone: 'Asia/Shanghai',
      coachName: '王老师',
    });
    // T0 is Monday 1 March 2027, 10:00 in Shanghai.
    const once = (submitBy: string) => ({
      ...weekly,
      schedule: { repeat: 'once' as const, submitBy, critiqueBy: '2027-03-08T21:00' },
    });
    for (const body of [
      once('2027-02-25T21:00'),
      once('2027-03-01T10:00'),
      { ...weekly, schedule: { ...weekly.schedule, startsOn: '2027-01-01', occurrences: 4 } },
    ])
      await expect(coach.api['rules.createAssignment']({ groupId, body }, ctx)).rejects.toMatchObject({
        code: 'invalid_input',
        messageKey: 'errors.deadlinePassed',
      });
    expect((await coach.api['rules.overview']({ groupId }, ctx)).assignments).toEqual([]);

    const { id } = await coach.api['rules.createAssignment'](
      { groupId, body: once('2027-03-01T10:01') },
      ctx,
    );
    expect((await coach.api['rules.overview']({ groupId }, ctx)).assignments).toMatchObject([
      { id, occurrences: [{ phase: 'upcoming' }] },
    ]);

    // Postponed into the past it would be missed at once: refused, and the deadline stays.
    await expect(
      coach.api['rules.postpone'](
        {
          groupId,
          body: {
            assignment: id,
            occurrence: 1,
            submitBy: '2027-03-01T09:00',
            critiqueBy: '2027-03-08T21:00',
          },
        },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input', messageKey: 'errors.postponePassed' });
    await coach.api['rules.postpone'](
      {
        groupId,
        body: { assignment: id, occurrence: 1, submitBy: '2027-03-02T21:00', critiqueBy: '2027-03-08T21:00' },
      },
      ctx,
    );
    const [postponed] = (await coach.api['rules.overview']({ groupId }, ctx)).assignments;
    expect(postponed?.occurrences[0]?.submitBy).toBe('2027-03-02T21:00');
  });

  it('the coach caps a shared file’s size; a check-in reuses a video shared as its audio alone', async () => {
    const { groupId, coach, members, sync } = await groupOfFour();
    const [a] = members;
    const cap = { groupId, body: { maxBytes: 50_000 } };
    await expect(a.api['rules.setShareLimit'](cap, ctx)).rejects.toMatchObject({
      messageKey: 'errors.coachOnly',
    });
    await coach.api['rules.setShareLimit'](cap, ctx);
    await sync();
    expect((await a.api['rules.overview']({ groupId }, ctx)).shareLimit).toBe(50_000);

    // Ada's video is over the cap; she shares its audio, then checks in that speech: the audio counts.
    const { id: assignment } = await coach.api['rules.createAssignment']({ groupId, body: weekly }, ctx);
    await sync();
    clock = T0 + H;
    const speech = await recordSpeech(a.speeches, 'Ada on camera', true);
    const group = a.groups.get(groupId);
    await expect(group.shareSpeech(speech.id)).rejects.toMatchObject({
      messageKey: 'errors.shareTooLargeVideo',
    });
    const audio = await group.shareSpeech(speech.id, { picture: false });
    const checkIn = await a.api['rules.checkIn'](
      { groupId, assignment, occurrence: 1, speechId: speech.id },
      ctx,
    );
    expect(checkIn.recording).toBe(audio.id);

    await coach.api['rules.setShareLimit']({ groupId, body: { maxBytes: null } }, ctx);
    await sync();
    expect((await a.api['rules.overview']({ groupId }, ctx)).shareLimit).toBeNull();
  });
});
