import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGroupCli } from './groupCli';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-cli-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runGroupCli(argv, { out: (l) => lines.push(l), env: {} });
  return { code, out: lines.join('\n') };
}

describe('lectern-group', () => {
  it('creates a group, lets a member join and be approved, and agrees on the state hash', async () => {
    const folder = path.join(dir, 'folder');
    const [coach, ana] = [path.join(dir, 'coach'), path.join(dir, 'ana')];
    expect((await cli('init', '--data', coach)).code).toBe(0);
    expect((await cli('init', '--data', ana)).code).toBe(0);
    const created = await cli(
      'create-group',
      folder,
      '--data',
      coach,
      '--name',
      '周三演讲社',
      '--coach-name',
      '王老师',
      '--charter',
      '质量优先',
      '--tz',
      'Asia/Shanghai',
    );
    expect(created.code).toBe(0);
    expect((await cli('join', folder, '--data', ana, '--name', '安娜')).code).toBe(0);
    const anaKey = JSON.parse(await readFile(path.join(ana, 'identity.json'), 'utf8')).keyId as string;
    expect((await cli('approve', folder, anaKey, '--data', coach)).code).toBe(0);
    expect((await cli('append', folder, '--data', ana, '--bio', '我喜欢演讲')).code).toBe(0);

    const a = JSON.parse((await cli('sync', folder, '--data', ana, '--json')).out);
    const c = JSON.parse((await cli('sync', folder, '--data', coach, '--json')).out);
    const s = JSON.parse((await cli('state', folder, '--json')).out);
    expect(a.hash).toBe(c.hash);
    expect(s.hash).toBe(a.hash);
    expect(s.counts).toEqual({ members: 2, events: 4, recordings: 0 });

    const verified = await cli('verify', folder, '--json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ events: 4, members: 2, quarantined: [] });
    await writeFile(path.join(folder, 'stray.txt'), 'x');
    const flagged = await cli('verify', folder, '--json');
    expect(flagged.code).toBe(1);
    expect(JSON.parse(flagged.out).quarantined).toEqual([
      { path: 'stray.txt', reason: expect.stringMatching(/^unexpected-file/) },
    ]);
  });

  it('demo writes a realistic, deterministic group with keys outside the folder, and appends as a member', async () => {
    const make = async (name: string) => {
      const folder = path.join(dir, name);
      const keys = path.join(dir, `${name}-keys`);
      expect(
        (await cli('demo', folder, '--keys', keys, '--members', '3', '--weeks', '2', '--seed', 's')).code,
      ).toBe(0);
      return { folder, keys, state: JSON.parse((await cli('state', folder, '--json')).out) };
    };
    const a = await make('a');
    const b = await make('b');
    expect(a.state.hash).toBe(b.state.hash);
    expect(a.state.counts.members).toBe(3);
    expect(a.state.counts.recordings).toBeGreaterThan(0);
    expect((await readdir(a.folder)).sort()).toEqual(['devices', 'group.json']);
    expect(
      (await cli('demo', a.folder, '--keys', a.keys, '--as', '1', '--device', 'phone', '--events', '4')).code,
    ).toBe(0);
    const after = JSON.parse((await cli('verify', a.folder, '--json')).out);
    expect(after.quarantined).toEqual([]);
    expect(after.events).toBe(a.state.counts.events + 4);
  });

  it('says what is wrong and exits 2 for a missing folder, a non-group and bad arguments', async () => {
    expect(await cli('verify', path.join(dir, 'nope'))).toMatchObject({
      code: 2,
      out: expect.stringMatching(/does not exist/),
    });
    expect(await cli('state', dir)).toMatchObject({
      code: 2,
      out: expect.stringMatching(/not a Lectern group/),
    });
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('join', dir)).code).toBe(2);
    expect((await cli('verify', dir, '--bogus-flag')).code).toBe(2);
  });
});
