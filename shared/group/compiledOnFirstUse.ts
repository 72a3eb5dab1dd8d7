// Zod's AOT compilation (z.compile: the same verdicts, output and issues as the runtime parser, several
// times faster where every event of a group passes), done the first time the schema is used, so a
// process that never uses it never pays for compiling it.
import { z } from 'zod';

/** The compiled schema, made on the first call. */
export function compiledOnFirstUse<S extends z.ZodType>(schema: S): () => S {
  let compiled: S | undefined;
  return () => (compiled ??= z.compile(schema));
}
