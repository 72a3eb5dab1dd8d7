// How much one device directory may make a reader read and hold (design rule 10: every input is
// bounded in size and rate). Pure and order-free: which segments the quotas refuse depends only on
// the files present, decided in the order of their sequence numbers, so every computer that sees
// the same files refuses the same ones, whatever order they arrived in (docs/sync-format.md).
import { classifyPath } from '../../../shared/group/folderLayout';

export interface DeviceQuota {
  /** Events one key may date on one UTC day in one device directory. */
  dayEvents: number;
  /** Segment bytes one key may date on one UTC day in one device directory (a segment's bytes are shared out among its events). */
  dayBytes: number;
  /** Entries of one device's segments directory that are looked at; the rest are not read. */
  files: number;
}

/** A busy member writes a few dozen events a day; 2,000 is a day of nothing but clicking. */
export const MAX_DAY_EVENTS = 2_000;
/** A day of real use is some tens of KB of segments (speeches are blobs, not segments); 8 MiB is two full segments. */
export const MAX_DAY_BYTES = 8 * 1024 * 1024;
/**
 * The app writes a segment per action (~20 on a busy day) and does not compact on its own, so a
 * device reaches 10,000 in about 18 months; 50,000 is years of the busiest device. Counted by name,
 * before anything is read: it bounds the work and the cursor whatever a directory holds.
 */
export const MAX_SEGMENT_FILES = 50_000;

export const DEVICE_QUOTA: Readonly<DeviceQuota> = {
  dayEvents: MAX_DAY_EVENTS,
  dayBytes: MAX_DAY_BYTES,
  files: MAX_SEGMENT_FILES,
};

/** A segment read successfully, as the quotas see it. */
export interface QuotaFile {
  /** Relative to the group folder: `devices/<id>/segments/<name>`. */
  path: string;
  author: string;
  size: number;
  /** Its events per UTC day of their hlc (`YYYY-MM-DD`). */
  days: Readonly<Record<string, number>>;
}

interface Named {
  device: string;
  first: number;
  last: number;
  copy: boolean;
  name: string;
}

function named(rel: string): Named {
  const kind = classifyPath(rel);
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (kind.type === 'segment')
    return { device: kind.deviceId, first: kind.first, last: kind.last, copy: kind.conflictCopy, name };
  const device = rel.split('/')[1] ?? '';
  return { device, first: Number.POSITIVE_INFINITY, last: Number.POSITIVE_INFINITY, copy: false, name };
}

function compareNamed(x: Named, y: Named): number {
  if (x.first !== y.first) return x.first < y.first ? -1 : 1;
  if (x.last !== y.last) return x.last < y.last ? -1 : 1;
  if (x.copy !== y.copy) return x.copy ? 1 : -1;
  return x.name < y.name ? -1 : x.name > y.name ? 1 : 0;
}

/**
 * Sequence order: by first, then last sequence number, then originals before conflict copies, then
 * name; names that are not segments' come after every segment, by name.
 */
export function sequenceOrder(a: string, b: string): number {
  return compareNamed(named(a), named(b));
}

/**
 * Splits the entries of one device's segments directory (paths relative to the folder) into the
 * first `limit` in sequence order, which are looked at, and the rest, which are not.
 */
export function withinFileQuota(paths: readonly string[], limit: number): { look: string[]; over: string[] } {
  if (paths.length <= limit) return { look: [...paths], over: [] };
  const sorted = paths.map((p) => ({ p, n: named(p) })).sort((a, b) => compareNamed(a.n, b.n));
  return { look: sorted.slice(0, limit).map((x) => x.p), over: sorted.slice(limit).map((x) => x.p) };
}

const MiB = 1024 * 1024;
const count = (n: number) => n.toLocaleString('en-US');
const size = (n: number) => (n % MiB === 0 ? `${count(n / MiB)} MiB` : `${count(n)} bytes`);

/**
 * The segments the day quotas refuse, with why. Per (device directory, author): segments are taken
 * in sequence order and each is accepted whole if, on every day it dates events, the events and
 * bytes accepted so far plus its own stay within the quota; otherwise it is refused and counts for
 * nothing. A key's segments in another device's directory never use that device's quota.
 */
export function refusedByQuota(
  files: Iterable<QuotaFile>,
  quota: DeviceQuota = DEVICE_QUOTA,
): Map<string, string> {
  const groups = new Map<string, Array<{ f: QuotaFile; n: Named }>>();
  for (const f of files) {
    const n = named(f.path);
    const key = `${n.device}/${f.author}`;
    const list = groups.get(key);
    if (list) list.push({ f, n });
    else groups.set(key, [{ f, n }]);
  }
  const refused = new Map<string, string>();
  for (const group of groups.values()) {
    const list = group.sort((a, b) => compareNamed(a.n, b.n)).map((x) => x.f);
    const events = new Map<string, number>();
    const bytes = new Map<string, number>();
    for (const f of list) {
      const total = Object.values(f.days).reduce((sum, n) => sum + n, 0);
      const days = Object.keys(f.days).sort();
      const share = (day: string) => Math.ceil((f.size * f.days[day]!) / total);
      let why: string | null = null;
      for (const day of days) {
        if ((events.get(day) ?? 0) + f.days[day]! > quota.dayEvents) {
          why = `quota: more than ${count(quota.dayEvents)} events dated ${day} from this key in this device's directory`;
          break;
        }
        if ((bytes.get(day) ?? 0) + share(day) > quota.dayBytes) {
          why = `quota: more than ${size(quota.dayBytes)} of segments dated ${day} from this key in this device's directory`;
          break;
        }
      }
      if (why) {
        refused.set(f.path, why);
        continue;
      }
      for (const day of days) {
        events.set(day, (events.get(day) ?? 0) + f.days[day]!);
        bytes.set(day, (bytes.get(day) ?? 0) + share(day));
      }
    }
  }
  return refused;
}
