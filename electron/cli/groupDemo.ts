// `demo`: writes a realistic group into a folder (a coach and N members, W weeks of
// speeches, profiles and roster changes, with small real WAV blobs), or appends more events
// as one member from one device. Private keys go to a separate keys directory, never into
// the group folder. Deterministic for a given --seed, so benchmarks can compare runs.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { DEVICES_DIR, SEGMENTS_DIR } from '../../shared/group/folderLayout';
import { appRegistry } from '../../shared/group/appRegistry';
import { HeadTracker } from '../../shared/group/causalLinks';
import { RECORDING_SHARED, ROSTER_DECISION } from '../../shared/group/groupEvent';
import { CRITIQUE_COMMENT } from '../../shared/critique/critiqueEvents';
import type { GenesisBody, GroupEvent } from '../../shared/group/groupEvent';
import { createMemberKey, memberKeyFromSecret } from '../../shared/group/identity';
import type { MemberKey } from '../../shared/group/identity';
import { MemberDevice } from '../../shared/group/memberDevice';
import {
  decisionEvent,
  genesisEvent,
  joinEvent,
  profileEvent,
  recordingEvent,
  withdrawEvent,
} from '../../shared/group/scenario';
import {
  demoCheckIn,
  demoCritiques,
  demoPardon,
  demoPause,
  demoRevival,
  demoRulesChange,
  demoSeries,
} from './demoRules';
import { SECRET_DIR_MODE, writeSecretFile } from '../services/group/secretFile';
import { BlobStore } from '../services/groupFolder/blobStore';
import { readGroupId } from '../services/groupFolder/genesisFile';
import { GroupSync } from '../services/groupFolder/groupSync';
import { mergeAllPlan } from '../services/groupFolder/compactionPlan';
import { Outbox } from '../services/groupFolder/outbox';
import { SegmentWriter, writeGenesisFile } from '../services/groupFolder/segmentWriter';

const WEEK = 7 * 24 * 3600 * 1000;
const NAMES = ['安娜', 'Bo', '陈静', 'Dan', '李明', 'Eva', '王芳', 'Felix', '张伟', 'Grace', '刘洋', 'Hana'];
const TITLES = [
  '一分钟自我介绍',
  'My hometown',
  '如何克服紧张',
  'A book that changed me',
  '我的周末',
  'Storytelling practice',
];

const keyFileSchema = z.object({
  version: z.literal(1),
  member: z.number().int().min(0),
  keyId: z.string(),
  secretKey: z.string().regex(/^[0-9a-f]{64}$/),
  /** Device name → { id, last clock }. */
  devices: z.record(
    z.string(),
    z.object({ id: z.string().regex(/^[0-9a-f]{16}$/), lastClock: z.string().optional() }),
  ),
});
type KeyFile = z.infer<typeof keyFileSchema>;

/** A small seeded PRNG (mulberry32): the same seed gives the same group. */
function prng(seed: string): () => number {
  let a = new DataView(sha256(utf8ToBytes(seed)).buffer).getUint32(0);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A quarter second of a sine tone as a 8 kHz mono 16-bit WAV, and its peaks. */
function tinySpeech(frequency: number): { audio: Uint8Array; peaks: Uint8Array } {
  const samples = 2000;
  const audio = new Uint8Array(44 + samples * 2);
  const view = new DataView(audio.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  const peaks = new Uint8Array(samples / 50);
  for (let i = 0; i < samples; i++) {
    const v = Math.round(
      Math.sin((2 * Math.PI * frequency * i) / 8000) * 12000 * Math.min(1, (samples - i) / 400),
    );
    view.setInt16(44 + i * 2, v, true);
    const p = Math.floor(i / 50);
    peaks[p] = Math.max(peaks[p]!, Math.round((Math.abs(v) / 32768) * 255));
  }
  return { audio, peaks };
}

/**
 * A demo member writing format 2: each event links what `tracker` says this member has seen (a
 * roster decision also links its target's latest event), as the app would.
 */
class LinkingDevice extends MemberDevice {
  constructor(
    key: MemberKey,
    deviceId: string,
    lastClock: string | undefined,
    private readonly tracker: HeadTracker,
  ) {
    super(key, deviceId, lastClock);
  }

  override event<B>(
    kind: string,
    body: B,
    wallMillis: number,
    prev?: ReadonlyArray<{ id: string; hlc: string }>,
  ): GroupEvent<B> {
    const target =
      kind === ROSTER_DECISION ? this.tracker.latestOf((body as { member: string }).member) : undefined;
    const event = super.event(
      kind,
      body,
      wallMillis,
      prev ?? this.tracker.linksFor(this.key.keyId, [target]),
    );
    this.tracker.add(event);
    return event;
  }
}

/** Demo keys are real signing keys of the demo group: owner-only, like a member's own. */
async function saveKey(keysDir: string, file: KeyFile): Promise<void> {
  await writeSecretFile(keysDir, `member-${file.member}.json`, JSON.stringify(file, null, 2) + '\n');
}

function deviceOf(file: KeyFile, name: string): MemberDevice {
  const d = file.devices[name]!;
  return new MemberDevice(memberKeyFromSecret(hexToBytes(file.secretKey)), d.id, d.lastClock);
}

/**
 * A demo device writes the way the app does (GroupService): one event at a time into its local
 * outbox and the tiered merge, then a publish to the folder. Returns the folder file published last.
 */
class DemoWriter {
  private readonly outboxes = new Map<string, Outbox>();

  constructor(
    private readonly folder: string,
    private readonly keysDir: string,
    private readonly groupId: string,
    private readonly now: number,
  ) {}

  async write(device: MemberDevice, events: readonly GroupEvent[]): Promise<string | undefined> {
    const outbox = this.outboxOf(device);
    if (events.length === 0) return undefined;
    for (const event of events) await outbox.write(event);
    // One publish per batch (a member's week): the folder ends with the same files as after a
    // publish per event, since a publish makes the folder match the outbox.
    const published = await outbox.publish();
    return published.status === 'ok' ? published.published.at(-1) : undefined;
  }

  /**
   * Merges all of a device's segments as far as the format allows. A device with no outbox here
   * (its files were written some other way) is compacted in the folder itself.
   */
  async compactAll(device: MemberDevice): Promise<number> {
    const hasOutbox = await fs.stat(this.outboxDir(device)).then(
      () => true,
      () => false,
    );
    if (!hasOutbox) return (await writerFor(this.folder, this.groupId, device, this.now).compact()).length;
    const outbox = this.outboxOf(device);
    const written = await outbox.compact(mergeAllPlan);
    await outbox.publish();
    return written.length;
  }

  private outboxDir(device: MemberDevice): string {
    return path.join(this.keysDir, 'outboxes', device.deviceId);
  }

  private outboxOf(device: MemberDevice): Outbox {
    let outbox = this.outboxes.get(device.deviceId);
    if (!outbox) {
      outbox = new Outbox({
        dataDir: this.outboxDir(device),
        folder: this.folder,
        key: device.key,
        group: this.groupId,
        device: device.deviceId,
        now: () => this.now,
        // A generated folder: the same files as the app writes, without waiting for the disk.
        flush: false,
      });
      this.outboxes.set(device.deviceId, outbox);
    }
    return outbox;
  }
}

/** `now`: the wall clock the demo acts at (it judges leftover temp files stale). */
function writerFor(folder: string, groupId: string, device: MemberDevice, now: number): SegmentWriter {
  return new SegmentWriter({
    root: folder,
    dir: `${DEVICES_DIR}/${device.deviceId}/${SEGMENTS_DIR}`,
    key: device.key,
    group: groupId,
    device: device.deviceId,
    now: () => now,
  });
}

export interface DemoCreateOptions {
  folder: string;
  keysDir: string;
  members: number;
  weeks: number;
  seed: string;
  now: number;
  /** The group format: 2 (what the app writes) unless 1 is asked for, e.g. to compare the two. */
  format?: 1 | 2;
}

/** Creates a group with a coach (member 0) and `members` members and `weeks` weeks of activity. */
export async function createDemoGroup(
  o: DemoCreateOptions,
): Promise<{ groupId: string; events: number; files: number }> {
  const random = prng(o.seed);
  const derive = (label: string) => sha256(utf8ToBytes(`lectern-demo/${o.seed}/${label}`));
  const files: KeyFile[] = [];
  const devices: MemberDevice[] = [];
  const tracker = new HeadTracker();
  for (let m = 0; m <= o.members; m++) {
    const key = createMemberKey(derive(`member/${m}`));
    const id = bytesToHex(derive(`member/${m}/device/laptop`)).slice(0, 16);
    files.push({
      version: 1,
      member: m,
      keyId: key.keyId,
      secretKey: bytesToHex(key.secretKey),
      devices: { laptop: { id } },
    });
    devices.push(o.format === 1 ? new MemberDevice(key, id) : new LinkingDevice(key, id, undefined, tracker));
  }
  // Fixed start (deterministic per seed) unless that would put activity in the future.
  const start = Math.min(
    Date.UTC(2025, 0, 6, 1, 0),
    Math.floor(o.now / 86_400_000) * 86_400_000 - (o.weeks + 1) * WEEK,
  );
  const coach = devices[0]!;
  await fs.mkdir(o.folder, { recursive: true });
  const genesis = genesisEvent(coach, start);
  const groupId = await writeGenesisFile(o.folder, coach.key, coach.deviceId, genesis);
  const blobs = devices.map((d) => new BlobStore(o.folder, d.deviceId, undefined, () => o.now));
  let events = 1;
  // The keys directory holds the members' keys and their outboxes: owner-only, made so before either.
  await fs.mkdir(o.keysDir, { recursive: true, mode: SECRET_DIR_MODE });
  const writer = new DemoWriter(o.folder, o.keysDir, groupId, o.now);
  const write = async (device: MemberDevice, batch: GroupEvent[]) => {
    await writer.write(device, batch);
    events += batch.length;
  };

  // Week 0: everyone asks to join; the coach approves them and promotes member 1.
  for (let m = 1; m <= o.members; m++) {
    await write(devices[m]!, [
      joinEvent(
        devices[m]!,
        start + m * 60_000,
        NAMES[(m - 1) % NAMES.length]! + (m > NAMES.length ? m : ''),
      ),
    ]);
  }
  // After the last request (a minute apart each), never before it: a coach approves what has arrived.
  const approveFrom = start + Math.max(3_600_000, (o.members + 1) * 60_000);
  const approvals = devices
    .slice(1)
    .map((d, i) => decisionEvent(coach, approveFrom + i * 1000, d.key.keyId, 'approve'));
  if (o.members >= 2)
    approvals.push(decisionEvent(coach, approveFrom + 100_000, devices[1]!.key.keyId, 'promote'));
  await write(coach, approvals);

  const shared: Array<{ member: number; id: string; sha: string; peaks: string }> = [];
  const wav = { mime: 'audio/wav', durationMs: 250 };
  const removeAt = o.members >= 3 ? Math.floor(o.weeks / 2) : -1; // "007": a member who keeps missing is out
  // The week's rhythm: a weekly series, rules, check-ins, critiques; and the coach's stories
  // (member 4 misses week 5 and is pardoned, member 2 misses 10-12 and is revived in week 14,
  // member 3 pauses weeks 20-21, the rules change in week 26).
  const series =
    o.weeks > 0 ? demoSeries(coach, start, o.weeks, (genesis.body as GenesisBody).timeZone) : null;
  if (series) await write(coach, series.events);
  const forcedMiss = (m: number, w: number) =>
    (m === 4 && w === 5) || (m === 2 && w >= 10 && w <= 12) || (m === 3 && (w === 20 || w === 21));
  let lastWeek: string[] = [];
  for (let w = 1; w <= o.weeks; w++) {
    tracker.sync(); // members read the folder once a week: within a week they write side by side
    const weekStart = start + w * WEEK;
    const week = series?.deadlines[w - 1];
    const thisWeek: string[] = [];
    const coachBatch: GroupEvent[] = [];
    if (series && w === 6 && o.members >= 4)
      coachBatch.push(demoPardon(coach, weekStart + 3_600_000, devices[4]!.key.keyId, series.assignment, 5));
    if (series && w === 14 && o.members >= 2)
      coachBatch.push(demoRevival(coach, weekStart + 3_600_000, devices[2]!.key.keyId));
    if (series && w === 26) coachBatch.push(demoRulesChange(coach, weekStart + 3_600_000));
    await write(coach, coachBatch);
    for (let m = 1; m <= o.members; m++) {
      const d = devices[m]!;
      const removed = m === o.members && removeAt > 0 && w > removeAt;
      const batch: GroupEvent[] = [];
      const previous = series?.deadlines[w - 2];
      if (!removed && previous) {
        const mine = new Set(shared.filter((s) => s.member === m).map((s) => s.id));
        batch.push(
          ...demoCritiques(
            d,
            previous,
            lastWeek.filter((id) => !mine.has(id)),
            random,
          ),
        );
      }
      if (series && m === 3 && w === 19) {
        const [from, to] = [series.deadlines[19]?.localDate, series.deadlines[20]?.localDate];
        if (from && to) batch.push(demoPause(d, weekStart, from, to));
      }
      const at = weekStart + Math.floor(random() * 5 * 86_400_000);
      if (!removed && random() < (series ? 0.9 : 0.8) && !forcedMiss(m, w)) {
        const speech = tinySpeech(180 + Math.floor(random() * 300));
        const sha = await blobs[m]!.put(speech.audio);
        const peaks = await blobs[m]!.put(speech.peaks);
        const title = `${TITLES[Math.floor(random() * TITLES.length)]} · W${w}`;
        const e = recordingEvent(d, at, title, speech.audio, speech.peaks, wav);
        batch.push(e);
        shared.push({ member: m, id: e.id, sha, peaks });
        const checkIn = series && week ? demoCheckIn(d, series.assignment, w, week, e.id, at, random) : null;
        if (checkIn) {
          batch.push(checkIn);
          thisWeek.push(e.id);
        }
      }
      if (!removed && random() < 0.15)
        batch.push(profileEvent(d, at + 60_000, `第${w}周：继续练习 week ${w}`));
      if (!removed && random() < 0.03) {
        const mine = shared.filter((s) => s.member === m && s.id);
        const withdrawn = mine[Math.floor(random() * mine.length)];
        if (withdrawn) {
          batch.push(withdrawEvent(d, at + 120_000, withdrawn.id));
          // Withdrawing a recording also deletes its blobs: the author's own files, in their own directory.
          if (!shared.some((s) => s !== withdrawn && s.id && s.sha === withdrawn.sha))
            await blobs[m]!.delete(withdrawn.sha);
          if (!shared.some((s) => s !== withdrawn && s.id && s.peaks === withdrawn.peaks))
            await blobs[m]!.delete(withdrawn.peaks);
          withdrawn.id = '';
        }
      }
      await write(d, batch);
    }
    if (w === removeAt)
      await write(coach, [
        decisionEvent(coach, weekStart + 6 * 86_400_000, devices[o.members]!.key.keyId, 'remove'),
      ]);
    lastWeek = thisWeek;
  }
  const final = series?.deadlines[o.weeks - 1];
  if (final) {
    for (let m = 1; m <= o.members; m++) {
      if (m === o.members && removeAt > 0) continue;
      const mine = new Set(shared.filter((s) => s.member === m).map((s) => s.id));
      await write(
        devices[m]!,
        demoCritiques(
          devices[m]!,
          final,
          lastWeek.filter((id) => !mine.has(id)),
          random,
        ),
      );
    }
  }
  for (let m = 0; m <= o.members; m++) files[m]!.devices.laptop!.lastClock = devices[m]!.lastClock;
  for (const f of files) await saveKey(o.keysDir, f);
  return { groupId, events, files: await countFiles(o.folder) };
}

export interface DemoAppendOptions {
  folder: string;
  keysDir: string;
  member: number;
  device: string;
  events: number;
  now: number;
  /**
   * The kinds written, in turn (default: three profile updates, then a speech). A critique comments
   * on the newest speech another member shared.
   */
  kinds?: readonly DemoKind[];
}

export type DemoKind = 'profile' | 'speech' | 'critique';
const DEFAULT_KINDS: readonly DemoKind[] = ['profile', 'profile', 'profile', 'speech'];

/** Appends `events` profile updates, speeches and critiques as one member from one (possibly new) device. */
export async function appendDemoEvents(o: DemoAppendOptions): Promise<{ written: number; segment: string }> {
  const group = await readGroupId(o.folder);
  if (group.status !== 'ok' || !group.groupId) throw new Error(group.message);
  const text = await fs.readFile(path.join(o.keysDir, `member-${o.member}.json`), 'utf8').catch(() => null);
  if (text === null) throw new Error(`No key for member ${o.member} in ${o.keysDir}.`);
  const file = keyFileSchema.parse(JSON.parse(text));
  if (!file.devices[o.device])
    file.devices[o.device] = {
      id: bytesToHex(sha256(utf8ToBytes(`${file.keyId}/${o.device}/${o.now}`))).slice(0, 16),
    };
  const sync = new GroupSync({ folder: o.folder, now: () => o.now, registry: appRegistry });
  await sync.sync();
  // In a format-2 group the new events link to what this device now sees, as the app's would.
  const heads = sync.heads(file.keyId);
  const tracker = new HeadTracker();
  for (const head of heads ?? []) tracker.add(head);
  const plain = deviceOf(file, o.device);
  const device = heads ? new LinkingDevice(plain.key, plain.deviceId, plain.lastClock, tracker) : plain;
  const { members } = sync.state().state;
  const latest = sync.allEvents().findLast((e) => members[e.author]?.status === 'member');
  if (latest) device.observe(latest.hlc, o.now);
  const blobs = new BlobStore(o.folder, device.deviceId, undefined, () => o.now);
  const random = prng(`${file.keyId}/${o.device}/${latest?.id ?? ''}`);
  const batch: GroupEvent[] = [];
  const kinds = o.kinds?.length ? o.kinds : DEFAULT_KINDS;
  const othersSpeech = sync
    .allEvents()
    .findLast(
      (e) => e.kind === RECORDING_SHARED && e.author !== file.keyId && members[e.author]?.status === 'member',
    );
  for (let i = 0; i < o.events; i++) {
    const kind = kinds[i % kinds.length]!;
    if (kind === 'critique' && othersSpeech) {
      batch.push(
        device.event(
          CRITIQUE_COMMENT,
          { recording: othersSpeech.id, text: `第${i + 1}条点评 comment ${i + 1}` },
          o.now,
        ),
      );
    } else if (kind === 'speech') {
      const speech = tinySpeech(200 + Math.floor(random() * 300));
      await blobs.put(speech.audio);
      await blobs.put(speech.peaks);
      batch.push(
        recordingEvent(device, o.now, TITLES[i % TITLES.length]!, speech.audio, speech.peaks, {
          mime: 'audio/wav',
          durationMs: 250,
        }),
      );
    } else batch.push(profileEvent(device, o.now, `update ${i} from ${o.device}`));
  }
  const segment = await new DemoWriter(o.folder, o.keysDir, group.groupId, o.now).write(device, batch);
  file.devices[o.device]!.lastClock = device.lastClock;
  await saveKey(o.keysDir, file);
  return { written: batch.length, segment: segment ?? '' };
}

/** Compacts every demo member's device directories in full (the app merges as it writes). Returns segment files written. */
export async function compactDemo(folder: string, keysDir: string, now: number): Promise<number> {
  const group = await readGroupId(folder);
  if (group.status !== 'ok' || !group.groupId) throw new Error(group.message);
  let written = 0;
  const writer = new DemoWriter(folder, keysDir, group.groupId, now);
  for (const name of (await fs.readdir(keysDir)).filter((n) => /^member-\d+\.json$/.test(n)).sort()) {
    const file = keyFileSchema.parse(JSON.parse(await fs.readFile(path.join(keysDir, name), 'utf8')));
    for (const deviceName of Object.keys(file.devices))
      written += await writer.compactAll(deviceOf(file, deviceName));
  }
  return written;
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const e of await fs.readdir(dir, { withFileTypes: true }))
    n += e.isDirectory() ? await countFiles(path.join(dir, e.name)) : 1;
  return n;
}
