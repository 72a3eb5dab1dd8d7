// Who critiques whom for one occurrence. Deterministic (the same on every computer: a seeded
// order, no randomness), fair and without self-review: the submitters sit in a circle ordered
// by SHA-256(seed, key id), and each reviews the next K. So everyone owes exactly K critiques
// and every submission receives exactly K — or, with K or fewer others, everyone reviews all.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Reviewer key id → the key ids whose submissions they critique (in circle order). */
export type ReviewerAssignment = Record<string, string[]>;

/**
 * Assigns reviewers among `submitters` (duplicates ignored, order irrelevant), each owing `k`
 * critiques. `seed` should name the occurrence (e.g. its key) so the circle changes each week.
 */
export function assignReviewers(seed: string, submitters: readonly string[], k: number): ReviewerAssignment {
  const rank = new Map(
    [...new Set(submitters)].map((id) => [id, bytesToHex(sha256(utf8ToBytes(`${seed}\n${id}`)))]),
  );
  const circle = [...rank.keys()].sort((a, b) => {
    const ra = rank.get(a)!;
    const rb = rank.get(b)!;
    return ra < rb ? -1 : ra > rb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  const n = circle.length;
  const each = Math.max(0, Math.min(Math.floor(k), n - 1));
  const out: ReviewerAssignment = {};
  circle.forEach((reviewer, i) => {
    out[reviewer] = Array.from({ length: each }, (_, j) => circle[(i + 1 + j) % n]!);
  });
  return out;
}
