// A member's identity: an Ed25519 key pair whose public half (as hex) is the member's key id.
// The secret key stays on the member's computers; only signatures reach the group folder.
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';

export interface MemberKey {
  /** Lowercase hex of the 32-byte public key: how the group names this member. */
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

const KEY_ID_RE = /^[0-9a-f]{64}$/;
const SIGNATURE_RE = /^[0-9a-f]{128}$/;

export function isKeyId(value: string): boolean {
  return KEY_ID_RE.test(value);
}

/** A new member key from 32 random bytes (injected for tests, the platform CSPRNG otherwise). */
export function createMemberKey(seed: Uint8Array = randomBytes(32)): MemberKey {
  if (seed.length !== 32) throw new RangeError('a member key seed is 32 bytes');
  return memberKeyFromSecret(Uint8Array.from(seed));
}

/** Rebuilds the key pair from its secret half (e.g. after importing a backup). */
export function memberKeyFromSecret(secretKey: Uint8Array): MemberKey {
  if (secretKey.length !== 32) throw new RangeError('an Ed25519 secret key is 32 bytes');
  const publicKey = ed25519.getPublicKey(secretKey);
  return { keyId: bytesToHex(publicKey), publicKey, secretKey: Uint8Array.from(secretKey) };
}

/** Signs bytes; returns the 64-byte signature as lowercase hex. */
export function signBytes(key: MemberKey, message: Uint8Array): string {
  return bytesToHex(ed25519.sign(message, key.secretKey));
}

/** Decides whether `signature` is `keyId`'s over `message`; every implementation must agree with {@link verifySignature}. */
export type SignatureVerifier = (keyId: string, message: Uint8Array, signature: string) => boolean;

/** A key id that strict verification can ever accept: a canonical point encoding, not of small order. */
export function isUsableKey(keyId: string): boolean {
  if (!KEY_ID_RE.test(keyId)) return false;
  try {
    return !ed25519.Point.fromBytes(hexToBytes(keyId), false).isSmallOrder();
  } catch {
    return false;
  }
}

/**
 * True only for a well-formed signature by `keyId` over `message`. Never throws: the
 * inputs come from the group folder, and malformed means "not signed".
 * Uses RFC 8032 strict verification (zip215: false) so one message has one valid encoding check everywhere.
 */
export function verifySignature(keyId: string, message: Uint8Array, signature: string): boolean {
  if (!KEY_ID_RE.test(keyId) || !SIGNATURE_RE.test(signature)) return false;
  try {
    return ed25519.verify(hexToBytes(signature), message, hexToBytes(keyId), { zip215: false });
  } catch {
    return false;
  }
}
