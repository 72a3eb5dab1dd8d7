// Zod's AOT compilation: a schema's parser generated as flat code, with the same verdicts, output and
// issues as the runtime parser (a refusal is handed to the runtime parser, which reports it), several
// times faster where every event of a group passes. Done the first time a schema is used, so a
// process that never uses it never pays for compiling it.
import { z } from 'zod';
import { compileFn } from 'zod/v4/core';

/**
 * The schema with its compiled parser. Only the parser: `z.compile` also generates a validator for
 * `schema.validate`, which nothing here calls, and that made the compiling a first sync pays in a
 * fresh process half as long again (14 ms against 9.5 for the event schema and every kind's body).
 * A schema the compiler cannot model is returned as it is (as `z.compile` does).
 * (`compileFn` is the generator `z.compile` itself calls; zod exports it but calls it internal, so the
 * tests check that a schema really comes back compiled.)
 */
export function compileParser<S extends z.ZodType>(schema: S): S {
  try {
    return z.withParser(schema, compileFn(schema));
  } catch {
    return schema;
  }
}

/** The compiled schema, made on the first call. */
export function compiledOnFirstUse<S extends z.ZodType>(schema: S): () => S {
  let compiled: S | undefined;
  return () => (compiled ??= compileParser(schema));
}
