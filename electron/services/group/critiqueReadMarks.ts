// How far this member has read each recording's critiques, per group: a map from recording id to
// the HLC of the newest note they had seen. Kept in the data dir as plain JSON (a preference: a
// damaged file only makes old critiques show as unread again).
import path from 'node:path';
import { z } from 'zod';
import { JsonFileStore } from '../jsonFileStore';

const Hlc = z.string().max(64);
const Marks = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.record(z.string(), Hlc));
type Marks = z.infer<typeof Marks>;

export class CritiqueReadMarks {
  private readonly stores = new Map<string, JsonFileStore<typeof Marks>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  private store(groupId: string): JsonFileStore<typeof Marks> {
    let store = this.stores.get(groupId);
    if (!store) {
      const file = path.join(this.dataDir, 'groups', groupId, 'critique-read.json');
      this.stores.set(groupId, (store = new JsonFileStore(file, Marks, {})));
    }
    return store;
  }

  /** The member's marks in a group: recording id → last-read HLC. */
  async read(groupId: string, member: string): Promise<Record<string, string>> {
    await this.queue;
    return (await this.store(groupId).read())[member] ?? {};
  }

  /** Moves a recording's mark forward to `hlc` (never back). */
  mark(groupId: string, member: string, recordingId: string, hlc: string): Promise<void> {
    const work = async () => {
      const store = this.store(groupId);
      const all: Marks = await store.read();
      const mine = (all[member] ??= {});
      if ((mine[recordingId] ?? '') >= hlc) return;
      mine[recordingId] = hlc;
      await store.write(all);
    };
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
