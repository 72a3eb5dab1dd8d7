// The big records of a group's state (every shared recording, every critique) held in shards by
// their ids' first two hex digits. The incremental fold changes a state by copy on write (fold.ts):
// a change then copies the root of at most 256 shards and one shard, not a year of entries (at 300
// members a flat copy of the critiques cost 13 ms for each new critique, of the recordings 7 ms).
// Every key is a checked hex id (the kinds' body schemas), so a shard's name is two hex digits.

export type Sharded<T> = Record<string, Record<string, T>>;

const shardOf = (id: string): string => id.slice(0, 2);

export function shardedGet<T>(record: Sharded<T>, id: string): T | undefined {
  return record[shardOf(id)]?.[id];
}

export function shardedSet<T>(record: Sharded<T>, id: string, value: T): void {
  (record[shardOf(id)] ??= {})[id] = value;
}

/** Removes an entry; a shard left empty goes too, so a state does not depend on what came and went. */
export function shardedDelete<T>(record: Sharded<T>, id: string): void {
  const shard = record[shardOf(id)];
  if (!shard || !(id in shard)) return;
  delete shard[id];
  if (Object.keys(shard).length === 0) delete record[shardOf(id)];
}

const flatViews = new WeakMap<object, Readonly<Record<string, unknown>>>();

/**
 * Every entry of a sharded record as one record, in the order they were folded in (by `folded`,
 * their event's clock, then id), built once per record: a state is never changed once made.
 */
export function flatView<T>(record: Sharded<T>, folded: (entry: T) => string): Readonly<Record<string, T>> {
  let flat = flatViews.get(record) as Readonly<Record<string, T>> | undefined;
  if (!flat) {
    const entries = Object.values(record).flatMap((shard) => Object.entries(shard));
    const key = new Map(entries.map(([id, entry]) => [id, folded(entry)]));
    entries.sort(([a], [b]) => {
      const [ka, kb] = [key.get(a)!, key.get(b)!];
      return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
    flat = Object.fromEntries(entries);
    flatViews.set(record, flat);
  }
  return flat;
}
