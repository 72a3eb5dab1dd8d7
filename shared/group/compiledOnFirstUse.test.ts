import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileParser, compiledOnFirstUse } from './compiledOnFirstUse';

describe('compileParser', () => {
  it('compiles a flat schema into one that refuses what the runtime refuses, with its issues', () => {
    const schema = z.strictObject({ id: z.string().regex(/^[0-9a-f]{4}$/), n: z.number().int() });
    const compiled = compileParser(schema);
    expect(compiled).not.toBe(schema);
    expect(compiled.safeParse({ id: 'beef', n: 2 })).toEqual({ success: true, data: { id: 'beef', n: 2 } });
    const refused = compiled.safeParse({ id: 'BEEF', n: 2, extra: 1 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues).toEqual(schema.safeParse({ id: 'BEEF', n: 2, extra: 1 }).error?.issues);
  });

  it('gives back a schema it cannot compile (a recursive one) unchanged, still checking', () => {
    interface Node {
      children: Node[];
    }
    const node: z.ZodType<Node> = z.object({ children: z.lazy(() => z.array(node)) });
    expect(compileParser(node)).toBe(node);
    expect(node.safeParse({ children: [{ children: [] }] }).success).toBe(true);
    expect(node.safeParse({ children: [{}] }).success).toBe(false);
  });

  it('compiles once, on first use', () => {
    const schema = z.object({ a: z.string() });
    const get = compiledOnFirstUse(schema);
    const first = get();
    expect(first).not.toBe(schema);
    expect(get()).toBe(first);
  });
});
