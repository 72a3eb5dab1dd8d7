// `npm run bench`: runs every tests/bench/*.bench.ts in its own process (so one benchmark's heap does
// not colour the next) and lets each print its figures and ratios against its own in-run baseline.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const dir = import.meta.dirname;
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only)))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(dir, name)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
console.log(`\n${benches.length - failed} benchmarks ran, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
