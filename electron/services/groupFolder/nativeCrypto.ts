// Node's OpenSSL for the two costly steps of reading a segment, each with exactly the results of the
// pure code in shared/, so every computer folds the same files to the same state: SHA-256 of each
// event's canonical form (its id), and Ed25519 verification.
//
// Ed25519 segment verification through Node's OpenSSL (tens of times faster than pure JS), with
// exactly the verdicts of the pure verifier in shared/ (RFC 8032 strict, as @noble/curves
// implements it), so every computer folds the same files to the same state.
//
// Why the verdicts agree: OpenSSL accepts only when R equals the canonical encoding of [S]B - [k]A
// with S < L, which implies the cofactored equation the pure verifier checks; the pure verifier
// also rejects non-canonical and small-order keys, which we check once per key. Whatever OpenSSL
// rejects (only hostile or damaged files) is decided by the pure verifier itself.
import { createPublicKey, hash, verify as nodeVerify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { isUsableKey, verifySignature } from '../../../shared/group/identity';
import type { SignatureVerifier } from '../../../shared/group/identity';
import type { ParseOptions } from '../../../shared/group/segment';

const SIGNATURE_RE = /^[0-9a-f]{128}$/;
/** key id → its OpenSSL key, or null when the key can never verify (so the pure path decides). */
const keys = new Map<string, KeyObject | null>();
const MAX_CACHED_KEYS = 4096;

function keyObject(keyId: string): KeyObject | null {
  let key = keys.get(keyId);
  if (key !== undefined) return key;
  key = null;
  if (isUsableKey(keyId)) {
    try {
      const x = Buffer.from(keyId, 'hex').toString('base64url');
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    } catch {
      key = null;
    }
  }
  // Keys come from the folder: bound the cache so a folder full of strangers cannot grow it forever.
  if (keys.size >= MAX_CACHED_KEYS) keys.clear();
  keys.set(keyId, key);
  return key;
}

export const nativeVerifySignature: SignatureVerifier = (keyId, message, signature) => {
  const key = SIGNATURE_RE.test(signature) ? keyObject(keyId) : null;
  if (key) {
    try {
      if (nodeVerify(null, message, key, Buffer.from(signature, 'hex'))) return true;
    } catch {
      // fall through to the pure verifier
    }
  }
  return verifySignature(keyId, message, signature);
};

/**
 * The same verdict as {@link nativeVerifySignature}, computed on libuv's thread pool: a first sync
 * checks a signature per segment, and the other core can do that while this thread parses the next.
 */
export function nativeVerifyOffThread(
  keyId: string,
  message: Uint8Array,
  signature: string,
): Promise<boolean> {
  const key = SIGNATURE_RE.test(signature) ? keyObject(keyId) : null;
  if (!key) return Promise.resolve(verifySignature(keyId, message, signature));
  return new Promise((resolve) => {
    nodeVerify(null, message, key, Buffer.from(signature, 'hex'), (err, valid) => {
      resolve((!err && valid) || verifySignature(keyId, message, signature));
    });
  });
}

/** SHA-256 (hex) of a string's UTF-8 bytes, as `@noble/hashes` computes it in shared/. */
export const nativeSha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** What every parseSegment call in the main process passes. */
export const nativeCrypto = {
  verify: nativeVerifySignature,
  sha256Hex: nativeSha256Hex,
} as const satisfies ParseOptions;
