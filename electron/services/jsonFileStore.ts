// A small JSON document on disk, validated on read: a missing or damaged file gives the fallback
// instead of an error, because it only ever holds preferences that are safe to reset.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileAtomic } from './atomicFile';

export class JsonFileStore<S extends z.ZodType> {
  constructor(
    private readonly path: string,
    private readonly schema: S,
    private readonly fallback: z.output<S>,
  ) {}

  async read(): Promise<z.output<S>> {
    try {
      const parsed = this.schema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      return parsed.success ? parsed.data : this.fallback;
    } catch {
      return this.fallback;
    }
  }

  async write(value: z.output<S>): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(value, null, 2));
  }
}
