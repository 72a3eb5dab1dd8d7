// Journal search over 10,000 generated entries in mixed Chinese and English: index build time (which
// the page used to spend on its main thread at the first search) against what the page now spends to
// hand the entries to the search worker (the diff and a structured clone, as postMessage makes), how
// many index tokens are repeats, and per-query p50/p95 of the index against the linear scan the page
// answers with until the worker's index is ready, in the same run: five runs, each every query ten
// times through both, alternating, each run's p50 and p95.
// Goals (#4, #22): p95 under 50 ms, and the index faster than the scan at p95 and at p50.
// Run: npm run bench -- journalSearch
import { performance } from 'node:perf_hooks';
import { JournalSearch, linearSearch, syncChange } from '../../shared/journal/journalSearch';
import { tokenizeForIndex } from '../../shared/journal/searchTokens';
import { generateEntries, queries } from './journalCorpus';
import { percentile } from './kit/figures';
import { declareGoal } from './kit/goals';
import { benchRuns } from './kit/runs';

const entryCount = 10_000;

/** Every query `rounds` times: each one's time, in ms. */
function measure(run: (query: string) => unknown, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      const start = performance.now();
      run(query);
      times.push(performance.now() - start);
    }
  }
  return times;
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

const entries = generateEntries(entryCount);
const chars = entries.reduce((sum, entry) => sum + entry.body.length + entry.title.length, 0);
console.log(
  `journal search: ${entryCount} entries, ${(chars / 1e6).toFixed(1)} M characters, ${queries.length} queries`,
);

let withRepeats = 0;
let unique = 0;
const [, tokenizeMs] = timed(() => {
  for (const entry of entries) {
    for (const text of [entry.title, entry.body]) {
      const tokens = tokenizeForIndex(text);
      withRepeats += tokens.length;
      unique += new Set(tokens).size;
    }
  }
});
console.log(
  `tokens: ${(withRepeats / 1e6).toFixed(2)} M, ${(unique / 1e6).toFixed(2)} M without repeats within a field (${((1 - unique / withRepeats) * 100).toFixed(0)}% fewer); tokenising ${tokenizeMs.toFixed(0)} ms`,
);

const [search, buildMs] = timed(() => {
  const index = new JournalSearch();
  index.sync(entries);
  return index;
});
console.log(
  `index build    ${buildMs.toFixed(0)} ms (${((buildMs * 1000) / withRepeats).toFixed(2)} µs/token): before, on the page's main thread at the first search`,
);
const [change, diffMs] = timed(() => syncChange(new Map(), entries));
const [, cloneMs] = timed(() => structuredClone(change));
console.log(
  `page's share   ${(diffMs + cloneMs).toFixed(0)} ms (diff ${diffMs.toFixed(0)} ms + clone for postMessage ${cloneMs.toFixed(0)} ms): after, the build runs in the worker (${(buildMs / (diffMs + cloneMs)).toFixed(0)}× less on the main thread)`,
);

const edited = entries.map((entry, i) =>
  i < 10 ? { ...entry, body: `${entry.body} 新内容`, updatedAt: '2025-02-01T00:00:00.000Z' } : entry,
);
const [, resyncMs] = timed(() => search.sync(edited));
console.log(`re-sync after 10 edits ${resyncMs.toFixed(1)} ms`);

// Warm up both paths, then check they agree on what they find before timing them.
let disagreements = 0;
for (const query of queries) {
  const indexed = new Set(search.search(query).map((hit) => hit.id));
  const scanned = linearSearch(edited, query).map((hit) => hit.id);
  const missing = scanned.filter((id) => !indexed.has(id)).length;
  const extra = indexed.size - (scanned.length - missing);
  if (missing || extra) disagreements++;
  console.log(
    `  "${query}": index ${indexed.size}, scan ${scanned.length}${missing ? `, scan-only ${missing}` : ''}${extra ? `, index-only ${extra}` : ''}`,
  );
}

const rounds = 10;
const runs = benchRuns();
const p50 = { index: [] as number[], scan: [] as number[] };
const p95 = { index: [] as number[], scan: [] as number[] };
for (let run = 0; run < runs; run++) {
  // Alternating which goes first, so neither always runs on a warmer (or more loaded) machine.
  const sides = run % 2 ? (['scan', 'index'] as const) : (['index', 'scan'] as const);
  const line: string[] = [];
  for (const side of sides) {
    const times =
      side === 'index'
        ? measure((query) => search.search(query), rounds)
        : measure((query) => linearSearch(edited, query), rounds);
    p50[side].push(percentile(times, 0.5));
    p95[side].push(percentile(times, 0.95));
    line.push(`${side} p50 ${p50[side].at(-1)!.toFixed(2)} ms p95 ${p95[side].at(-1)!.toFixed(2)} ms`);
  }
  console.log(`run ${run + 1} (${rounds} × ${queries.length} queries each): ${line.join('; ')}`);
}
console.log(`scan and index agree on ${queries.length - disagreements} of ${queries.length} queries`);
declareGoal({
  issue: 4,
  goal: 'journal search, 10,000 entries: p95 per query',
  unit: 'ms',
  digits: 1,
  lectern: p95.index,
  baseline: p95.scan,
  target: { on: 'median', atMost: 50, strict: true },
});
declareGoal({
  issue: 22,
  goal: 'journal search, 10,000 entries: index vs linear scan at p95',
  unit: 'ms',
  digits: 1,
  lectern: p95.index,
  baseline: p95.scan,
  target: { on: 'ratio', atMost: 1, strict: true },
});
declareGoal({
  issue: 22,
  goal: 'journal search, 10,000 entries: index vs linear scan at p50',
  unit: 'ms',
  digits: 1,
  lectern: p50.index,
  baseline: p50.scan,
  target: { on: 'ratio', atMost: 1, strict: true },
});
