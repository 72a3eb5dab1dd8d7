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
import { appRegistry } from '../../shared/group/appRegistry';
import { causalGroup } from '../../shared/group/causalScenario';
import type { Peer } from '../../shared/group/causalScenario';
import type { GroupEvent } from '../../shared/group/groupEvent';
import { writeGenesisFile } from '../../electron/services/groupFolder/segmentWriter';
import { checkConfigXml, instanceConfigXml } from '../integration/syncthing/syncthingConfig';
import { SyncthingPair, findSyncthing } from '../integration/syncthing/syncthingPair';

const binary = findSyncthing();
const quiet = { out: () => {}, env: {} };
let pair: SyncthingPair | null = null;
let base = '';

const bases: string[] = [];
afterAll(async () => {
  // Whatever happened: both instances stopped (process groups killed), temp files gone.
  await pair?.stop();
  for (const dir of bases) await rm(dir, { recursive: true, force: true });
});

/** Two fresh instances (the previous pair, if any, stopped first: they would share ports). */
async function startPair(prefix: string): Promise<SyncthingPair> {
  await pair?.stop();
  base = await mkdtemp(path.join(tmpdir(), prefix));
  bases.push(base);
  pair = new SyncthingPair(base, binary!);
  await pair.start();
  return pair;
}

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
      const started = await startPair('lectern-syncthing-');
      const { a, b } = started;
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
      await started.scan();
      await started.waitInSync(40_000, () => sameFiles(a.folder, b.folder));

      // At the same time: on A, member 1 writes with the CLI's demo from a new device; on B,
      // member 2 writes through the app's outbox and member 3 (member 4 was removed in the demo) with the demo, each into their own copy.
      const member2 = JSON.parse(await readFile(path.join(keys, 'member-2.json'), 'utf8')) as {
        secretKey: string;
      };
      const device2 = new MemberDevice(
        memberKeyFromSecret(hexToBytes(member2.secretKey)),
        '2222222222222222',
      );
      const onBCopy = new GroupSync({ folder: b.folder, registry: appRegistry });
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
      // Twenty writes the app's way (one event, the tiered merge, a publish): the merges replace
      // files, and Syncthing carries the merged files and the deletions across in its own order.
      const fromOutbox = Array.from({ length: 20 }, (_, i) =>
        profileEvent(device2, Date.now(), `从 B 写的第 ${i} 条 written on B`),
      );
      const writeFromOutbox = async () => {
        for (const event of fromOutbox) {
          await outbox.write(event);
          await outbox.publish();
        }
      };
      const [onA, , onB] = await Promise.all([
        runGroupCli(
          ['demo', a.folder, '--keys', keys, '--as', '1', '--device', 'desk-a', '--events', '5'],
          quiet,
        ),
        writeFromOutbox(),
        runGroupCli(
          ['demo', b.folder, '--keys', keys, '--as', '3', '--device', 'phone-b', '--events', '4'],
          quiet,
        ),
      ]);
      expect([onA, onB]).toEqual([0, 0]);

      await started.scan();
      await started.waitInSync(40_000, () => sameFiles(a.folder, b.folder));
      const [stateA, stateB] = [await stateOf(a.folder), await stateOf(b.folder)];
      expect(stateA.quarantined).toEqual([]);
      expect(stateA.hash).toBe(stateB.hash);
      const before = onBCopy.allEvents().length;
      expect(stateA.counts.events).toBe(before + 5 + fromOutbox.length + 4);
      const onACopy = new GroupSync({ folder: a.folder, registry: appRegistry });
      await onACopy.sync();
      const ids = new Set(onACopy.allEvents().map((e) => e.id));
      for (const e of fromOutbox) expect(ids.has(e.id)).toBe(true);
      // Twenty writes left a handful of files on both copies (2 tier-1 files and 4 small ones).
      const mine = `devices/${device2.deviceId}/segments`;
      const [filesA, filesB] = [
        await readdir(path.join(a.folder, mine)),
        await readdir(path.join(b.folder, mine)),
      ];
      expect(filesA.sort()).toEqual(filesB.sort());
      expect(filesA.filter((f) => f.endsWith('.json'))).toHaveLength(6);
    },
  );
});

describe.skipIf(!binary)('two real Syncthing instances, a format-2 group', () => {
  it(
    'a removal and a counter-removal written at the same moment on both copies converge: the creator wins',
    { timeout: 90_000 },
    async () => {
      const { a, b } = await startPair('lectern-syncthing-causal-');
      const [creator, cocoach] = causalGroup('syncthing', 1, Date.now() - 60_000, appRegistry) as [
        Peer,
        Peer,
      ];
      // Each computer publishes through the app's outbox into its own copy of the folder.
      const outboxOf = (peer: Peer, folder: string) =>
        new Outbox({
          dataDir: path.join(base, `outbox-${peer.device.deviceId}`),
          folder,
          key: peer.device.key,
          group: creator.groupId,
          device: peer.device.deviceId,
        });
      const onA = outboxOf(creator, a.folder);
      const onB = outboxOf(cocoach, b.folder);
      const publish = async (outbox: Outbox, events: GroupEvent[]) => {
        await outbox.append(events);
        await outbox.publish();
      };
      const read = async (peer: Peer, folder: string) => {
        const sync = new GroupSync({ folder, registry: appRegistry });
        await sync.sync();
        peer.receive(sync.allEvents());
        return sync;
      };
      const settle = async () => {
        await pair!.scan();
        await pair!.waitInSync(40_000, () => sameFiles(a.folder, b.folder));
      };
      await writeGenesisFile(
        a.folder,
        creator.device.key,
        creator.device.deviceId,
        [...creator.known.values()][0]!,
      );
      await settle();
      await publish(onB, [cocoach.join('小林', Date.now())]);
      await settle();
      await read(creator, a.folder);
      await publish(onA, [
        creator.decide(cocoach, 'approve', Date.now()),
        creator.decide(cocoach, 'promote', Date.now()),
      ]);
      await settle();
      await read(cocoach, b.folder);

      // Neither has seen the other's decision: both publish at once, into their own copies.
      await Promise.all([
        publish(onA, [creator.decide(cocoach, 'remove', Date.now())]),
        publish(onB, [cocoach.decide(creator, 'remove', Date.now())]),
      ]);
      await settle();
      const [stateA, stateB] = [await stateOf(a.folder), await stateOf(b.folder)];
      // Only the losing counter-removal is reported, as written by a key that was removed.
      expect(stateA.quarantined).toEqual([
        {
          path: expect.stringContaining(`devices/${cocoach.device.deviceId}/`),
          reason: expect.stringMatching(/^removed-key/),
        },
      ]);
      expect(stateA.hash).toBe(stateB.hash);
      const members = (await read(creator, b.folder)).state().state.members;
      expect(members[creator.keyId]).toMatchObject({ status: 'member', role: 'coach' });
      expect(members[cocoach.keyId]).toMatchObject({ status: 'removed', role: 'member' });
    },
  );
});

if (!binary) {
  describe('two real Syncthing instances on loopback', () => {
    it.skip('skipped: no `syncthing` binary on PATH (apt-get install syncthing)', () => {});
  });
}
