// Passphrase-protected backup of a member key, so the same member can sign from a second
// computer. The file never goes into the group folder.
//
// Format version 2 (version 1 was never released and is not read):
//   key        = scrypt(NFC(passphrase), salt, N, r, p, 32)
//   ciphertext = XChaCha20-Poly1305(key, nonce 24 bytes, aad).encrypt(secret key) — 32 + 16 tag bytes
//   aad        = canonical JSON of every other field of the file (format, version, keyId, kdf, cipher)
// Authenticating the header as AAD means an edited keyId or weakened scrypt parameters fail like a
// wrong passphrase instead of being trusted.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalBytes } from './canonical';
import { memberKeyFromSecret } from './identity';
import type { MemberKey } from './identity';

export const KEY_BACKUP_FORMAT = 'lectern-key-backup';
export const KEY_BACKUP_VERSION = 2;
const CIPHER = 'xchacha20-poly1305';

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
  cipher: z.strictObject({ name: z.literal(CIPHER), nonce: hex(24) }),
  /** The encrypted 32-byte secret key followed by the 16-byte Poly1305 tag. */
  ciphertext: hex(48),
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
  const nonce = random(24);
  const header = {
    format: KEY_BACKUP_FORMAT,
    version: KEY_BACKUP_VERSION,
    keyId: key.keyId,
    kdf: { name: 'scrypt' as const, ...params, salt: bytesToHex(salt) },
    cipher: { name: CIPHER, nonce: bytesToHex(nonce) },
  };
  const sealed = xchacha20poly1305(
    deriveKey(passphrase, salt, params),
    nonce,
    canonicalBytes(header),
  ).encrypt(key.secretKey);
  return JSON.stringify({ ...header, ciphertext: bytesToHex(sealed) }, null, 2) + '\n';
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
  const { ciphertext, ...header } = parsed.data;
  const { kdf } = header;
  const key = deriveKey(passphrase, hexToBytes(kdf.salt), { N: kdf.N, r: kdf.r, p: kdf.p });
  let secret: Uint8Array;
  try {
    // Poly1305 checks the tag (in constant time) before anything is decrypted.
    secret = xchacha20poly1305(key, hexToBytes(header.cipher.nonce), canonicalBytes(header)).decrypt(
      hexToBytes(ciphertext),
    );
  } catch {
    throw new KeyBackupError('wrong-passphrase');
  }
  const member = memberKeyFromSecret(secret);
  if (member.keyId !== header.keyId) throw new KeyBackupError('key-mismatch');
  return member;
}

function deriveKey(passphrase: string, salt: Uint8Array, params: ScryptParams): Uint8Array {
  // NFC so the same passphrase typed on macOS and Windows derives the same key.
  return scrypt(utf8ToBytes(passphrase.normalize('NFC')), salt, { ...params, dkLen: 32 });
}
