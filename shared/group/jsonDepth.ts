// How deeply a parsed JSON value nests, measured without recursion: a hostile file nested
// thousands deep must be refused the same way on every computer, whatever its stack size.

/** True when `value` nests no deeper than `maxDepth` arrays/objects (a scalar is depth 0). */
export function nestsWithin(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth + 1 > maxDepth) return false;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return true;
}
