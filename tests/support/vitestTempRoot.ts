// Every Vitest run keeps its temporary folders under one root of its own, removed when the run ends:
// a test that forgets its folder, or stops half-way, leaves nothing in the system's temp directory.
// (Test workers start after this and inherit TMPDIR, which os.tmpdir() reads.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'lectern-vitest-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
