import { describe, expect, it } from 'vitest';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appRegistry } from '../../shared/group/appRegistry';
import { GroupSync } from '../services/groupFolder/groupSync';
import { cli, tempDirPerTest } from './cliTestKit';

const tempDir = tempDirPerTest('lectern-cli-');

describe('lectern-group', () => {
  it('creates a group, lets a member join and be approved, and agrees on the state hash', async () => {
    const folder = path.join(tempDir(), 'folder');
    const [coach, ana] = [path.join(tempDir(), 'coach'), path.join(tempDir(), 'ana')];
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
    const anaKey = JSON.parse(await readFile(path.join(ana, 'identity', 'member-key.json'), 'utf8'))
      .keyId as string;
    expect((await cli('approve', folder, anaKey, '--data', coach)).code).toBe(0);
    expect((await cli('append', folder, '--data', ana, '--bio', '我喜欢演讲')).code).toBe(0);

    const a = JSON.parse((await cli('sync', folder, '--data', ana, '--json')).out);
    const c = JSON.parse((await cli('sync', folder, '--data', coach, '--json')).out);
    const s = JSON.parse((await cli('state', folder, '--json')).out);
    expect(a.hash).toBe(c.hash);
    expect(s.hash).toBe(a.hash);
    expect(s.counts).toEqual({ members: 2, events: 4, recordings: 0, assignments: 0, submissions: 0 });

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
      const folder = path.join(tempDir(), name);
      const keys = path.join(tempDir(), `${name}-keys`);
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

  it('demo writes a weekly series with rules and check-ins; standings prints a table, JSON and CSV with BOM', async () => {
    const folder = path.join(tempDir(), 'rules');
    const keys = path.join(tempDir(), 'rules-keys');
    expect(
      (await cli('demo', folder, '--keys', keys, '--members', '5', '--weeks', '6', '--seed', 'r')).code,
    ).toBe(0);
    const state = JSON.parse((await cli('state', folder, '--json')).out);
    expect(state.counts.assignments).toBe(1);
    expect(state.counts.submissions).toBeGreaterThan(10);

    const asOf = '2030-01-01T00:00:00Z';
    const json = await cli('standings', folder, '--json', '--as-of', asOf);
    expect(json.code).toBe(0);
    const standings = JSON.parse(json.out);
    expect(standings).toMatchObject({
      asOf: '2030-01-01T00:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      rulesVersion: 1,
    });
    expect(standings.members).toHaveLength(4); // member 5 was removed
    const outcomes = standings.members.flatMap((m: { history: Array<{ outcome: string }> }) =>
      m.history.map((h) => h.outcome),
    );
    expect(outcomes).toHaveLength(4 * 6);
    expect(outcomes).toContain('on-time');
    expect(outcomes).toContain('pardoned'); // member 4 missed week 5; the coach pardoned it
    // The same standings from a second folder made with the same seed.
    const again = path.join(tempDir(), 'rules-2');
    await cli('demo', again, '--keys', `${again}-keys`, '--members', '5', '--weeks', '6', '--seed', 'r');
    expect(JSON.parse((await cli('standings', again, '--json', '--as-of', asOf)).out).members).toEqual(
      standings.members,
    );

    const table = await cli('standings', folder, '--as-of', asOf);
    expect(table.out.split('\n')).toHaveLength(5);
    expect(table.out).toMatch(/rules v1/);

    const file = path.join(tempDir(), 'standings.csv');
    expect((await cli('standings', folder, '--csv', '--as-of', asOf, '--out', file)).code).toBe(0);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^rank,name,member,status,points/);
    expect(rows).toHaveLength(5);
    expect((await cli('standings', folder, '--csv', '--as-of', asOf)).out.startsWith('\uFEFFrank,')).toBe(
      true,
    );

    // Before the first deadline nobody has a history yet.
    const early = JSON.parse(
      (await cli('standings', folder, '--json', '--as-of', '2000-01-01T00:00:00Z')).out,
    );
    expect(early.members.every((m: { history: unknown[] }) => m.history.length === 0)).toBe(true);
  });

  it('standings refuses a bad --as-of, both formats at once, and a missing folder', async () => {
    const folder = path.join(tempDir(), 'g');
    await cli('demo', folder, '--keys', path.join(tempDir(), 'k'), '--members', '2', '--weeks', '1');
    expect(await cli('standings', folder, '--as-of', 'yesterday')).toMatchObject({
      code: 2,
      out: expect.stringMatching(/--as-of/),
    });
    expect((await cli('standings', folder, '--as-of', '2026-03-08T21:00')).code).toBe(2); // no zone
    expect((await cli('standings', folder, '--json', '--csv')).code).toBe(2);
    expect((await cli('standings', path.join(tempDir(), 'nope'))).code).toBe(2);
  });

  it('says what is wrong and exits 2 for a missing folder, a non-group and bad arguments', async () => {
    expect(await cli('verify', path.join(tempDir(), 'nope'))).toMatchObject({
      code: 2,
      out: expect.stringMatching(/does not exist/),
    });
    expect(await cli('state', tempDir())).toMatchObject({
      code: 2,
      out: expect.stringMatching(/not a Lectern group/),
    });
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('join', tempDir())).code).toBe(2);
    expect((await cli('verify', tempDir(), '--bogus-flag')).code).toBe(2);
  });

  it('--clock makes every writer act at that wall clock, and a bad one is a usage error', async () => {
    const folder = path.join(tempDir(), 'clocked');
    const [coach, ana] = [path.join(tempDir(), 'coach'), path.join(tempDir(), 'ana')];
    const clock = ['--clock', '2030-01-01T00:00:00Z'];
    const at2030 = () => Date.parse('2030-01-01T00:00:01Z');
    await cli('init', '--data', coach);
    await cli('init', '--data', ana);
    const created = await cli(
      'create-group',
      folder,
      '--data',
      coach,
      '--name',
      'G',
      '--coach-name',
      'C',
      ...clock,
    );
    expect(created.code).toBe(0);
    expect((await cli('join', folder, '--data', ana, '--name', 'Ana', ...clock)).code).toBe(0);
    const anaKey = JSON.parse(await readFile(path.join(ana, 'identity', 'member-key.json'), 'utf8'))
      .keyId as string;
    expect((await cli('approve', folder, anaKey, '--data', coach, ...clock)).code).toBe(0);
    expect((await cli('append', folder, '--data', ana, '--bio', 'from 2030', ...clock)).code).toBe(0);
    expect((await cli('sync', folder, '--data', ana, ...clock)).code).toBe(0);

    const sync = new GroupSync({ folder, now: at2030, registry: appRegistry });
    await sync.sync();
    const hlcs = sync.allEvents().map((e) => e.hlc);
    expect(hlcs).toHaveLength(4);
    for (const hlc of hlcs) expect(hlc).toMatch(/^2030-01-01T00:00:00\.000Z-/);
    // Read at that clock too, nothing is from the future.
    const state = JSON.parse((await cli('state', folder, '--json', ...clock)).out);
    expect(state).toMatchObject({ counts: { members: 2, events: 4 }, quarantined: [] });

    // The demo, in both modes.
    const demo = path.join(tempDir(), 'demo');
    const keys = path.join(tempDir(), 'demo-keys');
    expect((await cli('demo', demo, '--keys', keys, '--members', '2', '--weeks', '1', ...clock)).code).toBe(
      0,
    );
    const demoSync = new GroupSync({
      folder: demo,
      now: () => Date.parse('2030-02-01T00:00:01Z'),
      registry: appRegistry,
    });
    const before = await demoSync.sync();
    expect(before.newEvents.every((e) => e.hlc < '2030-01-01T00:00:00.001Z')).toBe(true);
    const later = ['--clock', '2030-02-01T00:00:00Z'];
    expect(
      (await cli('demo', demo, '--keys', keys, '--as', '1', '--device', 'phone', '--events', '2', ...later))
        .code,
    ).toBe(0);
    const appended = (await demoSync.sync()).newEvents.map((e) => e.hlc);
    expect(appended).toHaveLength(2);
    for (const hlc of appended) expect(hlc).toMatch(/^2030-02-01T00:00:00\.000Z-/);

    for (const bad of ['yesterday', '2030-01-01T00:00:00', '2030-02-30T00:00:00Z', '1969-12-31T23:59:59Z']) {
      const result = await cli('append', folder, '--data', ana, '--bio', 'x', '--clock', bad);
      expect(result.code).toBe(2);
      expect(result.out).toMatch(/^lectern-group: --clock must be an ISO 8601 instant/);
      expect(result.out.split('\n')).toHaveLength(1);
    }
  });

  it("publishes past a file planted in the member's own directory, and says so", async () => {
    const folder = path.join(tempDir(), 'planted');
    const [coach, ana] = [path.join(tempDir(), 'coach'), path.join(tempDir(), 'ana')];
    await cli('init', '--data', coach);
    await cli('init', '--data', ana);
    await cli('create-group', folder, '--data', coach, '--name', 'G', '--coach-name', 'C');
    expect((await cli('join', folder, '--data', ana, '--name', 'Ana')).code).toBe(0);
    const { deviceId, keyId } = JSON.parse(
      await readFile(path.join(ana, 'identity', 'member-key.json'), 'utf8'),
    );
    const segments = path.join(folder, 'devices', deviceId, 'segments');
    await writeFile(path.join(segments, '999999999999-999999999999.json'), 'not even JSON');
    await cli('approve', folder, keyId, '--data', coach);
    const appended = await cli('append', folder, '--data', ana, '--bio', 'still here');
    expect(appended.code).toBe(0);
    expect(appended.out).toMatch(
      /in this device's directory: .*999999999999-999999999999\.json — invalid-segment/,
    );
    expect((await readdir(segments)).sort()).toEqual([
      '000000000001-000000000001.json',
      '000000000002-000000000002.json',
      '999999999999-999999999999.json',
    ]);
    const synced = JSON.parse((await cli('sync', folder, '--data', ana, '--json')).out);
    expect(synced.publishProblems).toEqual([
      {
        path: `devices/${deviceId}/segments/999999999999-999999999999.json`,
        reason: expect.stringMatching(/^invalid-segment/),
      },
    ]);
    expect(synced.counts).toMatchObject({ members: 2, events: 4 });
  });

  it('verify names the conflict copies a sync tool left, reads them as usual, and does not fail for them', async () => {
    const folder = path.join(tempDir(), 'folder');
    const [coach, ana] = [path.join(tempDir(), 'coach'), path.join(tempDir(), 'ana')];
    await cli('init', '--data', coach);
    await cli('init', '--data', ana);
    await cli('create-group', folder, '--data', coach, '--name', 'G', '--coach-name', 'C');
    expect((await cli('join', folder, '--data', ana, '--name', 'Ana')).code).toBe(0);
    const { deviceId } = JSON.parse(await readFile(path.join(ana, 'identity', 'member-key.json'), 'utf8'));
    const segment = `devices/${deviceId}/segments/000000000001-000000000001.json`;
    const segmentCopy = segment.replace('.json', ' (conflicted copy 2026-12-06).json');
    const genesisCopy = 'group.sync-conflict-20261206-104512-ABCDEFG.json';
    await copyFile(path.join(folder, segment), path.join(folder, segmentCopy));
    await copyFile(path.join(folder, 'group.json'), path.join(folder, genesisCopy));

    const json = await cli('verify', folder, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      quarantined: [],
      anomalies: [
        { kind: 'conflict-copy', path: segmentCopy, original: segment },
        { kind: 'conflict-copy', path: genesisCopy, original: 'group.json' },
      ],
    });
    const human = await cli('verify', folder);
    expect(human.code).toBe(0);
    expect(human.out).toContain(`conflict copy: ${genesisCopy} — a copy of group.json`);
    expect(human.out).toContain(`conflict copy: ${segmentCopy} — a copy of ${segment}`);
  });
});
