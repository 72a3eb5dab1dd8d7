// A journal entry: a private reflection with a stable id (so it can be shared with the group later)
// and the fields its Markdown file carries in front matter. Dates are the writer's local calendar day.
import { z } from 'zod';

export const moods = [1, 2, 3, 4, 5] as const;
export const Mood = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type Mood = z.infer<typeof Mood>;

/** A local calendar day, `YYYY-MM-DD`. */
export const LocalDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'journal.errors.badDate');

/** A tag as the member typed it, trimmed; `#` and commas are separators, not part of a tag. */
export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^#,\n\r]+$/);

export const JournalEntry = z
  .object({
    id: z.string().min(1).max(100),
    title: z.string().max(500),
    body: z.string(),
    date: LocalDay,
    mood: Mood.nullable(),
    tags: z.array(Tag),
    speechIds: z.array(z.string().min(1)),
    /** Private by default; only a shared entry may ever be written to the group folder. */
    shared: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Set while the entry is in the trash; restorable for {@link trashDays} days. */
    deletedAt: z.string().nullable(),
  })
  .strict();
export type JournalEntry = z.infer<typeof JournalEntry>;

export const trashDays = 30;

export interface NewEntryInput {
  id: string;
  now: string;
  date: string;
  title?: string;
  body?: string;
  tags?: string[];
  speechIds?: string[];
}

export function newJournalEntry(input: NewEntryInput): JournalEntry {
  return {
    id: input.id,
    title: input.title ?? '',
    body: input.body ?? '',
    date: input.date,
    mood: null,
    tags: normaliseTags(input.tags ?? []),
    speechIds: [...new Set(input.speechIds ?? [])],
    shared: false,
    createdAt: input.now,
    updatedAt: input.now,
    deletedAt: null,
  };
}

/** Trims tags, drops empty ones and duplicates (case-insensitively, keeping the first spelling). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw
      .replace(/[#,\n\r]/g, ' ')
      .trim()
      .slice(0, 40)
      .trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
