// Hybrid logical clock for group events: wall-clock-like, yet strictly increasing on
// each device and after every received event, so (hlc, id) gives one total order on
// every computer. Pure: the caller passes the wall clock in.
//
// String format (fixed width, 46 chars, sorts lexicographically in time order):
//   2026-11-26T13:58:36.123Z-0000-0123456789abcdef
//   ^ ISO 8601 UTC millis (24) ^ counter, 4 hex ^ node id, 16 lowercase hex
// The ISO part is fixed width for the years 1970-9999, which is all we accept.

export interface Hlc {
  /** Milliseconds since the Unix epoch (UTC). */
  readonly millis: number;
  /** Tie-breaker for events within one millisecond, 0..0xffff. */
  readonly counter: number;
  /** The writing device, 16 lowercase hex characters. */
  readonly node: string;
}

/**
 * How far ahead of our wall clock a received clock may be before we refuse it. Computers that set
 * their clocks from the network are within seconds of each other; ten minutes leaves room for one
 * set by hand, yet no writer can date events hours ahead and drag every reader's clock along. A
 * reader refuses such events for now, not for ever (a refused segment is read again at each sync).
 */
export const MAX_DRIFT_MS = 10 * 60 * 1000;
const MAX_COUNTER = 0xffff;
const MAX_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const NODE_RE = /^[0-9a-f]{16}$/;
const HLC_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;

/** A received clock is further in the future than {@link MAX_DRIFT_MS}: a wrong clock, or a forged one. */
export class ClockDriftError extends Error {
  override readonly name = 'ClockDriftError';
  constructor(
    readonly remoteMillis: number,
    readonly wallMillis: number,
  ) {
    super(
      `clock ${new Date(remoteMillis).toISOString()} is implausibly far ahead of ${new Date(wallMillis).toISOString()}`,
    );
  }
}

/** More than 65536 events in one millisecond: only a runaway loop can do that. */
export class ClockOverflowError extends Error {
  override readonly name = 'ClockOverflowError';
  constructor() {
    super('hybrid logical clock counter overflow');
  }
}

export class HlcFormatError extends Error {
  override readonly name = 'HlcFormatError';
  constructor(readonly input: string) {
    super(`not a hybrid logical clock: ${JSON.stringify(input.slice(0, 64))}`);
  }
}

/** The clock a fresh device starts from. */
export function zeroHlc(node: string): Hlc {
  if (!NODE_RE.test(node)) throw new HlcFormatError(node);
  return { millis: 0, counter: 0, node };
}

/** The clock for a new local event: after `last` and no earlier than the wall clock. */
export function tickHlc(last: Hlc, wallMillis: number): Hlc {
  const wall = Math.floor(wallMillis);
  if (wall > last.millis) return { millis: wall, counter: 0, node: last.node };
  return bump(last.millis, last.counter, last.node);
}

/**
 * Merge a clock seen in someone else's event into ours, so our next event sorts after it.
 * Throws {@link ClockDriftError} when `remote` is implausibly far ahead of `wallMillis`.
 */
export function receiveHlc(last: Hlc, remote: Hlc, wallMillis: number): Hlc {
  const wall = Math.floor(wallMillis);
  assertNoDrift(remote, wall);
  const millis = Math.max(last.millis, remote.millis, wall);
  if (millis === wall && wall > last.millis && wall > remote.millis)
    return { millis, counter: 0, node: last.node };
  if (last.millis === remote.millis) return bump(millis, Math.max(last.counter, remote.counter), last.node);
  if (millis === last.millis) return bump(millis, last.counter, last.node);
  return bump(millis, remote.counter, last.node);
}

/** Throws {@link ClockDriftError} when `clock` is more than {@link MAX_DRIFT_MS} ahead of the wall clock. */
export function assertNoDrift(clock: Hlc, wallMillis: number, maxDriftMs = MAX_DRIFT_MS): void {
  if (clock.millis - wallMillis > maxDriftMs) throw new ClockDriftError(clock.millis, wallMillis);
}

export function formatHlc(clock: Hlc): string {
  if (!Number.isInteger(clock.millis) || clock.millis < 0 || clock.millis > MAX_MILLIS)
    throw new HlcFormatError(String(clock.millis));
  if (!Number.isInteger(clock.counter) || clock.counter < 0 || clock.counter > MAX_COUNTER)
    throw new ClockOverflowError();
  if (!NODE_RE.test(clock.node)) throw new HlcFormatError(clock.node);
  return `${new Date(clock.millis).toISOString()}-${clock.counter.toString(16).padStart(4, '0')}-${clock.node}`;
}

export function parseHlc(text: string): Hlc {
  const millis = hlcMillis(text);
  if (Number.isNaN(millis)) throw new HlcFormatError(text);
  return { millis, counter: parseInt(text.slice(25, 29), 16), node: text.slice(30) };
}

/** True when `text` is a well-formed clock string (the zod schemas use this). */
export function isHlcString(text: string): boolean {
  return !Number.isNaN(hlcMillis(text));
}

/**
 * The instant of a clock string, or NaN when it is not one: a real date and time of day, one
 * spelling per instant (no Feb 30, no 24:00, no leap second). Read field by field rather than by
 * Date.parse and a round trip through toISOString: every event of a first sync is checked here.
 */
function hlcMillis(text: string): number {
  if (!HLC_RE.test(text)) return NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  const second = digitsAt(text, 17, 19);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const ms = digitsAt(text, 20, 23);
  // Date.UTC reads the years 0-99 as 1900-1999: ask 400 years (exactly 146,097 days) later.
  return Date.UTC(year + 400, month - 1, day, hour, minute, second, ms) - DAYS_IN_400_YEARS * 86_400_000;
}

/** The number spelled by the decimal digits text[from, to) (the caller has checked they are digits). */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

const DAYS_IN_400_YEARS = 146_097;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.millis - b.millis || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
}

function bump(millis: number, counter: number, node: string): Hlc {
  if (counter >= MAX_COUNTER) throw new ClockOverflowError();
  return { millis, counter: counter + 1, node };
}
