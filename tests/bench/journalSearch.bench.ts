// Journal search over 10,000 generated entries in mixed Chinese and English: index build time, and
// per-query p50/p95 of the MiniSearch index against a linear scan over the same entries in the same run.
// Run: npx tsx tests/bench/journalSearch.bench.ts
import { performance } from 'node:perf_hooks';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { JournalSearch } from '../../shared/journal/journalSearch';
import { tokenizeQuery } from '../../shared/journal/searchTokens';
import { testEntry } from '../../shared/journal/testEntries';

const entryCount = 10_000;
// Common characters and words, combined into a vocabulary with a long tail, picked Zipf-like, as
// real writing is: a few words everywhere, most words rare.
const hanChars =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理';
const zhCore = [
  '演讲',
  '技巧',
  '互相',
  '点评',
  '开场',
  '结尾',
  '紧张',
  '停顿',
  '语速',
  '故事',
  '即兴',
  '练习',
  '眼神',
  '手势',
  '观众',
  '准备',
  '稿子',
  '声音',
  '自信',
  '反思',
];
const enCore = [
  'speech',
  'opening',
  'pause',
  'filler',
  'eye',
  'contact',
  'story',
  'practice',
  'nervous',
  'pace',
  'voice',
  'gesture',
  'audience',
  'structure',
  'closing',
  'humour',
  'confidence',
  'timing',
  'feedback',
  'rehearse',
];
const queries = [
  '演讲',
  '点评',
  '演讲技巧',
  '互相点评',
  '讲',
  'speech',
  'open',
  'eye contact',
  'story 故事',
  '紧张 pause',
  'zzz',
  '观众反思',
];

let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const zipf = <T>(list: readonly T[]): T => list[Math.floor(random() ** 3 * list.length)]!;

const zhWords = [...zhCore, ...Array.from({ length: 3000 }, () => pick([...hanChars]) + pick([...hanChars]))];
const syllables = [
  'ka',
  'lo',
  'mi',
  'ter',
  'ran',
  'sen',
  'tion',
  'pre',
  'vel',
  'dor',
  'ing',
  'ous',
  'ble',
  'con',
  'ex',
];
const enWords = [
  ...enCore,
  ...Array.from({ length: 3000 }, () => pick(syllables) + pick(syllables) + pick(syllables)),
];

function sentence(): string {
  const zh = random() < 0.6;
  const length = 6 + Math.floor(random() * 10);
  // English words inside Chinese text are set off by spaces, as people type them.
  const words = Array.from({ length }, () => (zh && random() < 0.9 ? zipf(zhWords) : ` ${zipf(enWords)} `));
  return zh ? `${words.join('')}。` : `${words.join(' ')}. `;
}

function generate(): JournalEntry[] {
  return Array.from({ length: entryCount }, (_, i) =>
    testEntry({
      id: `e${i}`,
      title: `${zipf(zhWords)}${zipf(zhWords)} ${zipf(enWords)}`,
      body: Array.from({ length: 8 + Math.floor(random() * 12) }, sentence).join(''),
      tags: [zipf(zhCore), zipf(enCore)],
      updatedAt: `2025-01-01T00:00:00.${String(i % 1000).padStart(3, '0')}Z`,
    }),
  );
}

/** The baseline: every entry's text scanned for every query token (prefix semantics approximated by substring). */
function linearScan(entries: readonly JournalEntry[], query: string): string[] {
  const tokens = tokenizeQuery(query);
  if (tokens.length === 0) return [];
  const hits: string[] = [];
  for (const entry of entries) {
    const text = `${entry.title}\n${entry.body}\n${entry.tags.join(' ')}`.toLowerCase();
    if (tokens.every((token) => text.includes(token))) hits.push(entry.id);
  }
  return hits;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function measure(label: string, run: (query: string) => unknown, rounds: number) {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      const start = performance.now();
      run(query);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const result = {
    label,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1]!,
  };
  console.log(
    `${label.padEnd(14)} p50 ${result.p50.toFixed(2)} ms   p95 ${result.p95.toFixed(2)} ms   max ${result.max.toFixed(2)} ms`,
  );
  return result;
}

const entries = generate();
const chars = entries.reduce((sum, entry) => sum + entry.body.length + entry.title.length, 0);
console.log(
  `journal search: ${entryCount} entries, ${(chars / 1e6).toFixed(1)} M characters, ${queries.length} queries`,
);

let start = performance.now();
const search = new JournalSearch();
search.sync(entries);
const buildMs = performance.now() - start;
console.log(`index build    ${buildMs.toFixed(0)} ms`);

start = performance.now();
const edited = entries.map((entry, i) =>
  i < 10 ? { ...entry, body: `${entry.body} 新内容`, updatedAt: '2025-02-01T00:00:00.000Z' } : entry,
);
search.sync(edited);
console.log(`re-sync after 10 edits ${(performance.now() - start).toFixed(1)} ms`);

// Warm up both paths, then check they agree on what they find before timing them.
for (const query of queries) {
  const indexed = new Set(search.search(query).map((hit) => hit.id));
  const scanned = linearScan(edited, query);
  const missing = scanned.filter((id) => !indexed.has(id)).length;
  console.log(
    `  "${query}": index ${indexed.size}, scan ${scanned.length}${missing ? `, scan-only ${missing}` : ''}`,
  );
}

const rounds = 10;
const index = measure('minisearch', (query) => search.search(query), rounds);
const scan = measure('linear scan', (query) => linearScan(edited, query), rounds);
console.log(
  `ratio (scan / index): p50 ${(scan.p50 / index.p50).toFixed(1)}×, p95 ${(scan.p95 / index.p95).toFixed(1)}×`,
);
console.log(`budget: p95 under 50 ms — ${index.p95 < 50 ? 'met' : 'MISSED'}`);
