import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createMemberKey } from './identity';
import { KeyBackupError, exportKeyBackup, importKeyBackup } from './keyBackup';
import type { KeyBackupFailure } from './keyBackup';

const FAST = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };
const key = createMemberKey(new Uint8Array(32).fill(7));

function failure(fn: () => unknown): KeyBackupFailure | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof KeyBackupError) return err.reason;
    throw err;
  }
  return undefined;
}

describe('key backup', () => {
  it('round-trips a member key under a passphrase (NFC-normalised)', () => {
    const text = exportKeyBackup(key, 'caf\u00e9 讲台', FAST);
    expect(text).not.toContain(bytesToHex(key.secretKey));
    const back = importKeyBackup(text, 'cafe\u0301 讲台');
    expect(back.keyId).toBe(key.keyId);
    expect(back.secretKey).toEqual(key.secretKey);
  });

  it('says which way an import failed', () => {
    const text = exportKeyBackup(key, 'right', FAST);
    expect(failure(() => importKeyBackup(text, 'wrong'))).toBe('wrong-passphrase');
    expect(failure(() => importKeyBackup('{', 'right'))).toBe('malformed');
    const file = JSON.parse(text);
    expect(file).toMatchObject({ version: 2, cipher: { name: 'xchacha20-poly1305' } });
    // Version 1 (HMAC-CTR) was never released: it is not read.
    expect(failure(() => importKeyBackup(JSON.stringify({ ...file, version: 1 }), 'right'))).toBe(
      'unsupported-version',
    );
    expect(
      failure(() => importKeyBackup(JSON.stringify({ ...file, kdf: { ...file.kdf, N: 2 ** 30 } }), 'right')),
    ).toBe('malformed');
    const flipped = file.ciphertext.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    expect(failure(() => importKeyBackup(JSON.stringify({ ...file, ciphertext: flipped }), 'right'))).toBe(
      'wrong-passphrase',
    );
    // The header is authenticated data: weakening the scrypt cost fails like a wrong passphrase.
    expect(
      failure(() => importKeyBackup(JSON.stringify({ ...file, kdf: { ...file.kdf, N: 2 ** 11 } }), 'right')),
    ).toBe('wrong-passphrase');
    const other = createMemberKey(new Uint8Array(32).fill(8));
    expect(failure(() => importKeyBackup(JSON.stringify({ ...file, keyId: other.keyId }), 'right'))).toBe(
      'wrong-passphrase',
    );
  });

  it('is deterministic for injected randomness, and seals a fresh nonce otherwise', () => {
    const fixed = { ...FAST, random: (n: number) => new Uint8Array(n).fill(3) };
    expect(exportKeyBackup(key, 'pw', fixed)).toBe(exportKeyBackup(key, 'pw', fixed));
    expect(JSON.parse(exportKeyBackup(key, 'pw', FAST)).cipher.nonce).not.toBe(
      JSON.parse(exportKeyBackup(key, 'pw', FAST)).cipher.nonce,
    );
  });
});
