// The segment file: a device's numbered, immutable batch of events, signed once by the
// member key. `parseSegment` treats its input as bytes from a stranger: bounded, strictly
// validated, every event's id re-derived, the signature checked; it returns a reason
// instead of throwing.
import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalBytes, canonicalJson, canonicalSpelling } from './canonical';
import { compiledOnFirstUse } from './compiledOnFirstUse';
import { eventPreimage, eventSchema, hex64, keyIdSchema } from './groupEvent';
import type { GroupEvent } from './groupEvent';
import { signBytes, verifySignature } from './identity';
import type { MemberKey, SignatureVerifier } from './identity';
import { jsonShape } from './jsonDepth';
import { decodeUtf8 } from './utf8';

export const SEGMENT_FORMAT = 'lectern-segment';
/** Format 1: events without causal links. Format 2: every event carries `prev` (docs/sync-format.md). */
export const SEGMENT_VERSIONS = [1, 2] as const;
export type SegmentVersion = (typeof SEGMENT_VERSIONS)[number];
/** What new groups write. */
export const SEGMENT_VERSION: SegmentVersion = 2;
/**
 * Nesting of a whole segment file: the file, its events array and an event take three levels, so
 * an event body nests at most 32 deep. Checked before anything recursive (canonical JSON) runs.
 */
export const MAX_SEGMENT_DEPTH = 35;
export const MAX_SEGMENT_BYTES = 4 * 1024 * 1024;
export const MAX_SEGMENT_EVENTS = 5_000;
const SEQ_MAX = 999_999_999_999;
/**
 * Signatures cover this prefix too, so a segment signature can never be replayed as another kind of
 * signature, nor a format-2 segment as a format-1 one.
 */
const signingContext = (version: SegmentVersion) => `lectern-segment/${version}\n`;

export const deviceIdSchema = z.string().regex(/^[0-9a-f]{16}$/);
const seqSchema = z.number().int().min(0).max(SEQ_MAX);

const segmentSchema = z.strictObject({
  format: z.literal(SEGMENT_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  group: hex64,
  device: deviceIdSchema,
  author: keyIdSchema,
  /** First sequence number this file covers; equal to `last` except in a compacted segment. */
  first: seqSchema,
  last: seqSchema,
  events: z.array(eventSchema).max(MAX_SEGMENT_EVENTS),
  signature: z.string().regex(/^[0-9a-f]{128}$/),
});
// Every segment of a first sync passes the schema: the runtime parser's per-node dispatch was a fifth
// of that sync.
const compiledSegmentSchema = compiledOnFirstUse(segmentSchema);

export interface Segment {
  readonly format: typeof SEGMENT_FORMAT;
  readonly version: SegmentVersion;
  readonly group: string;
  readonly device: string;
  readonly author: string;
  readonly first: number;
  readonly last: number;
  readonly events: readonly GroupEvent[];
  readonly signature: string;
}

export type SegmentFailure =
  | 'oversized'
  | 'not-utf8'
  | 'unparsable'
  | 'too-deep'
  | 'not-a-segment'
  | 'unsupported-version'
  | 'malformed'
  | 'bad-range'
  | 'foreign-event'
  | 'bad-event-id'
  | 'duplicate-event'
  | 'bad-signature'
  | 'wrong-group'
  | 'wrong-device';

export class SegmentError extends Error {
  override readonly name = 'SegmentError';
  constructor(
    readonly reason: SegmentFailure,
    readonly detail = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export type SegmentResult = { ok: true; segment: Segment } | { ok: false; error: SegmentError };

export interface SegmentHeader {
  group: string;
  device: string;
  first: number;
  last: number;
}

/** The format a set of events belongs in: 2 when they carry causal links, 1 when none does. */
export function versionOfEvents(events: readonly GroupEvent[]): SegmentVersion {
  const linked = events.filter((e) => e.prev !== undefined).length;
  if (linked !== 0 && linked !== events.length)
    throw new SegmentError('malformed', 'format-1 and format-2 events cannot share a segment');
  return linked === 0 ? 1 : 2;
}

/** Signs events into a segment (format 1 or 2, after the events). All events must be the key's own. */
export function createSegment(key: MemberKey, header: SegmentHeader, events: readonly GroupEvent[]): Segment {
  if (events.some((e) => e.author !== key.keyId))
    throw new SegmentError('foreign-event', "a device signs only its member's events");
  if (header.first > header.last) throw new SegmentError('bad-range');
  const unsigned = {
    format: SEGMENT_FORMAT,
    version: versionOfEvents(events),
    group: header.group,
    device: header.device,
    author: key.keyId,
    first: header.first,
    last: header.last,
    events: [...events],
  } as const;
  return { ...unsigned, signature: signBytes(key, signingBytes(unsigned)) };
}

/** The file's bytes: canonical JSON, so a segment has exactly one spelling. */
export function encodeSegment(segment: Segment): Uint8Array {
  return canonicalBytes(segment);
}

export interface ParseOptions {
  /** Reject segments of other groups (replayed from elsewhere). */
  group?: string;
  /** Reject segments found in another device's directory. */
  device?: string;
  maxBytes?: number;
  /** A faster verifier with the same verdicts (main uses native Ed25519); the pure one otherwise. */
  verify?: SignatureVerifier;
  /** A faster SHA-256 (hex) of a string's UTF-8 bytes for event ids (main uses Node's); pure otherwise. */
  sha256Hex?: (text: string) => string;
}

/** A segment checked in every way but its signature, with the bytes the signature must cover. */
export type CheckedSegment =
  { ok: true; segment: Segment; signed: Uint8Array } | { ok: false; error: SegmentError };

/** Reads a segment from a stranger's bytes: every check, the signature's included. */
export function parseSegment(bytes: Uint8Array, options: ParseOptions = {}): SegmentResult {
  const checked = checkSegment(bytes, options);
  if (!checked.ok) return checked;
  const { author, signature } = checked.segment;
  return signedBy(checked, (options.verify ?? verifySignature)(author, checked.signed, signature));
}

/** The verdict on a checked segment once its signature is checked (main does that off its thread). */
export function signedBy(checked: CheckedSegment & { ok: true }, validSignature: boolean): SegmentResult {
  return validSignature
    ? { ok: true, segment: checked.segment }
    : { ok: false, error: new SegmentError('bad-signature') };
}

/** Everything {@link parseSegment} checks but the signature. */
export function checkSegment(bytes: Uint8Array, options: Omit<ParseOptions, 'verify'> = {}): CheckedSegment {
  const fail = (reason: SegmentFailure, detail?: string): CheckedSegment => ({
    ok: false,
    error: new SegmentError(reason, detail),
  });
  if (bytes.length > (options.maxBytes ?? MAX_SEGMENT_BYTES))
    return fail('oversized', `${bytes.length} bytes`);
  let text: string;
  let raw: unknown;
  try {
    text = decodeUtf8(bytes);
    raw = JSON.parse(text);
  } catch (err) {
    return err instanceof SyntaxError ? fail('unparsable', 'not JSON (truncated?)') : fail('not-utf8');
  }
  const shape = jsonShape(raw, MAX_SEGMENT_DEPTH);
  if (!shape.withinDepth) return fail('too-deep', `nested deeper than ${MAX_SEGMENT_DEPTH}`);
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== SEGMENT_FORMAT)
    return fail('not-a-segment');
  const version = (raw as { version?: unknown }).version;
  if (!SEGMENT_VERSIONS.includes(version as SegmentVersion))
    return fail('unsupported-version', `version ${String(version)}`);
  const parsed = compiledSegmentSchema().safeParse(raw);
  if (!parsed.success) return fail('malformed', parsed.error.issues[0]?.path.join('.') ?? '');
  const s = parsed.data as Segment;
  if (s.first > s.last) return fail('bad-range', `${s.first} > ${s.last}`);
  // Format 2 events all carry their causal links; format 1 events never do.
  if (s.events.some((e) => (e.prev !== undefined) !== (s.version === 2)))
    return fail('malformed', s.version === 2 ? 'an event without prev' : 'prev in a format-1 segment');
  if (options.group !== undefined && s.group !== options.group) return fail('wrong-group');
  if (options.device !== undefined && s.device !== options.device) return fail('wrong-device');
  const ids = new Set<string>();
  const hashText = options.sha256Hex ?? ((text: string) => bytesToHex(sha256(utf8ToBytes(text))));
  // Each event is canonicalized once: its id's preimage, and (with the id put in) its part of the
  // signed bytes. Canonical keys sort author, body, hlc, id, kind, so the id goes before "kind".
  // A file as writers write it (canonical) is spelled by JSON.stringify: the objects built here list
  // their keys in canonical order, and the bodies are the file's own.
  const spell = canonicalSpelling(text, shape);
  const pieces: string[] = [];
  for (const e of s.events) {
    if (e.author !== s.author) return fail('foreign-event', e.id);
    let preimage: string;
    try {
      preimage = spell(eventPreimage(e));
    } catch {
      return fail('malformed', `event ${e.id} has no canonical form`);
    }
    const id = hashText(preimage);
    if (id !== e.id) return fail('bad-event-id', e.id);
    if (ids.has(id)) return fail('duplicate-event', id);
    ids.add(id);
    // Only the kind's dotted name and the hex ids of prev follow this key, so the last match is it.
    const at = preimage.lastIndexOf(',"kind":');
    pieces.push(`${preimage.slice(0, at)},"id":"${id}"${preimage.slice(at)}`);
  }
  // The header's values are checked hex strings and numbers, so `"events":[]` occurs once. The
  // pieces go between its brackets and the context before it, all joined by the one UTF-8 encoding:
  // a copy of the whole for every step would be garbage the size of the folder on a first sync.
  const { author, device, first, format, group, last } = s;
  const header = spell({ author, device, events: [], first, format, group, last, version: s.version });
  const inEvents = header.indexOf('"events":[]') + '"events":['.length;
  const signed =
    signingContext(s.version) + header.slice(0, inEvents) + pieces.join(',') + header.slice(inEvents);
  return { ok: true, segment: s, signed: utf8ToBytes(signed) };
}

/**
 * Merges segments of one device into one (compaction): same events, deduped, in (hlc, id)
 * order, covering the union of their sequence numbers. Readers that also see the
 * originals dedupe by event id, so they reach the same state either way.
 */
export function compactSegments(key: MemberKey, segments: readonly Segment[]): Segment {
  const [head] = segments;
  if (!head) throw new SegmentError('bad-range', 'nothing to compact');
  for (const s of segments) {
    if (s.group !== head.group || s.device !== head.device || s.author !== key.keyId) {
      throw new SegmentError('foreign-event', "compaction merges one device's own segments");
    }
  }
  const byId = new Map<string, GroupEvent>();
  for (const s of segments) for (const e of s.events) byId.set(e.id, e);
  const events = [...byId.values()].sort((a, b) =>
    a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : 1,
  );
  if (events.length > MAX_SEGMENT_EVENTS) throw new SegmentError('oversized', `${events.length} events`);
  const first = Math.min(...segments.map((s) => s.first));
  const last = Math.max(...segments.map((s) => s.last));
  return createSegment(key, { group: head.group, device: head.device, first, last }, events);
}

function signingBytes(unsigned: Omit<Segment, 'signature'>): Uint8Array {
  return utf8ToBytes(signingContext(unsigned.version) + canonicalJson(unsigned));
}
