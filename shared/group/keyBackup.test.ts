import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createMemberKey } from './identity';
import {
  DEFAULT_SCRYPT,
  KeyBackupError,
  MAX_KEY_BACKUP_CHARS,
  exportKeyBackup,
  importKeyBackup,
} from './keyBackup';
import type { KeyBackupFailure, ScryptKdf, ScryptParams } from './keyBackup';

const FAST = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };
const key = createMemberKey(new Uint8Array(32).fill(7));

async function failure(promise: Promise<unknown>): Promise<KeyBackupFailure | undefined> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof KeyBackupError) return err.reason;
    throw err;
  }
  return undefined;
}

/** A stand-in KDF (a hash of its inputs) that records every call: whether a file got as far as the KDF. */
function recordingKdf(): { kdf: ScryptKdf; calls: ScryptParams[] } {
  const calls: ScryptParams[] = [];
  const kdf: ScryptKdf = async (password, salt, params, dkLen) => {
    calls.push(params);
    return sha256(concatBytes(password, salt, utf8ToBytes(JSON.stringify(params)))).slice(0, dkLen);
  };
  return { kdf, calls };
}

describe('key backup', () => {
  it('round-trips a member key under a passphrase (NFC-normalised)', async () => {
    const text = await exportKeyBackup(key, 'caf\u00e9 讲台', FAST);
    expect(text).not.toContain(bytesToHex(key.secretKey));
    const back = await importKeyBackup(text, 'cafe\u0301 讲台');
    expect(back.keyId).toBe(key.keyId);
    expect(back.secretKey).toEqual(key.secretKey);
  });

  it('says which way an import failed', async () => {
    const text = await exportKeyBackup(key, 'right', FAST);
    expect(await failure(importKeyBackup(text, 'wrong'))).toBe('wrong-passphrase');
    expect(await failure(importKeyBackup('{', 'right'))).toBe('malformed');
    const file = JSON.parse(text);
    expect(file).toMatchObject({ version: 2, cipher: { name: 'xchacha20-poly1305' } });
    // Version 1 (HMAC-CTR) was never released: it is not read.
    expect(await failure(importKeyBackup(JSON.stringify({ ...file, version: 1 }), 'right'))).toBe(
      'unsupported-version',
    );
    const flipped = file.ciphertext.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    expect(await failure(importKeyBackup(JSON.stringify({ ...file, ciphertext: flipped }), 'right'))).toBe(
      'wrong-passphrase',
    );
    // The header is authenticated data: weakening the scrypt cost fails like a wrong passphrase.
    expect(
      await failure(importKeyBackup(JSON.stringify({ ...file, kdf: { ...file.kdf, N: 2 ** 11 } }), 'right')),
    ).toBe('wrong-passphrase');
    const other = createMemberKey(new Uint8Array(32).fill(8));
    expect(await failure(importKeyBackup(JSON.stringify({ ...file, keyId: other.keyId }), 'right'))).toBe(
      'wrong-passphrase',
    );
  });

  it('refuses a scrypt cost beyond its bounds as malformed, before any KDF runs', async () => {
    const file = JSON.parse(await exportKeyBackup(key, 'right', FAST));
    const hostile: Array<Record<string, unknown>> = [
      { N: 2 ** 19, r: 15, p: 4 }, // 15 s and 2 GB of the event loop, as reported
      { N: 2 ** 20 }, // noble or OpenSSL would throw their own error here
      { N: 2 ** 30 },
      { N: 2 ** 18, r: 16 },
      { p: 2 },
      { r: 1 }, // cheaper is no better: r and p are fixed
      { N: 2 ** 9 },
      { N: 3 * 2 ** 16 },
      { N: 2 ** 17 + 0.5 },
      { N: '131072' },
      { N: -(2 ** 17) },
    ];
    for (const change of hostile) {
      const { kdf, calls } = recordingKdf();
      const text = JSON.stringify({ ...file, kdf: { ...file.kdf, ...change } });
      expect(await failure(importKeyBackup(text, 'right', { kdf })), JSON.stringify(change)).toBe(
        'malformed',
      );
      expect(calls).toEqual([]);
    }
    const { kdf, calls } = recordingKdf();
    const infinite = JSON.stringify(file, null, 2).replace('"N": 1024', '"N": 1e400');
    expect(infinite).toContain('1e400');
    expect(await failure(importKeyBackup(infinite, 'right', { kdf }))).toBe('malformed');
    expect(await failure(importKeyBackup(' '.repeat(MAX_KEY_BACKUP_CHARS + 1), 'right', { kdf }))).toBe(
      'malformed',
    );
    expect(calls).toEqual([]);
  });

  it('reads backups made with the defaults (N = 2^17, r = 8, p = 1) and the bound N = 2^18', async () => {
    for (const scrypt of [DEFAULT_SCRYPT, { N: 2 ** 18, r: 8, p: 1 }]) {
      const { kdf, calls } = recordingKdf();
      const text = await exportKeyBackup(key, 'pw', { kdf, scrypt });
      expect((await importKeyBackup(text, 'pw', { kdf })).keyId).toBe(key.keyId);
      expect(calls).toEqual([scrypt, scrypt]);
    }
  });

  it('exports only what it could import', async () => {
    const { kdf, calls } = recordingKdf();
    await expect(exportKeyBackup(key, 'pw', { kdf, scrypt: { N: 2 ** 20, r: 8, p: 1 } })).rejects.toThrow(
      RangeError,
    );
    await expect(exportKeyBackup(key, 'pw', { kdf, scrypt: { N: 2 ** 10, r: 8, p: 2 } })).rejects.toThrow(
      RangeError,
    );
    expect(calls).toEqual([]);
  });

  it('turns a KDF that fails or answers nonsense into kdf-failed, never a raw error', async () => {
    const text = await exportKeyBackup(key, 'pw', FAST);
    const throwing: ScryptKdf = () =>
      Promise.reject(new Error('Invalid scrypt params: memory limit exceeded'));
    const short: ScryptKdf = async () => new Uint8Array(16);
    expect(await failure(importKeyBackup(text, 'pw', { kdf: throwing }))).toBe('kdf-failed');
    expect(await failure(importKeyBackup(text, 'pw', { kdf: short }))).toBe('kdf-failed');
    expect(await failure(exportKeyBackup(key, 'pw', { kdf: throwing }))).toBe('kdf-failed');
  });

  it('is deterministic for injected randomness, and seals a fresh nonce otherwise', async () => {
    const fixed = { ...FAST, random: (n: number) => new Uint8Array(n).fill(3) };
    expect(await exportKeyBackup(key, 'pw', fixed)).toBe(await exportKeyBackup(key, 'pw', fixed));
    expect(JSON.parse(await exportKeyBackup(key, 'pw', FAST)).cipher.nonce).not.toBe(
      JSON.parse(await exportKeyBackup(key, 'pw', FAST)).cipher.nonce,
    );
  });
});
