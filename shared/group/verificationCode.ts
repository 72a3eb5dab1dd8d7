// A short code for a member key, read out over another channel (WeChat, in person) so a coach can
// tell the applicant they know from anyone else who wrote a join request under the same name.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Versioned domain separation: these digests are never confused with any other SHA-256 of a key id. */
const DOMAIN = 'lectern-verify/1\n';
const KEY_ID_RE = /^[0-9a-f]{64}$/;
const DIGITS = 16;
const MODULUS = 10n ** BigInt(DIGITS);

/**
 * The verification code of a member key id (64 lowercase hex chars): 16 decimal digits in four
 * groups, e.g. `0421 8830 1297 5566`, from SHA-256 over `"lectern-verify/1\n" + keyId`.
 *
 * The first 16 bytes of the digest, read as a big-endian integer, are reduced mod 10^16. Codes
 * below 2^128 mod 10^16 are (1 + 3·10^-23) times as likely as the others: a bias no one can use,
 * where 8 bytes would have given 1 + 5·10^-4. Matching another key's code takes about 10^16 key
 * generations (thousands of CPU-years).
 *
 * Throws a RangeError for anything but a key id: an upper-case or padded id would give a
 * different code for the same key.
 */
export function verificationCode(keyId: string): string {
  if (!KEY_ID_RE.test(keyId)) throw new RangeError('a key id is 64 lowercase hex characters');
  const digest = sha256(utf8ToBytes(DOMAIN + keyId));
  const value = BigInt(`0x${bytesToHex(digest.subarray(0, 16))}`) % MODULUS;
  const digits = value.toString().padStart(DIGITS, '0');
  return [0, 4, 8, 12].map((at) => digits.slice(at, at + 4)).join(' ');
}
