// What the CLI's tests share: a fresh temporary directory per test, and the CLI run in-process with
// its output captured.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runGroupCli } from './groupCli';

/** A new directory before each test, removed after it; call the returned function for its path. */
export function tempDirPerTest(prefix: string): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  return () => dir;
}

/** Runs `lectern-group` with `argv` in this process: its exit code and everything it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  return cliWithEnv({}, ...argv);
}

export async function cliWithEnv(
  env: Record<string, string>,
  ...argv: string[]
): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runGroupCli(argv, { out: (l) => lines.push(l), env });
  return { code, out: lines.join('\n') };
}
