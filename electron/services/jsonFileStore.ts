// A small JSON document on disk, validated on read: a missing or damaged file gives the fallback
// instead of an error, because it only ever holds preferences that are safe to reset.
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from './atomicFile';
import { writeSecretFile } from './group/secretFile';

export class JsonFileStore<S extends z.ZodType> {
  constructor(
    private readonly path: string,
    private readonly schema: S,
    private readonly fallback: z.output<S>,
    /** `ownerOnly`: the file holds a secret (an API key), so it is written 0600 like the member's key. */
    private readonly options: { ownerOnly?: boolean } = {},
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
    const text = JSON.stringify(value, null, 2);
    if (this.options.ownerOnly) await writeSecretFile(dirname(this.path), basename(this.path), text);
    else await writeFileAtomic(this.path, text);
  }
}
