import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { appRegistry } from './appRegistry';
import { PROFILE_UPDATE } from './groupEvent';

/** What the fold reads of a body check: the verdict, the body it goes on with (names are trimmed), the issues. */
function check(schema: z.ZodType, body: unknown) {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, body: result.data } : { ok: false, issues: result.error.issues };
}

describe('KindRegistry', () => {
  it('checks bodies with a compiled schema that answers as the registered one does (property)', () => {
    const registered = appRegistry.slices.find((slice) => PROFILE_UPDATE in slice.kinds)!.kinds[
      PROFILE_UPDATE
    ]!.body as z.ZodType;
    const looked = appRegistry.lookup(PROFILE_UPDATE)!.handler.body as z.ZodType;
    expect(looked).not.toBe(registered);
    const bodies = fc.oneof(
      fc.record(
        { displayName: fc.string({ maxLength: 70 }), bio: fc.string({ maxLength: 40 }) },
        { requiredKeys: [] },
      ),
      fc.record(
        { displayName: fc.constantFrom('  讲台  ', ' Ada', '', '   '), extra: fc.integer() },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        expect(check(looked, body)).toEqual(check(registered, body));
      }),
    );
  });
});
