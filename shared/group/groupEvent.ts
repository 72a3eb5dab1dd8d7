// The event envelope every group file carries, the base event kinds and their bodies, and
// how an event's id is derived from its content (so one id can never name two contents).
import { z } from 'zod';
import { SpeechMetrics } from '../audio/metrics/speechMetrics';
import { SpeechLanguage } from '../domain/speech';
import { canonicalHash } from './canonical';
import { isHlcString } from './hlc';

export const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
/** A member's key id: the hex of their Ed25519 public key. */
export const keyIdSchema = hex64;
export const hlcSchema = z.string().length(46).refine(isHlcString, 'not a hybrid logical clock');
/** Kinds are dotted lower-case names; new issues add kinds (e.g. `assignment.set`) without a format change. */
export const kindSchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);

/** At most this many causal links per event: a writer with more heads links the latest and the rest later. */
export const MAX_PREV = 32;

/**
 * Format 2's causal links: the ids of the events its writer had seen last (the heads of what it
 * had read), sorted and unique, so an event's causal past is everything reachable through them.
 */
export const prevSchema = z
  .array(hex64)
  .max(MAX_PREV)
  .refine((ids) => ids.every((id, i) => i === 0 || ids[i - 1]! < id), 'prev must be sorted and unique');

/** The envelope. `body` is checked later, against the schema registered for its kind. */
export const eventSchema = z.strictObject({
  id: hex64,
  hlc: hlcSchema,
  author: keyIdSchema,
  kind: kindSchema,
  body: z.unknown(),
  /** Present exactly in format 2 (possibly empty, as in a genesis); absent in format 1. */
  prev: prevSchema.optional(),
});

export interface GroupEvent<B = unknown> {
  /** SHA-256 (hex) of the canonical JSON of {hlc, author, kind, body}: see {@link eventId}. */
  readonly id: string;
  readonly hlc: string;
  readonly author: string;
  readonly kind: string;
  readonly body: B;
  /** Format 2 only: the events its writer had seen last (see {@link prevSchema}). */
  readonly prev?: readonly string[];
}

/**
 * What an event's id hashes: its content, and in format 2 its causal links. Built with its keys in
 * canonical order, so a reader can spell it with JSON.stringify (see canonicalSpelling).
 */
export function eventPreimage(event: Omit<GroupEvent, 'id'>): Record<string, unknown> {
  const { hlc, author, kind, body, prev } = event;
  return prev === undefined ? { author, body, hlc, kind } : { author, body, hlc, kind, prev };
}

/** The content-derived id of an event. Throws CanonicalJsonError for bodies JSON cannot hold. */
export function eventId(event: Omit<GroupEvent, 'id'>): string {
  return canonicalHash(eventPreimage(event));
}

/**
 * Builds an event with its id. The caller signs it later, as part of a segment. `prev` (format 2)
 * is sorted and deduplicated here; leave it out for a format-1 event.
 */
export function createEvent<B>(
  author: string,
  hlc: string,
  kind: string,
  body: B,
  prev?: readonly string[],
): GroupEvent<B> {
  if (prev === undefined) return { id: eventId({ hlc, author, kind, body }), hlc, author, kind, body };
  const links = [...new Set(prev)].sort();
  return { id: eventId({ hlc, author, kind, body, prev: links }), hlc, author, kind, body, prev: links };
}

// ---- base kinds --------------------------------------------------------------------

const text = (max: number) => z.string().max(max);
/** Bounds of the group's own words, shared by these bodies, the API and the forms that write them. */
export const groupLimits = { name: 100, charter: 20_000, memberName: 60, bio: 2_000 } as const;
const name = z.string().trim().min(1).max(groupLimits.memberName);

export const GENESIS = 'group.genesis';
/** The coach who creates a group. The group's id is this event's id. */
export const genesisBody = z.strictObject({
  name: z.string().trim().min(1).max(groupLimits.name),
  charter: text(groupLimits.charter),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_+\-/]+$/),
  creatorKey: keyIdSchema,
  coachName: name,
});
export type GenesisBody = z.infer<typeof genesisBody>;

export const JOIN_REQUEST = 'member.join-request';
/** An applicant asks to join, agreeing to the charter whose SHA-256 they name. */
export const joinRequestBody = z.strictObject({ displayName: name, charterHash: hex64 });
export type JoinRequestBody = z.infer<typeof joinRequestBody>;

export const ROSTER_DECISION = 'roster.decision';
export const rosterDecisions = ['approve', 'decline', 'promote', 'remove'] as const;
export type RosterDecisionKind = (typeof rosterDecisions)[number];
/** A coach approves or declines an applicant, promotes a member to coach, or removes one. */
export const rosterDecisionBody = z.strictObject({ member: keyIdSchema, decision: z.enum(rosterDecisions) });
export type RosterDecisionBody = z.infer<typeof rosterDecisionBody>;

export const PROFILE_UPDATE = 'member.profile';
/** A member edits their own profile; fields left out keep their value. */
export const profileUpdateBody = z.strictObject({
  displayName: name.optional(),
  bio: text(groupLimits.bio).optional(),
});
export type ProfileUpdateBody = z.infer<typeof profileUpdateBody>;

export const RECORDING_SHARED = 'recording.shared';
/** A member shares a Speech recording; the audio and its peaks are blobs named by SHA-256. */
export const recordingSharedBody = z.strictObject({
  sha256: hex64,
  byteSize: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000),
  peaksSha256: hex64,
  title: z.string().trim().min(1).max(200),
  mime: z
    .string()
    .max(100)
    .regex(/^(audio|video)\/[a-z0-9.+-]+(;[ a-z0-9=.+,-]*)?$/),
});
export type RecordingSharedBody = z.infer<typeof recordingSharedBody>;

export const RECORDING_WITHDRAWN = 'recording.withdrawn';
/** The author withdraws a recording they shared (named by the sharing event's id). */
export const recordingWithdrawnBody = z.strictObject({ recording: hex64 });
export type RecordingWithdrawnBody = z.infer<typeof recordingWithdrawnBody>;

export const RECORDING_METRICS = 'recording.metrics';
/**
 * The delivery metrics of a recording its author shared (named by the sharing event's id), and the
 * language the speech is in. A kind of its own, not a field of `recording.shared`: that body is strict,
 * so a reader from before metrics would drop the whole recording; an unknown kind it only ignores.
 */
export const recordingMetricsBody = z.strictObject({
  recording: hex64,
  language: SpeechLanguage,
  metrics: SpeechMetrics,
});
export type RecordingMetricsBody = z.infer<typeof recordingMetricsBody>;
