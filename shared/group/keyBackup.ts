// Passphrase-protected backup of a member key, so the same member can sign from a second
// computer. The file never goes into the group folder.
//
// No AEAD cipher is installed (@noble/ciphers is not a dependency), so this uses a
// standard encrypt-then-MAC composition built only from @noble/hashes:
//   master  = scrypt(NFC(passphrase), salt, N, r, p, 32)
//   encKey  = HKDF-SHA256(master, info "lectern-key-backup/1/enc"); macKey likewise with ".../mac"
//   stream  = HMAC-SHA256(encKey, nonce || be32(i)) for i = 0, 1, ...   (a PRF in counter mode)
//   tag     = HMAC-SHA256(macKey, canonical JSON of every other field of the file)
// The tag is checked (constant time) before anything is decrypted.
import { scrypt } from '@noble/hashes/scrypt.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalBytes } from './canonical';
import { memberKeyFromSecret } from './identity';
import type { MemberKey } from './identity';

export const KEY_BACKUP_FORMAT = 'lectern-key-backup';
export const KEY_BACKUP_VERSION = 1;
const CIPHER = 'hmac-sha256-ctr+hmac-sha256';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** OWASP's recommendation for scrypt; tests pass cheaper parameters. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
// Bounds stop a hostile backup file from asking for gigabytes of scrypt memory.
const backupSchema = z.strictObject({
  format: z.literal(KEY_BACKUP_FORMAT),
  version: z.literal(KEY_BACKUP_VERSION),
  keyId: hex(32),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: hex(16),
  }),
  cipher: z.strictObject({ name: z.literal(CIPHER), nonce: hex(16) }),
  ciphertext: hex(32),
  tag: hex(32),
});
export type KeyBackupFile = z.infer<typeof backupSchema>;

export type KeyBackupFailure = 'malformed' | 'unsupported-version' | 'wrong-passphrase' | 'key-mismatch';

export class KeyBackupError extends Error {
  override readonly name = 'KeyBackupError';
  constructor(readonly reason: KeyBackupFailure) {
    super(`key backup: ${reason}`);
  }
}

export interface ExportOptions {
  scrypt?: ScryptParams;
  /** Injected randomness for salt and nonce (tests); the platform CSPRNG otherwise. */
  random?: (length: number) => Uint8Array;
}

/** Encrypts a member key under a passphrase; returns the backup file's text (JSON). */
export function exportKeyBackup(key: MemberKey, passphrase: string, options: ExportOptions = {}): string {
  const params = options.scrypt ?? DEFAULT_SCRYPT;
  const random = options.random ?? randomBytes;
  const salt = random(16);
  const nonce = random(16);
  const { encKey, macKey } = deriveKeys(passphrase, salt, params);
  const unsigned = {
    format: KEY_BACKUP_FORMAT,
    version: KEY_BACKUP_VERSION,
    keyId: key.keyId,
    kdf: { name: 'scrypt' as const, ...params, salt: bytesToHex(salt) },
    cipher: { name: CIPHER, nonce: bytesToHex(nonce) },
    ciphertext: bytesToHex(xorStream(encKey, nonce, key.secretKey)),
  };
  const tag = bytesToHex(hmac(sha256, macKey, canonicalBytes(unsigned)));
  return JSON.stringify({ ...unsigned, tag }, null, 2) + '\n';
}

/** Decrypts a backup; throws {@link KeyBackupError} with a reason, never a raw error. */
export function importKeyBackup(text: string, passphrase: string): MemberKey {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new KeyBackupError('malformed');
  }
  if (typeof raw === 'object' && raw !== null && 'version' in raw && raw.version !== KEY_BACKUP_VERSION) {
    throw new KeyBackupError('unsupported-version');
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) throw new KeyBackupError('malformed');
  const { tag, ...unsigned } = parsed.data;
  const { kdf } = unsigned;
  const { encKey, macKey } = deriveKeys(passphrase, hexToBytes(kdf.salt), { N: kdf.N, r: kdf.r, p: kdf.p });
  const expected = hmac(sha256, macKey, canonicalBytes(unsigned));
  if (!constantTimeEqual(expected, hexToBytes(tag))) throw new KeyBackupError('wrong-passphrase');
  const secret = xorStream(encKey, hexToBytes(unsigned.cipher.nonce), hexToBytes(unsigned.ciphertext));
  const key = memberKeyFromSecret(secret);
  if (key.keyId !== unsigned.keyId) throw new KeyBackupError('key-mismatch');
  return key;
}

function deriveKeys(passphrase: string, salt: Uint8Array, params: ScryptParams) {
  // NFC so the same passphrase typed on macOS and Windows derives the same key.
  const master = scrypt(utf8ToBytes(passphrase.normalize('NFC')), salt, { ...params, dkLen: 32 });
  return {
    encKey: hkdf(sha256, master, undefined, utf8ToBytes('lectern-key-backup/1/enc'), 32),
    macKey: hkdf(sha256, master, undefined, utf8ToBytes('lectern-key-backup/1/mac'), 32),
  };
}

function xorStream(key: Uint8Array, nonce: Uint8Array, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let block = 0; block * 32 < data.length; block++) {
    const counter = Uint8Array.of(block >>> 24, (block >>> 16) & 255, (block >>> 8) & 255, block & 255);
    const pad = hmac(sha256, key, concatBytes(nonce, counter));
    for (let i = 0; i < 32 && block * 32 + i < data.length; i++)
      out[block * 32 + i] = data[block * 32 + i]! ^ pad[i]!;
  }
  return out;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
