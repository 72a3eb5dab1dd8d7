// Canonical JSON (RFC 8785, JCS) bytes: what we sign and hash, so every computer derives
// the same bytes, and so the same signature and hash, from the same value.
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { JsonShape } from './jsonDepth';

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

/** The RFC 8785 text of a JSON value; throws {@link CanonicalJsonError} for values JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (err) {
    throw new CanonicalJsonError(err instanceof Error ? err.message : 'value cannot be canonicalized');
  }
  if (text === undefined) throw new CanonicalJsonError('value has no JSON form');
  return text;
}

/** A `\uD800`–`\uDFFF` escape: the only way a lone surrogate, which canonicalJson refuses, gets into JSON.parse's result. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * How to spell values made of what JSON.parse made of `text` (and of objects built with their keys in
 * canonical order): by the engine's JSON.stringify when the walk found every object's keys in order
 * (see jsonShape) and the text can hold no lone surrogate, for then the two spell every value alike
 * (canonicalize spells each scalar with JSON.stringify too), at a fraction of the cost; else canonicalJson.
 */
export function canonicalSpelling(text: string, shape: JsonShape): (value: unknown) => string {
  return shape.keysInOrder && !SURROGATE_ESCAPE.test(text) ? spellInOrder : canonicalJson;
}
const spellInOrder = (value: unknown): string => JSON.stringify(value);

/** UTF-8 bytes of {@link canonicalJson}. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8ToBytes(canonicalJson(value));
}

/** Lowercase hex SHA-256 of the canonical bytes of a value. */
export function canonicalHash(value: unknown): string {
  return bytesToHex(sha256(canonicalBytes(value)));
}
