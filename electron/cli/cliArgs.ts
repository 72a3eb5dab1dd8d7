// Option values read the same way by every command that takes them: instants (--clock, --as-of),
// counts, the group format and the backup passphrase. Each refuses a bad value with a UsageError.
import type { CliIo } from './cliCommand';
import { UsageError } from './cliCommand';

/** The wall clock of a command: the real one, or the instant `--clock` sets. */
export function wallClock(clock: string | undefined): () => number {
  const fixed = clock === undefined ? undefined : parseInstant(clock, '--clock');
  return () => fixed ?? Date.now();
}

/** `--format`: the group format a new group is written in (2 unless asked; 1 to make old-style groups). */
export function formatOf(text: string | undefined): 1 | 2 {
  if (text === undefined || text === '2') return 2;
  if (text === '1') return 1;
  throw new UsageError('--format must be 1 or 2.');
}

export function count(text: string, flag: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > 100_000)
    throw new UsageError(`${flag} must be a whole number ≥ ${min}.`);
  return n;
}

export function passphraseFrom(env: CliIo['env']): string {
  const p = env.LECTERN_PASSPHRASE;
  if (!p) throw new UsageError('Set LECTERN_PASSPHRASE to the backup passphrase.');
  return p;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An ISO 8601 instant with an explicit zone (`Z` or `±hh:mm`), e.g. 2026-03-08T13:00:00Z, from
 * 1970 to 9999 (what a clock can say). A day that does not exist (02-30) is refused, not rolled over.
 */
export function parseInstant(text: string, flag: string): number {
  const ms = Date.parse(text);
  if (!isInstant(text) || !Number.isFinite(ms) || ms < 0 || ms > LAST_INSTANT)
    throw new UsageError(
      `${flag} must be an ISO 8601 instant with a zone, e.g. 2026-03-08T13:00:00Z (got "${text}").`,
    );
  return ms;
}

const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function isInstant(text: string): boolean {
  const m = ISO_INSTANT.exec(text);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map((x) => Number(x ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
  );
}
