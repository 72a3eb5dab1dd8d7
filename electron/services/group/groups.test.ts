// Two computers (two data dirs) sharing one group folder on disk, as a sync tool would give them:
// the coach creates, a member joins and is approved, shares a real recorded speech and a
// reflection; the coach sees them and the blob route serves the audio with Range.
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/api/errors';
import { baseRegistry } from '../../../shared/group/baseRegistry';
import { SpeechMetricsAnalyser } from '../../../shared/audio/metrics/analyseSpeech';
import { concat, feed, silence, syllables } from '../../../shared/audio/metrics/testSignals';
import { RECORDING_METRICS } from '../../../shared/group/groupEvent';
import { mediaResponse } from '../../common/mediaResponse';
import { GroupSync } from '../groupFolder/groupSync';
import { tempDir } from '../groupFolder/testGroupFolder';
import { SpeechStore } from '../speeches/speechStore';
import { typedPathPicker } from './groupHandlers';
import { Groups } from './groups';
import { groupView } from './groupView';
import { FAST_SCRYPT, testComputer } from './testComputers';

const recorded = await readFile(path.join(import.meta.dirname, '../../../tests/fixtures/recorded-zh.webm'));
const PRIVATE = '只写给自己：这周其实很紧张 private-journal-7f3a';
const SHARED = '第一周反思：开场要更慢 shared-reflection-91c2';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir: root, cleanup } = await tempDir('groups')));
afterEach(() => cleanup());

const computer = (name: string) => testComputer(root, name, { registry: baseRegistry });

async function recordSpeech(store: SpeechStore) {
  const { speechId } = await store.begin({
    source: 'recording',
    mimeType: 'audio/webm',
    title: '我的第一次演讲',
    sampleRate: 48000,
    samplesPerPixel: 480,
  });
  for (let at = 0; at < recorded.length; at += 16_000)
    await store.append(speechId, recorded.subarray(at, at + 16_000), new Uint8Array([0xf0, 0x10]));
  return store.finish(speechId, 3900);
}

async function folderBytes(dir: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) parts.push(await readFile(path.join(e.parentPath, e.name)));
  return Buffer.concat(parts);
}

async function readBody(body: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body ?? []) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('Groups on two computers sharing one folder', () => {
  it('create, join, approve, share a speech and a reflection, serve the audio with Range', async () => {
    const folder = path.join(root, 'shared', '周三演讲社');
    const coach = computer('coach');
    const member = computer('member');
    const charter = '质量优先，每周一篇演讲。Quality over quantity.';
    const created = await coach.groups.create({
      folder,
      name: '周三演讲社',
      charter,
      timeZone: 'Asia/Shanghai',
      coachName: '王老师',
    });

    expect(await member.groups.preview(folder)).toMatchObject({ name: '周三演讲社', charter, joined: false });
    const joined = await member.groups.join(folder, '安娜');
    expect(joined.groupId).toBe(created.groupId);
    await expect(member.groups.join(folder, '安娜')).rejects.toMatchObject({
      messageKey: 'errors.alreadyJoined',
    });
    const memberKey = (await member.groups.identity.current()).key.keyId;
    const { groupId } = created;

    const coachGroup = coach.groups.get(groupId);
    await coachGroup.syncNow();
    let view = await groupView(coachGroup, (await coach.groups.identity.current()).key.keyId);
    expect(view.members.find((m) => m.keyId === memberKey)).toMatchObject({
      status: 'applicant',
      displayName: '安娜',
    });
    await coachGroup.decide(memberKey, 'approve');

    const memberGroup = member.groups.get(groupId);
    await memberGroup.syncNow();
    expect((await groupView(memberGroup, memberKey)).me).toMatchObject({ status: 'member', role: 'member' });
    await expect(memberGroup.decide(memberKey, 'promote')).rejects.toMatchObject({
      messageKey: 'errors.coachOnly',
    });

    const speech = await recordSpeech(member.speeches);
    const shared = await memberGroup.shareSpeech(speech.id);
    await memberGroup.shareReflection('第一周', SHARED);
    expect(member.changes.length).toBeGreaterThan(0);

    await coachGroup.syncNow();
    view = await groupView(coachGroup, (await coach.groups.identity.current()).key.keyId);
    const [reflection, recording] = view.feed;
    expect(reflection).toMatchObject({ type: 'reflection', text: SHARED, author: memberKey });
    expect(recording).toMatchObject({
      type: 'recording',
      id: shared.id,
      title: '我的第一次演讲',
      audioArrived: true,
    });
    if (recording?.type !== 'recording') throw new Error('no recording');

    // The coach's host serves the member's audio from the folder, verified, with Range.
    const audio = await readFile((await member.speeches.mediaFile(speech.id))!.path);
    const file = (await coach.groups.resolveMedia(recording.audioUrl))!;
    expect(file.mimeType).toBe('audio/webm');
    const partial = await mediaResponse(file.path, file.mimeType, 'bytes=100-1099');
    expect(partial.status).toBe(206);
    expect(partial.headers['Content-Range']).toBe(`bytes 100-1099/${audio.length}`);
    expect((await readBody(partial.body)).equals(audio.subarray(100, 1100))).toBe(true);
    const peaks = JSON.parse(
      await readFile((await coach.groups.resolveMedia(recording.peaksUrl))!.path, 'utf8'),
    );
    expect(peaks).toMatchObject({
      version: 2,
      channels: 1,
      bits: 8,
      sample_rate: 48000,
      samples_per_pixel: 480,
    });
    // Only blobs the group names are served, and only while their bytes match their name.
    expect(
      await coach.groups.resolveMedia(`/media/groups/${groupId}/blobs/${'a'.repeat(64)}`),
    ).toBeUndefined();
    await writeFile(file.path, Buffer.from(audio).fill(1, 0, 10));
    expect(await coach.groups.resolveMedia(recording.audioUrl)).toBeUndefined();

    // Private stays private: only what the member chose to share is in the folder's bytes.
    const bytes = await folderBytes(folder);
    expect(bytes.includes(Buffer.from(SHARED))).toBe(true);
    expect(bytes.includes(Buffer.from(PRIVATE))).toBe(false);

    // Withdrawing removes the item from everyone's feed.
    await memberGroup.withdraw(shared.id);
    await expect(coachGroup.withdraw(reflection!.id)).rejects.toMatchObject({
      messageKey: 'errors.notYourItem',
    });
    await coachGroup.syncNow();
    view = await groupView(coachGroup, view.me.keyId);
    expect(view.feed.map((f) => f.type)).toEqual(['reflection']);
  });

  it('announces a blob that lands (or leaves) after the event that names it', async () => {
    const folder = path.join(root, 'synced', 'group');
    const coach = computer('coach');
    const member = computer('member');
    const { groupId } = await coach.groups.create({
      folder,
      name: 'Throttled',
      charter: '',
      timeZone: 'Asia/Shanghai',
      coachName: 'Coach',
    });
    await member.groups.join(folder, 'Ana');
    const coachGroup = coach.groups.get(groupId);
    await coachGroup.syncNow();
    const applicant = Object.values(coachGroup.state().state.members).find((m) => m.displayName === 'Ana');
    await coachGroup.decide(applicant!.keyId, 'approve');
    const memberGroup = member.groups.get(groupId);
    await memberGroup.syncNow();
    const shared = await memberGroup.shareSpeech((await recordSpeech(member.speeches)).id);

    // The sync tool has brought the segment but not yet the audio (moved aside here).
    const sha256 = (shared.body as { sha256: string }).sha256;
    const found = (await readdir(folder, { recursive: true })).find((name) => name.endsWith(sha256));
    const audio = path.join(folder, found!);
    await rename(audio, `${audio}.elsewhere`);
    const coachKey = (await coach.groups.identity.current()).key.keyId;
    const playable = async () =>
      (await groupView(coachGroup, coachKey)).feed.find((item) => item.type === 'recording');
    await coachGroup.syncNow();
    expect(await playable()).toMatchObject({ id: shared.id, audioArrived: false });
    const announced = coach.changes.length;
    await coachGroup.syncNow();
    expect(coach.changes.length, 'nothing moved: nothing to announce').toBe(announced);

    // The audio lands, with no new event: the sync announces it, and the view can play it.
    await rename(`${audio}.elsewhere`, audio);
    await coachGroup.syncNow();
    expect(coach.changes.slice(announced)).toEqual([groupId]);
    expect(await playable()).toMatchObject({ id: shared.id, audioArrived: true });

    // And a blob leaving (the author's tool removed it) is news too.
    await rename(audio, `${audio}.elsewhere`);
    await coachGroup.syncNow();
    expect(coach.changes.slice(announced)).toEqual([groupId, groupId]);
  });

  it('keeps working while the folder is away (status says so), then catches up', async () => {
    const folder = path.join(root, 'usb', 'group');
    const coach = computer('coach');
    const member = computer('member');
    const { groupId } = await coach.groups.create({
      folder,
      name: 'Offline',
      charter: '',
      timeZone: 'Europe/Berlin',
      coachName: 'Coach',
    });
    await member.groups.join(folder, 'Ana');
    const memberGroup = member.groups.get(groupId);

    await rename(folder, `${folder}-unplugged`);
    const away = await memberGroup.syncNow();
    expect(away).toMatchObject({ folderState: 'missing', waiting: 0 });
    expect(member.statuses.at(-1)?.folderState).toBe('missing');
    await memberGroup.shareReflection('offline', 'written on the train');
    expect(await memberGroup.status()).toMatchObject({ folderState: 'missing', waiting: 1 });
    // A speech shared on the train: its audio waits in the data dir with the event.
    const speech = await recordSpeech(member.speeches);
    const shared = await memberGroup.shareSpeech(speech.id);
    expect(await memberGroup.status()).toMatchObject({ folderState: 'missing', waiting: 2 });
    const waitingBlobs = async () =>
      (await readdir(path.join(member.dataDir, 'groups'), { recursive: true })).filter((name) =>
        /pending-blobs\/.+\/[0-9a-f]{64}$/.test(name),
      );
    expect(await waitingBlobs()).toHaveLength(2); // audio and peaks
    expect((await coach.groups.get(groupId).syncNow()).folderState).toBe('missing');

    await rename(`${folder}-unplugged`, folder);
    expect(await memberGroup.syncNow()).toMatchObject({ folderState: 'ok', waiting: 0, quarantined: [] });
    const coachGroup = coach.groups.get(groupId);
    await coachGroup.syncNow();
    const applicant = Object.values(coachGroup.state().state.members).find((m) => m.displayName === 'Ana');
    expect(applicant?.status).toBe('applicant'); // the join request made it too

    // Approved, Ana's speech from the train plays on the coach's computer, its audio the same bytes.
    await coachGroup.decide(applicant!.keyId, 'approve');
    const view = await groupView(coachGroup, (await coach.groups.identity.current()).key.keyId);
    const recording = view.feed.find((item) => item.type === 'recording');
    expect(recording).toMatchObject({ id: shared.id, audioArrived: true });
    if (recording?.type !== 'recording') throw new Error('no recording');
    const file = (await coach.groups.resolveMedia(recording.audioUrl))!;
    const audio = await readFile((await member.speeches.mediaFile(speech.id))!.path);
    expect((await readFile(file.path)).equals(audio)).toBe(true);
    expect(await waitingBlobs()).toEqual([]);
  });

  it("shows one's own shares at once while the folder is away, waiting, and after a restart too", async () => {
    const folder = path.join(root, 'nas', 'group');
    const coach = computer('coach');
    const { groupId } = await coach.groups.create({
      folder,
      name: '网络盘社',
      charter: '',
      timeZone: 'Asia/Shanghai',
      coachName: '王老师',
    });
    const me = (await coach.groups.identity.current()).key.keyId;
    await rename(folder, `${folder}-unplugged`);
    const group = coach.groups.get(groupId);
    const speech = await recordSpeech(coach.speeches);
    const shared = await group.shareSpeech(speech.id);
    const reflection = await group.shareReflection('断网时写的', '网络盘断开了，先存着');
    const feedOf = async (g: typeof group) =>
      (await groupView(g, me)).feed.map((f) => ({ id: f.id, waiting: 'waiting' in f && f.waiting === true }));
    const waitingFeed = [
      { id: reflection.id, waiting: true },
      { id: shared.id, waiting: true },
    ];
    expect(await feedOf(group)).toEqual(waitingFeed);

    // The app restarted with the drive still unplugged: the outbox still shows them.
    await coach.groups.stop();
    const again = computer('coach');
    await again.groups.start();
    expect((await again.groups.get(groupId).status()).folderState).toBe('missing');
    expect(await feedOf(again.groups.get(groupId))).toEqual(waitingFeed);

    // The drive is back: written to the folder, read back, shown once, no longer waiting.
    await rename(`${folder}-unplugged`, folder);
    expect(await again.groups.get(groupId).syncNow()).toMatchObject({ folderState: 'ok', waiting: 0 });
    expect(await feedOf(again.groups.get(groupId))).toEqual(
      waitingFeed.map((f) => ({ ...f, waiting: false })),
    );
  });

  it('reopens joined groups after a restart, and backs up and imports the member key', async () => {
    const folder = path.join(root, 'g');
    const coach = computer('coach');
    const { groupId } = await coach.groups.create({
      folder,
      name: 'G',
      charter: '',
      timeZone: 'UTC',
      coachName: 'C',
    });
    await coach.groups.stop();
    const again = computer('coach');
    await again.groups.start();
    expect(await again.groups.list()).toEqual([{ groupId, name: 'G', folder }]);
    expect(again.groups.get(groupId).state().hash).toBe(coach.groups.get(groupId).state().hash);

    const backup = await coach.groups.identity.exportBackup('correct horse battery');
    const laptop = computer('laptop');
    expect(await laptop.groups.importKey(backup, 'correct horse battery')).toBe(
      (await coach.groups.identity.current()).key.keyId,
    );
    await expect(computer('x').groups.importKey(backup, 'wrong passphrase')).rejects.toMatchObject({
      messageKey: 'errors.keyBackupPassphrase',
    });
    const other = computer('other');
    await other.groups.create({
      folder: path.join(root, 'h'),
      name: 'H',
      charter: '',
      timeZone: 'UTC',
      coachName: 'O',
    });
    await expect(other.groups.importKey(backup, 'correct horse battery')).rejects.toBeInstanceOf(
      LecternError,
    );
    // The secret key stays in the data dir, never in the folder.
    const secret = JSON.parse(
      await readFile(path.join(coach.dataDir, 'identity', 'member-key.json'), 'utf8'),
    );
    expect((await folderBytes(folder)).includes(Buffer.from(secret.secretKey))).toBe(false);
  });

  it('watches the folder and announces what another computer wrote', async () => {
    const folder = path.join(root, 'watched');
    const coach = computer('coach');
    const { groupId } = await coach.groups.create({
      folder,
      name: 'W',
      charter: '',
      timeZone: 'UTC',
      coachName: 'C',
    });
    let announce: (id: string) => void = () => {};
    const member = new Groups({
      dataDir: path.join(root, 'watcher'),
      speeches: new SpeechStore(path.join(root, 'watcher', 'speeches')),
      onChange: (id) => announce(id),
      onStatus: () => {},
      watch: { debounceMs: 20, rescanMs: 3_600_000 },
      scrypt: FAST_SCRYPT,
      registry: baseRegistry,
    });
    try {
      await member.join(folder, 'Watcher');
      let seen = member.get(groupId).state().state;
      expect(seen.members[(await coach.groups.identity.current()).key.keyId]).toBeDefined();
      const announced = new Promise<string>((resolve) => (announce = resolve)); // after our own join's announcement
      await coach.groups.get(groupId).shareReflection('new', 'from the coach');
      // No syncNow here: the watcher notices the new segment and syncs by itself.
      expect(await announced).toBe(groupId);
      for (let i = 0; i < 100 && Object.keys(seen.slices.reflections as object).length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        seen = member.get(groupId).state().state;
      }
      expect(Object.values(seen.slices.reflections as object)).toHaveLength(1);
    } finally {
      await member.stop();
    }
  });

  it('refuses a folder that already holds a group, and checks typed folder paths', async () => {
    const folder = path.join(root, 'taken');
    const coach = computer('coach');
    await coach.groups.create({ folder, name: 'A', charter: '', timeZone: 'UTC', coachName: 'C' });
    await expect(
      computer('b').groups.create({ folder, name: 'B', charter: '', timeZone: 'UTC', coachName: 'D' }),
    ).rejects.toMatchObject({ messageKey: 'errors.folderHoldsGroup' });
    await mkdir(path.join(root, 'empty'));
    await expect(computer('c').groups.preview(path.join(root, 'empty'))).rejects.toMatchObject({
      messageKey: 'errors.notAGroupFolder',
    });
    expect(await typedPathPicker({ path: folder })).toEqual({ path: folder });
    await expect(typedPathPicker({})).rejects.toMatchObject({
      code: 'unavailable',
      messageKey: 'errors.typePath',
    });
    await expect(typedPathPicker({ path: path.join(folder, 'group.json') })).rejects.toMatchObject({
      messageKey: 'errors.notADirectory',
    });
  });

  it('shares metrics saved after their speech was shared, once, and only for its own audio', async () => {
    const me = computer('late-metrics');
    const { groupId } = await me.groups.create({
      folder: path.join(root, 'shared', '晚到的指标'),
      name: '晚到的指标',
      charter: '',
      timeZone: 'Asia/Shanghai',
      coachName: '王老师',
    });
    const group = me.groups.get(groupId);
    const [speech, other] = [await recordSpeech(me.speeches), await recordSpeech(me.speeches)];
    const shared = await group.shareSpeech(speech.id); // its analysis had not finished
    expect(group.recordingMetrics(shared.id)).toBeNull();

    const rate = 16_000;
    const metrics = feed(
      new SpeechMetricsAnalyser(rate),
      concat(syllables(rate, 8, 4), silence(rate, 2.5), syllables(rate, 8, 4)),
    );
    await me.speeches.saveMetrics(speech.id, metrics);
    await me.groups.shareLateMetrics(speech.id);
    await me.groups.shareLateMetrics(speech.id); // again: already there, nothing written
    await me.speeches.saveMetrics(other.id, metrics);
    await me.groups.shareLateMetrics(other.id); // never shared: nothing written
    expect(group.recordingMetrics(shared.id)?.metrics).toEqual(metrics);
    await group.syncNow();
    const reader = new GroupSync({ folder: path.join(root, 'shared', '晚到的指标'), registry: baseRegistry });
    await reader.sync();
    const written = reader.allEvents().filter((e) => e.kind === RECORDING_METRICS);
    expect(written.map((e) => (e.body as { recording: string }).recording)).toEqual([shared.id]);
  });
});
