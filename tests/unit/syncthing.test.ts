// Two real Syncthing instances (Debian's `syncthing`, loopback only) carry one group folder between
// two computers' copies. Both write at the same time, each into its own device directory; once
// Syncthing settles, both copies fold to the same state hash holding both devices' events.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterAll, describe, expect, it } from 'vitest';
import { runGroupCli } from '../../electron/cli/groupCli';
import { GroupSync } from '../../electron/services/groupFolder/groupSync';
import { Outbox } from '../../electron/services/groupFolder/outbox';
import { memberKeyFromSecret } from '../../shared/group/identity';
import { MemberDevice } from '../../shared/group/memberDevice';
import { profileEvent } from '../../shared/group/scenario';
import { checkConfigXml, instanceConfigXml } from '../integration/syncthing/syncthingConfig';
import { SyncthingPair, findSyncthing } from '../integration/syncthing/syncthingPair';

const binary = findSyncthing();
const quiet = { out: () => {}, env: {} };
let pair: SyncthingPair | null = null;
let base = '';

afterAll(async () => {
  // Whatever happened: both instances stopped (process groups killed), temp files gone.
  await pair?.stop();
  if (base) await rm(base, { recursive: true, force: true });
});

/** Every file of a folder with its bytes, minus Syncthing's own and in-flight files. */
async function snapshot(dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.name === '.stfolder' || e.name.startsWith('.syncthing.') || e.name.startsWith('~syncthing~'))
      continue;
    if (e.isDirectory()) for (const [k, v] of await snapshot(dir, r)) out.set(k, v);
    else out.set(r, (await readFile(path.join(dir, r))).toString('base64'));
  }
  return out;
}
async function sameFiles(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([snapshot(a), snapshot(b)]);
  return x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
}
async function stateOf(folder: string) {
  const lines: string[] = [];
  const code = await runGroupCli(['state', folder, '--json'], { out: (l) => lines.push(l), env: {} });
  expect(code).toBe(0);
  return JSON.parse(lines.join('\n')) as { hash: string; counts: { events: number }; quarantined: unknown[] };
}

describe('the harness config', () => {
  it('passes its own loopback-only check, and any outside connection fails it', () => {
    const text = instanceConfigXml({
      configVersion: 36,
      selfId: 'A'.repeat(63),
      selfName: 'A',
      listenPort: 40001,
      guiPort: 40002,
      apiKey: 'k',
      peerId: 'B'.repeat(63),
      peerName: 'B',
      peerPort: 40003,
      folderId: 'f',
      folderPath: '/tmp/f',
    });
    expect(checkConfigXml(text)).toEqual([]);
    for (const [from, to] of [
      ['<globalAnnounceEnabled>false', '<globalAnnounceEnabled>true'],
      ['<urAccepted>-1', '<urAccepted>0'],
      ['tcp://127.0.0.1:40001</listenAddress>', 'tcp://0.0.0.0:40001</listenAddress>'],
      ['<address>127.0.0.1:40002', '<address>0.0.0.0:40002'],
      ['<address>tcp://127.0.0.1:40003', '<address>dynamic'],
      ['    <relaysEnabled>false</relaysEnabled>\n', ''],
    ])
      expect(checkConfigXml(text.replace(from!, to!))).not.toEqual([]);
  });
});

describe.skipIf(!binary)('two real Syncthing instances on loopback', () => {
  it(
    'carry concurrent writes of two devices to the same state hash on both copies',
    { timeout: 90_000 },
    async () => {
      base = await mkdtemp(path.join(tmpdir(), 'lectern-syncthing-'));
      pair = new SyncthingPair(base, binary!);
      await pair.start();
      const { a, b } = pair;
      // They found each other over loopback only.
      const link = await a.rest('/rest/system/connections');
      expect(link.connections[b.deviceId].address).toMatch(/^127\.0\.0\.1:/);
      const keys = path.join(base, 'keys');

      // The coach's computer (A) creates a small demo group; Syncthing brings it to B.
      expect(
        await runGroupCli(
          ['demo', a.folder, '--keys', keys, '--members', '4', '--weeks', '2', '--seed', 'st'],
          quiet,
        ),
      ).toBe(0);
      await pair.scan();
      await pair.waitInSync(40_000, () => sameFiles(a.folder, b.folder));

      // At the same time: on A, member 1 writes with the CLI's demo from a new device; on B,
      // member 2 writes through the app's outbox and member 3 (member 4 was removed in the demo) with the demo, each into their own copy.
      const member2 = JSON.parse(await readFile(path.join(keys, 'member-2.json'), 'utf8')) as {
        secretKey: string;
      };
      const device2 = new MemberDevice(
        memberKeyFromSecret(hexToBytes(member2.secretKey)),
        '2222222222222222',
      );
      const onBCopy = new GroupSync({ folder: b.folder });
      await onBCopy.sync();
      const latest = onBCopy.allEvents().at(-1)!;
      device2.observe(latest.hlc, Date.now());
      const outbox = new Outbox({
        dataDir: path.join(base, 'member2-data'),
        folder: b.folder,
        key: device2.key,
        group: onBCopy.groupId!,
        device: device2.deviceId,
      });
      const fromOutbox = [
        profileEvent(device2, Date.now(), '从 B 写的 written on B'),
        profileEvent(device2, Date.now(), 'again'),
      ];
      const [onA, , onB] = await Promise.all([
        runGroupCli(
          ['demo', a.folder, '--keys', keys, '--as', '1', '--device', 'desk-a', '--events', '5'],
          quiet,
        ),
        outbox.append(fromOutbox).then(() => outbox.publish()),
        runGroupCli(
          ['demo', b.folder, '--keys', keys, '--as', '3', '--device', 'phone-b', '--events', '4'],
          quiet,
        ),
      ]);
      expect([onA, onB]).toEqual([0, 0]);

      await pair.scan();
      await pair.waitInSync(40_000, () => sameFiles(a.folder, b.folder));
      const [stateA, stateB] = [await stateOf(a.folder), await stateOf(b.folder)];
      expect(stateA.quarantined).toEqual([]);
      expect(stateA.hash).toBe(stateB.hash);
      const before = onBCopy.allEvents().length;
      expect(stateA.counts.events).toBe(before + 5 + fromOutbox.length + 4);
      const onACopy = new GroupSync({ folder: a.folder });
      await onACopy.sync();
      const ids = new Set(onACopy.allEvents().map((e) => e.id));
      for (const e of fromOutbox) expect(ids.has(e.id)).toBe(true);
    },
  );
});

if (!binary) {
  describe('two real Syncthing instances on loopback', () => {
    it.skip('skipped: no `syncthing` binary on PATH (apt-get install syncthing)', () => {});
  });
}
