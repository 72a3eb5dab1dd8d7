// The attacks of issue #11, replayed through the CLI on a format-2 group: a removed co-coach who
// backdates a counter-removal, a stranger who pushes clocks, a member who nests a body too deep.
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSegment, encodeSegment } from '../../shared/group/segment';
import { createEvent } from '../../shared/group/groupEvent';
import { memberKeyFromSecret } from '../../shared/group/identity';
import { hexToBytes } from '@noble/hashes/utils.js';
import { cli, tempDirPerTest } from './cliTestKit';

const tempDir = tempDirPerTest('lectern-trust-');

const keyOf = async (data: string) =>
  JSON.parse(await readFile(path.join(data, 'identity', 'member-key.json'), 'utf8')) as {
    keyId: string;
    secretKey: string;
    deviceId: string;
  };
const iso = (ms: number) => new Date(ms).toISOString();

/** A creator, a co-coach and a member in a format-2 group, everyone approved; the co-coach promoted at `t0 + 5 min`. */
async function group(t0: number) {
  const folder = path.join(tempDir(), 'folder');
  const [creator, cocoach, bo] = ['creator', 'cocoach', 'bo'].map((n) => path.join(tempDir(), n)) as [
    string,
    string,
    string,
  ];
  for (const d of [creator, cocoach, bo]) expect((await cli('init', '--data', d)).code).toBe(0);
  const at = (minutes: number) => ['--clock', iso(t0 + minutes * 60_000)];
  expect(
    (
      await cli(
        'create-group',
        folder,
        '--data',
        creator,
        '--name',
        '周三',
        '--coach-name',
        '王老师',
        ...at(0),
      )
    ).code,
  ).toBe(0);
  expect((await cli('join', folder, '--data', cocoach, '--name', '小林', ...at(1))).code).toBe(0);
  expect((await cli('join', folder, '--data', bo, '--name', 'Bo', ...at(2))).code).toBe(0);
  const [c, k, b] = [await keyOf(creator), await keyOf(cocoach), await keyOf(bo)];
  expect((await cli('approve', folder, k.keyId, '--data', creator, ...at(3))).code).toBe(0);
  expect((await cli('approve', folder, b.keyId, '--data', creator, ...at(4))).code).toBe(0);
  expect(
    (await cli('approve', folder, k.keyId, '--data', creator, '--decision', 'promote', ...at(5))).code,
  ).toBe(0);
  expect((await cli('sync', folder, '--data', cocoach, ...at(6))).code).toBe(0);
  return { folder, creator, cocoach, bo, keys: { creator: c, cocoach: k, bo: b }, at };
}

async function copySegments(from: string, to: string) {
  for (const name of await readdir(path.join(from, 'devices'), { recursive: true })) {
    if (!name.endsWith('.json')) continue;
    await cp(path.join(from, 'devices', name), path.join(to, 'devices', name), {
      force: false,
      errorOnExist: false,
    });
  }
}

describe('group trust, through the CLI (format 2)', () => {
  it('a removed co-coach writing "remove the creator" from a stale copy, dated back, changes nothing', async () => {
    const t0 = Date.now() - 3_600_000;
    const g = await group(t0);
    // Her laptop keeps a copy of the folder from before her removal (a sync tool paused).
    const stale = path.join(tempDir(), 'stale');
    await cp(g.folder, stale, { recursive: true });
    expect(
      (
        await cli(
          'approve',
          g.folder,
          g.keys.cocoach.keyId,
          '--data',
          g.creator,
          '--decision',
          'remove',
          ...g.at(30),
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await cli(
          'approve',
          g.folder,
          g.keys.bo.keyId,
          '--data',
          g.creator,
          '--decision',
          'remove',
          ...g.at(31),
        )
      ).code,
    ).toBe(0);
    const before = JSON.parse((await cli('state', g.folder, '--json')).out);
    // One minute after her promotion: remove the creator, take Bo back in.
    expect(
      (
        await cli(
          'approve',
          stale,
          g.keys.creator.keyId,
          '--data',
          g.cocoach,
          '--decision',
          'remove',
          ...g.at(6),
        )
      ).code,
    ).toBe(0);
    expect(
      (await cli('approve', stale, g.keys.bo.keyId, '--data', g.cocoach, '--decision', 'approve', ...g.at(7)))
        .code,
    ).toBe(0);
    await copySegments(stale, g.folder); // the sync tool resumes
    const after = JSON.parse((await cli('state', g.folder, '--json')).out);
    expect(after.hash).toBe(before.hash);
    const roles = Object.fromEntries(
      after.members.map((m: { keyId: string; role: string; status: string }) => [
        m.keyId,
        `${m.status}/${m.role}`,
      ]),
    );
    expect(roles[g.keys.creator.keyId]).toBe('member/coach');
    expect(roles[g.keys.cocoach.keyId]).toBe('removed/member');
    expect(roles[g.keys.bo.keyId]).toBe('removed/member');
    const verified = JSON.parse((await cli('verify', g.folder, '--json')).out);
    expect(verified.setAside.map((a: { author: string; reason: string }) => [a.author, a.reason])).toEqual([
      [g.keys.cocoach.keyId, 'not-a-coach'],
      [g.keys.cocoach.keyId, 'not-a-coach'],
    ]);
  });

  it("a stranger's segment dated +23.9 h is refused and moves no member's clock; +9 min moves none either", async () => {
    const now = Date.now();
    const g = await group(now - 3_600_000);
    const stranger = path.join(tempDir(), 'stranger');
    expect((await cli('init', '--data', stranger)).code).toBe(0);
    expect(
      (
        await cli(
          'join',
          g.folder,
          '--data',
          stranger,
          '--name',
          '小明 Bob',
          '--clock',
          iso(now + 23.9 * 3_600_000),
        )
      ).code,
    ).toBe(0);
    const verified = JSON.parse((await cli('verify', g.folder, '--json')).out);
    expect(verified.quarantined).toEqual([
      {
        path: expect.stringContaining('devices/'),
        reason: expect.stringMatching(/^segment clock-drift|^clock-drift/),
      },
    ]);
    const other = path.join(tempDir(), 'stranger2');
    expect((await cli('init', '--data', other)).code).toBe(0);
    expect(
      (await cli('join', g.folder, '--data', other, '--name', 'Eve', '--clock', iso(now + 9 * 60_000))).code,
    ).toBe(0);
    // Bo writes now: his event is dated now, not after the strangers' clocks.
    const wrote = await cli('append', g.folder, '--data', g.bo, '--bio', 'hello', '--clock', iso(now));
    expect(wrote.code).toBe(0);
    const state = JSON.parse(
      (await cli('sync', g.folder, '--data', g.bo, '--json', '--clock', iso(now))).out,
    );
    expect(
      state.members.some(
        (m: { name: string; status: string }) => m.name === 'Eve' && m.status === 'applicant',
      ),
    ).toBe(true);
    const identity = await keyOf(g.bo);
    const lastClock = (
      JSON.parse(await readFile(path.join(g.bo, 'identity', 'member-key.json'), 'utf8')) as {
        lastClock: string;
      }
    ).lastClock;
    expect(Date.parse(lastClock.slice(0, 24))).toBeLessThan(now + 60_000);
    expect(identity.keyId).toBe(g.keys.bo.keyId);
  });

  it('a body nested 1,200 deep is refused the same way on every computer, by its nesting', async () => {
    const g = await group(Date.now() - 3_600_000);
    const bo = await keyOf(g.bo);
    let body: unknown = 'leaf';
    for (let i = 0; i < 1_200; i++) body = { deeper: body };
    const key = memberKeyFromSecret(hexToBytes(bo.secretKey));
    const groupId = JSON.parse((await cli('state', g.folder, '--json')).out).group as string;
    // JSON.stringify itself recurses; 1,200 levels fit any stack. The segment is built by hand, not canonicalised.
    const event = {
      id: '0'.repeat(64),
      hlc: `${iso(Date.now() - 60_000)}-0000-${bo.deviceId}`,
      author: bo.keyId,
      kind: 'member.profile',
      body,
      prev: [],
    };
    const honest = createSegment(key, { group: groupId, device: bo.deviceId, first: 900, last: 900 }, [
      createEvent(bo.keyId, event.hlc, 'member.profile', { bio: 'x' }, []),
    ]);
    const planted = { ...JSON.parse(new TextDecoder().decode(encodeSegment(honest))), events: [event] };
    const rel = path.join('devices', bo.deviceId, 'segments', '000000000900-000000000900.json');
    await writeFile(path.join(g.folder, rel), JSON.stringify(planted));
    const verified = JSON.parse((await cli('verify', g.folder, '--json')).out);
    expect(verified.quarantined).toEqual([
      { path: rel.split(path.sep).join('/'), reason: expect.stringMatching(/too-deep/) },
    ]);
  });
});
