// The member identity on disk and its passphrase backup through main's path: Node's scrypt off the
// event loop, hostile backups refused before any KDF runs, the key file readable by its owner alone.
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LecternError } from '../../../shared/api/errors';
import { createMemberKey } from '../../../shared/group/identity';
import { nobleScrypt } from '../../../shared/group/keyBackup';
import type { ScryptKdf } from '../../../shared/group/keyBackup';
import { tempDir } from '../groupFolder/testGroupFolder';
import { IDENTITY_DIR, MemberIdentity } from './memberIdentity';
import { nodeScrypt } from './nodeScrypt';

vi.mock('./nodeScrypt', async (importOriginal) => {
  const actual: { nodeScrypt: ScryptKdf } = await importOriginal();
  return { nodeScrypt: vi.fn(actual.nodeScrypt) };
});

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const POSIX = process.platform !== 'win32';

/**
 * A backup an earlier build wrote with the defaults (N = 2^17, r = 8, p = 1, the pure scrypt) for
 * the key of 32 bytes of 7, under "correct horse battery".
 */
const DEFAULTS_BACKUP = `{
  "format": "lectern-key-backup",
  "version": 2,
  "keyId": "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c",
  "kdf": {
    "name": "scrypt",
    "N": 131072,
    "r": 8,
    "p": 1,
    "salt": "0b30557a9fc4e90e33587da2c7ec1136"
  },
  "cipher": {
    "name": "xchacha20-poly1305",
    "nonce": "5b80a5caef14395e83a8cdf2173c6186abd0f51a3f6489ae"
  },
  "ciphertext": "04b203724e06f9ce980075f8fdbcf704137f8945374a615a5e668582122e8f72d73d280f37d56a7411070f51dc12293b"
}
`;

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('identity'));
  vi.mocked(nodeScrypt).mockClear();
});
afterEach(() => cleanup());

const mode = async (file: string) => (await stat(file)).mode & 0o777;
const keyFile = (dataDir: string) => path.join(dataDir, IDENTITY_DIR, 'member-key.json');

async function refusal(promise: Promise<unknown>): Promise<LecternError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LecternError);
  return err as LecternError;
}

describe('MemberIdentity', () => {
  it('round-trips its key through a backup on the async path, with Node’s scrypt', async () => {
    const laptop = new MemberIdentity(path.join(root, 'laptop'), { scrypt: FAST });
    const backup = await laptop.exportBackup('correct horse battery');
    const phone = new MemberIdentity(path.join(root, 'phone'), { scrypt: FAST });
    const device = await phone.importBackup(backup, 'correct horse battery', []);
    expect(device.key.keyId).toBe((await laptop.current()).key.keyId);
    expect(device.deviceId).not.toBe((await laptop.current()).deviceId);
    expect(vi.mocked(nodeScrypt)).toHaveBeenCalledTimes(2);
    expect((await new MemberIdentity(path.join(root, 'phone')).current()).key.keyId).toBe(device.key.keyId);

    const wrong = await refusal(new MemberIdentity(path.join(root, 'x')).importBackup(backup, 'nope', []));
    expect(wrong).toMatchObject({ code: 'invalid_input', messageKey: 'errors.keyBackupPassphrase' });
  });

  it('imports a backup made with the defaults by an earlier build', async () => {
    const identity = new MemberIdentity(path.join(root, 'new'));
    const device = await identity.importBackup(DEFAULTS_BACKUP, 'correct horse battery', []);
    expect(device.key.keyId).toBe(createMemberKey(new Uint8Array(32).fill(7)).keyId);
    expect(vi.mocked(nodeScrypt).mock.calls[0]?.[2]).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  });

  it('refuses hostile scrypt parameters with a typed reason, before any KDF runs', async () => {
    const file = JSON.parse(DEFAULTS_BACKUP);
    const identity = new MemberIdentity(path.join(root, 'target'));
    for (const kdf of [
      { N: 2 ** 19, r: 15, p: 4 }, // 15 s of main's event loop and 2 GB, as reported
      { N: 2 ** 20 }, // a raw "memory limit exceeded" before
      { N: 2 ** 18, r: 16 },
      { p: 2 },
    ]) {
      const text = JSON.stringify({ ...file, kdf: { ...file.kdf, ...kdf } });
      const err = await refusal(identity.importBackup(text, 'correct horse battery', []));
      expect(err).toMatchObject({
        code: 'invalid_input',
        messageKey: 'errors.keyBackupMalformed',
        details: { reason: 'malformed' },
      });
    }
    expect(vi.mocked(nodeScrypt)).not.toHaveBeenCalled();
  });

  it('says when scrypt could not run on this computer, as this computer’s problem', async () => {
    vi.mocked(nodeScrypt).mockRejectedValueOnce(new Error('Invalid scrypt params: memory limit exceeded'));
    const err = await refusal(
      new MemberIdentity(path.join(root, 'a')).importBackup(DEFAULTS_BACKUP, 'correct horse battery', []),
    );
    expect(err).toMatchObject({ code: 'unavailable', details: { reason: 'kdf-failed' } });
  });

  it.skipIf(!POSIX)('keeps the key file 0600 in a 0700 directory, and tightens an older one', async () => {
    const dataDir = path.join(root, 'data');
    const identity = new MemberIdentity(dataDir);
    await identity.current();
    expect(await mode(keyFile(dataDir))).toBe(0o600);
    expect(await mode(path.join(dataDir, IDENTITY_DIR))).toBe(0o700);

    await chmod(keyFile(dataDir), 0o644);
    await identity.save();
    expect(await mode(keyFile(dataDir))).toBe(0o600);

    // A file an older build left readable is tightened when it is read, before any save.
    const older = path.join(root, 'older');
    await mkdir(path.join(older, IDENTITY_DIR), { recursive: true });
    await writeFile(keyFile(older), await readFile(keyFile(dataDir)), { mode: 0o644 });
    expect(await mode(keyFile(older))).toBe(0o644);
    await new MemberIdentity(older).current();
    expect(await mode(keyFile(older))).toBe(0o600);
  });
});

describe('nodeScrypt', () => {
  it('derives what the pure scrypt derives', async () => {
    const [password, salt] = [new TextEncoder().encode('pw'), new Uint8Array(16).fill(1)];
    expect(await nodeScrypt(password, salt, FAST, 32)).toEqual(await nobleScrypt(password, salt, FAST, 32));
  });

  it('meets the largest cost a backup may ask (N = 2^18) off the event loop, and refuses more', async () => {
    const [password, salt] = [new Uint8Array(2), new Uint8Array(16)];
    const order: string[] = [];
    const derived = nodeScrypt(password, salt, { N: 2 ** 18, r: 8, p: 1 }, 32).then((key) => {
      order.push('derived');
      return key;
    });
    // The loop turns while the thread pool derives; a scrypt run on this thread would finish first.
    setImmediate(() => order.push('loop turned'));
    expect(await derived).toHaveLength(32);
    expect(order).toEqual(['loop turned', 'derived']);
    await expect(nodeScrypt(password, salt, { N: 2 ** 19, r: 8, p: 1 }, 32)).rejects.toThrow(/memory/);
  });
});
