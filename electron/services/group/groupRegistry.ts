// The groups this computer has joined (a member can belong to several): group id, folder and name,
// in one small JSON file in the data dir.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../groupFolder/atomicWrite';

const FILE = 'groups.json';
const entrySchema = z.object({
  groupId: z.string().regex(/^[0-9a-f]{64}$/),
  folder: z.string(),
  name: z.string(),
  /** The member key this computer joined with. */
  keyId: z.string(),
  joinedAt: z.string(),
});
export type JoinedGroupEntry = z.infer<typeof entrySchema>;
const fileSchema = z.object({ version: z.literal(1), groups: z.array(entrySchema) });

export class GroupRegistry {
  constructor(private readonly dataDir: string) {}

  async list(): Promise<JoinedGroupEntry[]> {
    const text = await fs.readFile(path.join(this.dataDir, FILE), 'utf8').catch(() => null);
    if (text === null) return [];
    const parsed = fileSchema.safeParse(safeJson(text));
    // A damaged registry must not lose the groups silently: keep the file, start from what parses.
    if (!parsed.success) {
      await fs
        .copyFile(path.join(this.dataDir, FILE), path.join(this.dataDir, `${FILE}.damaged`))
        .catch(() => {});
      return [];
    }
    return parsed.data.groups;
  }

  async add(entry: JoinedGroupEntry): Promise<void> {
    const groups = (await this.list()).filter((g) => g.groupId !== entry.groupId);
    await this.write([...groups, entry]);
  }

  async update(groupId: string, change: Partial<Pick<JoinedGroupEntry, 'folder' | 'name'>>): Promise<void> {
    const groups = await this.list();
    await this.write(groups.map((g) => (g.groupId === groupId ? { ...g, ...change } : g)));
  }

  private async write(groups: JoinedGroupEntry[]): Promise<void> {
    await fs.mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(this.dataDir, FILE, JSON.stringify({ version: 1, groups }, null, 2) + '\n', {
      overwrite: true,
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
