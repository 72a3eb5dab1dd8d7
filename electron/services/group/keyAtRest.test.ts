// The member key at rest: sealed by the OS where the host has a sealer (the desktop app), plain and
// owner-only where not (the web host, the CLI), older plain files sealed at their next save, and a
// file that cannot be opened never deleted, never overwritten, never replaced by a quiet new key.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemberKey } from '../../../shared/group/identity';
import { tempDir } from '../groupFolder/testGroupFolder';
import { MemberIdentity } from './memberIdentity';
import type { SecretSealer } from './secretSealer';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('at-rest'));
});
afterEach(() => cleanup());

const keyFile = (dataDir: string) => path.join(dataDir, 'identity', 'member-key.json');
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** A stand-in for safeStorage: reversible, keyed by the "OS account" it was made for. */
function fakeSealer(account = 'me', available = true): SecretSealer {
  const pad = Buffer.from(account.padEnd(32, '#'));
  const xor = (bytes: Uint8Array) => Uint8Array.from(bytes, (b, i) => b ^ pad[i % pad.length]!);
  return {
    name: 'safeStorage',
    available,
    seal: async (secret) => Uint8Array.from([...Buffer.from(account), 0, ...xor(secret)]),
    unseal: async (sealed) => {
      const at = sealed.indexOf(0);
      if (Buffer.from(sealed.subarray(0, at)).toString() !== account) throw new Error('not this account');
      return xor(sealed.subarray(at + 1));
    },
  };
}

describe('the member key at rest', () => {
  it('is sealed where the host has a sealer: no secret in the file, opened again by the same sealer', async () => {
    const dataDir = path.join(root, 'app');
    const identity = new MemberIdentity(dataDir, { sealer: fakeSealer() });
    const device = await identity.current();
    const text = await readFile(keyFile(dataDir), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 2, sealed: 'safeStorage', keyId: device.key.keyId });
    expect(text).not.toContain(hex(device.key.secretKey));
    expect((await identity.report()).atRest).toBe('sealed');

    const again = new MemberIdentity(dataDir, { sealer: fakeSealer() });
    expect((await again.current()).key.keyId).toBe(device.key.keyId);
  });

  it('is written plainly (version 1, as before) without one, and says so', async () => {
    const dataDir = path.join(root, 'web');
    const identity = new MemberIdentity(dataDir, { sealer: fakeSealer('me', false) });
    const device = await identity.current();
    expect(JSON.parse(await readFile(keyFile(dataDir), 'utf8'))).toMatchObject({
      version: 1,
      secretKey: hex(device.key.secretKey),
    });
    expect((await identity.report()).atRest).toBe('plaintext');
  });

  it('opens an older plain file and seals it, keeping key and device id', async () => {
    const dataDir = path.join(root, 'older');
    const device = await new MemberIdentity(dataDir).current();
    const sealed = new MemberIdentity(dataDir, { sealer: fakeSealer() });
    expect(await sealed.report()).toMatchObject({
      keyId: device.key.keyId,
      deviceId: device.deviceId,
      atRest: 'sealed',
      notice: null,
    });
    const text = await readFile(keyFile(dataDir), 'utf8');
    expect(JSON.parse(text).version).toBe(2);
    expect(text).not.toContain(hex(device.key.secretKey));
  });

  it('leaves a sealed file it cannot open exactly as it is, and a backup brings the key back beside it', async () => {
    const dataDir = path.join(root, 'copied');
    const device = await new MemberIdentity(dataDir, { sealer: fakeSealer('laptop') }).current();
    const bytes = await readFile(keyFile(dataDir));

    // No sealer here (the web host, the CLI), or one that refuses (another OS account or computer).
    for (const identity of [
      new MemberIdentity(dataDir),
      new MemberIdentity(dataDir, { sealer: fakeSealer('someone else') }),
    ]) {
      const report = await identity.report();
      expect(report).toMatchObject({
        keyId: null,
        problem: { reason: 'sealed', keptAs: path.join('identity', 'member-key.json') },
      });
      await expect(identity.current()).rejects.toMatchObject({ messageKey: 'errors.identitySealed' });
      expect(await readFile(keyFile(dataDir))).toEqual(bytes);
    }

    const identity = new MemberIdentity(dataDir, { sealer: fakeSealer('someone else') });
    const restored = await identity.useKey(device.key, []);
    expect(restored.key.keyId).toBe(device.key.keyId);
    const names = await readdir(path.join(dataDir, 'identity'));
    const aside = names.find((n) => n.startsWith('member-key.sealed-'))!;
    expect(await readFile(path.join(dataDir, 'identity', aside))).toEqual(bytes);
  });

  it('never makes a new key over a file it could not read, not even after a restart', async () => {
    const dataDir = path.join(root, 'damaged');
    await mkdir(path.join(dataDir, 'identity'), { recursive: true });
    await writeFile(keyFile(dataDir), '{"version": 2, "sealed": "safeStorage"');
    const first = await new MemberIdentity(dataDir).report();
    expect(first.problem?.reason).toBe('unreadable');
    const second = new MemberIdentity(dataDir);
    await expect(second.current()).rejects.toMatchObject({ messageKey: 'errors.identityUnreadable' });
    expect((await second.report()).problem).toEqual(first.problem);
    expect(await readdir(path.join(dataDir, 'identity'))).toEqual([path.basename(first.problem!.keptAs)]);
  });

  it('moves the CLI’s old identity.json in (same key and device) and removes it only then', async () => {
    const dataDir = path.join(root, 'cli');
    const key = createMemberKey();
    const old = { version: 1, keyId: key.keyId, secretKey: hex(key.secretKey), deviceId: '0123456789abcdef' };
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'identity.json'), JSON.stringify(old), { mode: 0o600 });
    const report = await new MemberIdentity(dataDir).report();
    expect(report).toMatchObject({ keyId: key.keyId, deviceId: old.deviceId, notice: null });
    expect(JSON.parse(await readFile(keyFile(dataDir), 'utf8'))).toMatchObject(old);
    expect(await readdir(dataDir)).toEqual(['identity']);
  });
});
