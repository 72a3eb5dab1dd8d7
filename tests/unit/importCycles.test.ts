// No module imports itself back through others (type-only imports count too), so each layer reads
// top-down: the fold once imported its slices, which imported the fold's state type. Static
// relative imports only; `npx madge --circular --extensions ts,tsx shared` says the same.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string, code: string): string[] {
  return [...code.matchAll(IMPORT)].flatMap((m) => {
    const base = resolve(dirname(file), m[1]!);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
      (p) => existsSync(p) && statSync(p).isFile(),
    );
    return found ? [relative(root, found)] : [];
  });
}

/** Each cycle a depth-first walk meets, as the path that closes it. */
function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (f: string) => {
    const at = stack.indexOf(f);
    if (at >= 0) return void found.push([...stack.slice(at), f]);
    if (done.has(f)) return;
    stack.push(f);
    for (const next of edges.get(f) ?? []) visit(next);
    stack.pop();
    done.add(f);
  };
  for (const f of edges.keys()) visit(f);
  return found;
}

describe('import cycles', () => {
  it.each(['shared', 'electron', 'renderer'])('none in %s/', (folder) => {
    const files = sourceFiles(join(root, folder));
    const edges = new Map(files.map((f) => [relative(root, f), importsOf(f, readFileSync(f, 'utf8'))]));
    expect(findCycles(edges)).toEqual([]);
  });

  it('reads type-only and multi-line imports, and finds a cycle where there is one', () => {
    const code =
      "import type { GroupState } from './groupState';\nimport {\n  foldRoster,\n} from './roster';";
    expect(importsOf(join(root, 'shared/group/fold.ts'), code)).toEqual([
      'shared/group/groupState.ts',
      'shared/group/roster.ts',
    ]);
    const edges = new Map([
      ['fold.ts', ['profiles.ts', 'groupState.ts']],
      ['profiles.ts', ['fold.ts']],
      ['groupState.ts', []],
    ]);
    expect(findCycles(edges)).toEqual([['fold.ts', 'profiles.ts', 'fold.ts']]);
  });
});
