// One walk over a parsed JSON value, without recursion: how deeply it nests (a hostile file nested
// thousands deep must be refused the same way on every computer, whatever its stack size), and
// whether its objects already list their keys in canonical order (then JSON.stringify spells it as
// canonical JSON does: see canonicalSpelling).

export interface JsonShape {
  /** It nests no deeper than the walk's `maxDepth` arrays/objects (a scalar is depth 0). */
  withinDepth: boolean;
  /** Every object's keys, in enumeration order, are strictly ascending by UTF-16 code units (RFC 8785's order). */
  keysInOrder: boolean;
}

export function jsonShape(value: unknown, maxDepth: number): JsonShape {
  let keysInOrder = true;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth + 1 > maxDepth) return { withinDepth: false, keysInOrder: false };
    if (Array.isArray(node)) {
      for (const child of node)
        if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
      continue;
    }
    let previous: string | undefined;
    for (const key in node) {
      if (previous !== undefined && !(previous < key)) keysInOrder = false;
      previous = key;
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return { withinDepth: true, keysInOrder };
}
