// The generated journal for the journal benchmarks (journalSearch.bench.ts, journalOpen.bench.ts):
// entries in mixed Chinese and English with a Zipf-like vocabulary, and the queries to time. Not a
// benchmark itself (no `.bench.ts`).
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { testEntry } from '../../shared/journal/testEntries';

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
export const queries = [
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

// The entries continue the sequence that made the vocabulary, as the first version of the benchmark did.
const seedAfterVocabulary = seed;

function sentence(): string {
  const zh = random() < 0.6;
  const length = 6 + Math.floor(random() * 10);
  // English words inside Chinese text are set off by spaces, as people type them.
  const words = Array.from({ length }, () => (zh && random() < 0.9 ? zipf(zhWords) : ` ${zipf(enWords)} `));
  return zh ? `${words.join('')}。` : `${words.join(' ')}. `;
}

/** `count` entries, always the same ones for the same count (a fixed seed). */
export function generateEntries(count: number): JournalEntry[] {
  seed = seedAfterVocabulary;
  return Array.from({ length: count }, (_, i) =>
    testEntry({
      id: `e${i}`,
      title: `${zipf(zhWords)}${zipf(zhWords)} ${zipf(enWords)}`,
      body: Array.from({ length: 8 + Math.floor(random() * 12) }, sentence).join(''),
      tags: [zipf(zhCore), zipf(enCore)],
      updatedAt: `2025-01-01T00:00:00.${String(i % 1000).padStart(3, '0')}Z`,
    }),
  );
}
