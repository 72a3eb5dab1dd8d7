// Passphrase-protected backup of a member key, so the same member can sign from a second
// computer. The file never goes into the group folder.
//
// Format version 2 (version 1 was never released and is not read):
//   key        = scrypt(NFC(passphrase), salt, N, r, p, 32)
//   ciphertext = XChaCha20-Poly1305(key, nonce 24 bytes, aad).encrypt(secret key) — 32 + 16 tag bytes
//   aad        = canonical JSON of every other field of the file (format, version, keyId, kdf, cipher)
// Authenticating the header as AAD means an edited keyId or weakened scrypt parameters fail like a
// wrong passphrase instead of being trusted. A backup is a file from anywhere, so its scrypt cost is
// bounded before any KDF runs, and the KDF is a port: main passes Node's native scrypt, which runs
// off the event loop; the pure default serves shared tests and any platform without one.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalBytes } from './canonical';
import { memberKeyFromSecret } from './identity';
import type { MemberKey } from './identity';

export const KEY_BACKUP_FORMAT = 'lectern-key-backup';
export const KEY_BACKUP_VERSION = 2;
const CIPHER = 'xchacha20-poly1305';
const KEY_BYTES = 32;
/** A backup is about 600 characters; anything far longer is not one (and is not parsed). */
export const MAX_KEY_BACKUP_CHARS = 16 * 1024;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** OWASP's recommendation for scrypt; tests pass cheaper parameters. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/**
 * What a backup may ask of scrypt: N a power of two from 2^10 to 2^18 (256 MiB, about a second),
 * r = 8 and p = 1. Every computer can meet that; a file asking more is malformed, and its
 * parameters never reach the KDF.
 */
export const SCRYPT_BOUNDS = { minN: 2 ** 10, maxN: 2 ** 18, r: 8, p: 1 } as const;

/** Bytes scrypt needs for `params`, counted as OpenSSL counts them (Node's `maxmem` must cover it). */
export function scryptMemory({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + 2 + p);
}
/** The most memory scrypt needs for any backup within {@link SCRYPT_BOUNDS} (256 MiB and 3 KiB). */
export const SCRYPT_MAX_MEMORY = scryptMemory({
  N: SCRYPT_BOUNDS.maxN,
  r: SCRYPT_BOUNDS.r,
  p: SCRYPT_BOUNDS.p,
});

/** The KDF port: scrypt of `password` and `salt`, `dkLen` bytes long. */
export type ScryptKdf = (
  password: Uint8Array,
  salt: Uint8Array,
  params: ScryptParams,
  dkLen: number,
) => Promise<Uint8Array>;

/** The pure KDF (@noble/hashes): runs on the calling thread, yielding to its event loop now and then. */
export const nobleScrypt: ScryptKdf = (password, salt, params, dkLen) =>
  scryptAsync(password, salt, { ...params, dkLen });

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const scryptParamsSchema = z.strictObject({
  N: z
    .number()
    .int()
    .min(SCRYPT_BOUNDS.minN)
    .max(SCRYPT_BOUNDS.maxN)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.literal(SCRYPT_BOUNDS.r),
  p: z.literal(SCRYPT_BOUNDS.p),
});
const backupSchema = z.strictObject({
  format: z.literal(KEY_BACKUP_FORMAT),
  version: z.literal(KEY_BACKUP_VERSION),
  keyId: hex(32),
  kdf: scryptParamsSchema.extend({ name: z.literal('scrypt'), salt: hex(16) }),
  cipher: z.strictObject({ name: z.literal(CIPHER), nonce: hex(24) }),
  /** The encrypted 32-byte secret key followed by the 16-byte Poly1305 tag. */
  ciphertext: hex(KEY_BYTES + 16),
});
export type KeyBackupFile = z.infer<typeof backupSchema>;

/**
 * Why a backup was refused: not a backup or outside the bounds (`malformed`), a version this
 * build does not read, a passphrase (or header) that does not authenticate, a key that is not
 * the one named, or a KDF that could not run here (out of memory).
 */
export type KeyBackupFailure =
  'malformed' | 'unsupported-version' | 'wrong-passphrase' | 'key-mismatch' | 'kdf-failed';

export class KeyBackupError extends Error {
  override readonly name = 'KeyBackupError';
  constructor(readonly reason: KeyBackupFailure) {
    super(`key backup: ${reason}`);
  }
}

export interface KdfOptions {
  /** The scrypt to run: main passes Node's (off the event loop); {@link nobleScrypt} otherwise. */
  kdf?: ScryptKdf;
}

export interface ExportOptions extends KdfOptions {
  /** Must lie within {@link SCRYPT_BOUNDS} (a RangeError otherwise): a backup nobody could import is useless. */
  scrypt?: ScryptParams;
  /** Injected randomness for salt and nonce (tests); the platform CSPRNG otherwise. */
  random?: (length: number) => Uint8Array;
}

/** Encrypts a member key under a passphrase; resolves to the backup file's text (JSON). */
export async function exportKeyBackup(
  key: MemberKey,
  passphrase: string,
  options: ExportOptions = {},
): Promise<string> {
  const checked = scryptParamsSchema.safeParse(options.scrypt ?? DEFAULT_SCRYPT);
  if (!checked.success)
    throw new RangeError(`scrypt parameters outside a backup's bounds: ${JSON.stringify(options.scrypt)}`);
  const params = checked.data;
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
  const derived = await deriveKey(options.kdf ?? nobleScrypt, passphrase, salt, params);
  const sealed = xchacha20poly1305(derived, nonce, canonicalBytes(header)).encrypt(key.secretKey);
  return JSON.stringify({ ...header, ciphertext: bytesToHex(sealed) }, null, 2) + '\n';
}

/**
 * Decrypts a backup; rejects with {@link KeyBackupError} and a reason, never a raw error. The file
 * is checked whole (its scrypt cost within bounds) before the KDF runs.
 */
export async function importKeyBackup(
  text: string,
  passphrase: string,
  options: KdfOptions = {},
): Promise<MemberKey> {
  const { ciphertext, ...header } = parseKeyBackup(text);
  const { kdf } = header;
  const derived = await deriveKey(options.kdf ?? nobleScrypt, passphrase, hexToBytes(kdf.salt), {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
  });
  let secret: Uint8Array;
  try {
    // Poly1305 checks the tag (in constant time) before anything is decrypted.
    secret = xchacha20poly1305(derived, hexToBytes(header.cipher.nonce), canonicalBytes(header)).decrypt(
      hexToBytes(ciphertext),
    );
  } catch {
    throw new KeyBackupError('wrong-passphrase');
  }
  const member = memberKeyFromSecret(secret);
  if (member.keyId !== header.keyId) throw new KeyBackupError('key-mismatch');
  return member;
}

/** The backup file in `text`, checked against the format and its bounds; throws {@link KeyBackupError}. */
function parseKeyBackup(text: string): KeyBackupFile {
  if (text.length > MAX_KEY_BACKUP_CHARS) throw new KeyBackupError('malformed');
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
  return parsed.data;
}

async function deriveKey(
  kdf: ScryptKdf,
  passphrase: string,
  salt: Uint8Array,
  params: ScryptParams,
): Promise<Uint8Array> {
  let key: Uint8Array;
  try {
    // NFC so the same passphrase typed on macOS and Windows derives the same key.
    key = await kdf(utf8ToBytes(passphrase.normalize('NFC')), salt, params, KEY_BYTES);
  } catch {
    throw new KeyBackupError('kdf-failed');
  }
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) throw new KeyBackupError('kdf-failed');
  return key;
}
