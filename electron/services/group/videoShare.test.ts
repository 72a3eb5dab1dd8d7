// Sharing a video speech on two computers sharing one folder: with its picture or only its audio
// (copied packets, much smaller), streamed into blobs, and the coach's cap on a shared file, which
// the member's app enforces before copying anything and the fold enforces on every computer.
import { execFileSync } from 'node:child_process';
import { readFile, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { ALL_FORMATS, FilePathSource, Input } from 'mediabunny';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appRegistry } from '../../../shared/group/appRegistry';
import { RECORDING_SHARED } from '../../../shared/group/groupEvent';
import { recordingsOf } from '../../../shared/group/recordings';
import { SHARE_LIMIT } from '../../../shared/group/shareLimit';
import { tempDir } from '../groupFolder/testGroupFolder';
import type { SpeechStore } from '../speeches/speechStore';
import { groupView } from './groupView';
import { coachWithMember, testComputer } from './testComputers';

const camera = await readFile(path.join(import.meta.dirname, '../../../tests/fixtures/recorded-video.webm'));

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir: root, cleanup } = await tempDir('video-share')));
afterEach(() => cleanup());

const computer = (name: string) => testComputer(root, name, { registry: appRegistry });

/** A coach's group in `folder` with one approved member: both computers, synced. */
async function groupOfTwo(folder: string) {
  const coach = computer('coach');
  const member = computer('member');
  const names = { group: '视频演讲社', coach: '王老师', member: '小林' };
  const { groupId } = await coachWithMember(coach, member, folder, names);
  const coachGroup = coach.groups.get(groupId);
  const memberGroup = member.groups.get(groupId);
  const coachKey = await coach.keyId();
  return { coach, member, coachGroup, memberGroup, groupId, coachKey };
}

async function videoSpeech(store: SpeechStore, bytes: Uint8Array, mimeType: 'video/webm' | 'video/mp4') {
  const { speechId } = await store.begin({
    source: mimeType === 'video/webm' ? 'recording' : 'import',
    mimeType,
    title: mimeType === 'video/webm' ? '镜头前的即兴演讲' : '手机录的演讲',
    sampleRate: 48000,
    samplesPerPixel: 480,
  });
  for (let at = 0; at < bytes.length; at += 64_000)
    await store.append(
      speechId,
      bytes.subarray(at, at + 64_000),
      new Uint8Array([0xf0, 0x10, mimeType === 'video/webm' ? 0xe0 : 0xd0, at % 251]),
    );
  return store.finish(speechId, mimeType === 'video/webm' ? 3000 : undefined);
}

/** A phone's MP4 (H.264 + AAC), made by ffmpeg. */
function phoneMp4(dir: string): Buffer {
  const out = path.join(dir, 'phone.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100', '-t', '3'],
    ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', out],
  ]);
  return execFileSync('cat', [out]);
}

async function tracksOf(file: string) {
  const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
  try {
    return {
      video: (await input.getVideoTracks()).length,
      audio: (await input.getAudioTracks()).map((t) => t.codec),
      seconds: await input.computeDuration(),
    };
  } finally {
    input.dispose();
  }
}

const ownBlobs = async (folder: string) =>
  (await readdir(path.join(folder, 'devices'), { recursive: true })).filter((n) =>
    /blobs\/[0-9a-f]{64}$/.test(n),
  );

describe('Sharing a video speech', () => {
  it('shares the picture or only the audio (WebM → Opus WebM, MP4 → M4A), with the same peaks', async () => {
    const folder = path.join(root, 'shared', 'group');
    const { coach, member, coachGroup, memberGroup, coachKey } = await groupOfTwo(folder);
    const webm = await videoSpeech(member.speeches, camera, 'video/webm');
    const mp4 = await videoSpeech(member.speeches, phoneMp4(root), 'video/mp4');

    const sizes = await memberGroup.shareSizes(webm.id);
    const webmVideo = await memberGroup.shareSpeech(webm.id);
    const webmAudio = await memberGroup.shareSpeech(webm.id, { picture: false });
    const mp4Video = await memberGroup.shareSpeech(mp4.id, { picture: true });
    const mp4Audio = await memberGroup.shareSpeech(mp4.id, { picture: false });
    // An audio speech ignores the choice: its file is its audio.
    expect(sizes).toMatchObject({ bytes: webm.byteSize, maxBytes: null });

    await coachGroup.syncNow();
    const feed = (await groupView(coachGroup, coachKey)).feed;
    const item = (id: string) => {
      const found = feed.find((f) => f.id === id);
      if (found?.type !== 'recording') throw new Error(`no recording ${id}`);
      return found;
    };
    expect(item(webmVideo.id).mime).toBe('video/webm');
    expect(item(webmAudio.id).mime).toBe('audio/webm');
    expect(item(mp4Video.id).mime).toBe('video/mp4');
    expect(item(mp4Audio.id).mime).toBe('audio/mp4');
    const recordings = recordingsOf(coachGroup.state().state);
    // With the picture: the speech's own bytes. Audio only: smaller, and the estimate was near it.
    expect(recordings[webmVideo.id]).toMatchObject({ byteSize: webm.byteSize, sha256: webm.sha256 });
    expect(recordings[mp4Video.id]).toMatchObject({ byteSize: mp4.byteSize, sha256: mp4.sha256 });
    const webmAudioBytes = recordings[webmAudio.id]!.byteSize;
    expect(webmAudioBytes).toBeLessThan(webm.byteSize / 2);
    expect(recordings[mp4Audio.id]!.byteSize).toBeLessThan(mp4.byteSize / 2);
    expect(sizes.audioOnlyBytes! / webmAudioBytes).toBeGreaterThan(0.6);
    expect(sizes.audioOnlyBytes! / webmAudioBytes).toBeLessThan(1.6);
    expect(recordings[webmAudio.id]!.peaksSha256).toBe(recordings[webmVideo.id]!.peaksSha256);
    expect(recordings[mp4Audio.id]!.peaksSha256).toBe(recordings[mp4Video.id]!.peaksSha256);

    // What the coach's computer serves from the folder: the picture and sound, or the sound alone.
    const served = async (id: string) => (await coach.groups.resolveMedia(item(id).audioUrl))!;
    const kept = await readFile((await member.speeches.mediaFile(webm.id))!.path);
    expect((await readFile((await served(webmVideo.id)).path)).equals(kept)).toBe(true);
    const webmSound = await served(webmAudio.id);
    expect(webmSound.mimeType).toBe('audio/webm');
    expect(await tracksOf(webmSound.path)).toMatchObject({ video: 0, audio: ['opus'] });
    expect((await tracksOf(webmSound.path)).seconds).toBeCloseTo(
      (await tracksOf((await served(webmVideo.id)).path)).seconds,
      0,
    );
    const m4a = await served(mp4Audio.id);
    expect(m4a.mimeType).toBe('audio/mp4');
    expect(await tracksOf(m4a.path)).toMatchObject({ video: 0, audio: ['aac'] });
    // The temporary audio files are gone; the speech is found again by its peaks (for a check-in).
    expect(await readdir(path.join(member.dataDir, 'groups'), { recursive: true })).not.toContainEqual(
      expect.stringMatching(/share-temp\/.+/),
    );
    expect((await memberGroup.recordingsOfSpeech(webm.id)).map((r) => r.id).sort()).toEqual(
      [webmVideo.id, webmAudio.id].sort(),
    );
  });

  it('refuses a file over the coach’s cap before copying anything, and shares the audio within it', async () => {
    const folder = path.join(root, 'shared', 'group');
    const { member, coachGroup, memberGroup, coachKey } = await groupOfTwo(folder);
    const webm = await videoSpeech(member.speeches, camera, 'video/webm');
    const { audioOnlyBytes } = await memberGroup.shareSizes(webm.id);
    const cap = Math.round(webm.byteSize / 2); // above the audio's size, below the video's
    expect(audioOnlyBytes!).toBeLessThan(cap);
    await coachGroup.append(SHARE_LIMIT, { maxBytes: cap });
    await memberGroup.syncNow();
    expect(await memberGroup.shareSizes(webm.id)).toMatchObject({ maxBytes: cap });

    const blobsBefore = await ownBlobs(folder);
    const waitingBefore = (await memberGroup.status()).waiting;
    await expect(memberGroup.shareSpeech(webm.id)).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.shareTooLargeVideo',
      details: { maxBytes: cap, byteSize: webm.byteSize },
    });
    expect(await ownBlobs(folder)).toEqual(blobsBefore);
    expect((await memberGroup.status()).waiting).toBe(waitingBefore);

    const audio = await memberGroup.shareSpeech(webm.id, { picture: false });
    await coachGroup.syncNow();
    expect((await groupView(coachGroup, coachKey)).feed.map((f) => f.id)).toEqual([audio.id]);

    // A cap below even the audio: the message no longer suggests the audio (it is the audio).
    await coachGroup.append(SHARE_LIMIT, { maxBytes: 1000 });
    await memberGroup.syncNow();
    await expect(memberGroup.shareSpeech(webm.id, { picture: false })).rejects.toMatchObject({
      messageKey: 'errors.shareTooLarge',
    });
    expect(await readdir(path.join(member.dataDir, 'groups'), { recursive: true })).not.toContainEqual(
      expect.stringMatching(/share-temp\/.+/),
    );
  });

  it('gains a member who bypasses their app nothing: over the cap, or lying about its size', async () => {
    const folder = path.join(root, 'shared', 'group');
    const { member, coachGroup, memberGroup, coachKey } = await groupOfTwo(folder);
    const webm = await videoSpeech(member.speeches, camera, 'video/webm');
    const honest = await memberGroup.shareSpeech(webm.id); // before the cap: it stays
    await coachGroup.append(SHARE_LIMIT, { maxBytes: 10_000 });
    await memberGroup.syncNow();
    const body = {
      sha256: webm.sha256,
      durationMs: 3000,
      peaksSha256: recordingsOf(memberGroup.state().state)[honest.id]!.peaksSha256,
      title: '绕过自己的应用',
      mime: 'video/webm',
    };
    const over = await memberGroup.append(RECORDING_SHARED, { ...body, byteSize: webm.byteSize });
    const lying = await memberGroup.append(RECORDING_SHARED, { ...body, byteSize: 9_000 });
    await coachGroup.syncNow();
    const feed = (await groupView(coachGroup, coachKey)).feed;
    expect(feed.map((f) => f.id).sort()).toEqual([honest.id, lying.id].sort()); // `over` is refused
    expect(feed.find((f) => f.id === over.id)).toBeUndefined();
    // The lie fits the cap, but its blob is not the size it claims: the coach's computer serves nothing for it.
    const lie = feed.find((f) => f.id === lying.id);
    if (lie?.type !== 'recording') throw new Error('no recording');
    const media = coachGroup.media;
    expect(await media.file(webm.sha256)).toMatchObject({ mimeType: 'video/webm' }); // the honest one's size matches
    await memberGroup.withdraw(honest.id);
    await coachGroup.syncNow();
    expect(await media.file(webm.sha256)).toBeUndefined();
  });

  it('waits on this computer, streamed, while the folder is away, then publishes the same bytes', async () => {
    const folder = path.join(root, 'shared', 'group');
    const { coach, member, coachGroup, memberGroup, coachKey } = await groupOfTwo(folder);
    const webm = await videoSpeech(member.speeches, camera, 'video/webm');
    await rename(folder, `${folder}-away`);
    const video = await memberGroup.shareSpeech(webm.id);
    const audio = await memberGroup.shareSpeech(webm.id, { picture: false });
    expect((await memberGroup.status()).folderState).toBe('missing');
    await rename(`${folder}-away`, folder);
    await memberGroup.syncNow();
    await coachGroup.syncNow();
    const feed = (await groupView(coachGroup, coachKey)).feed;
    expect(feed.map((f) => f.id).sort()).toEqual([video.id, audio.id].sort());
    const url = (id: string) => {
      const f = feed.find((each) => each.id === id);
      return f?.type === 'recording' ? f.audioUrl : '';
    };
    const kept = await readFile((await member.speeches.mediaFile(webm.id))!.path);
    const servedVideo = (await coach.groups.resolveMedia(url(video.id)))!;
    expect((await readFile(servedVideo.path)).equals(kept)).toBe(true);
    const servedAudio = (await coach.groups.resolveMedia(url(audio.id)))!;
    expect((await stat(servedAudio.path)).size).toBeLessThan(kept.length / 2);
  });
});
