// Tokens for full-text search in Chinese and English alike. Chinese has no spaces and a word
// segmenter's choices vary (it splits 点评 into 点|评), so Han text is indexed as overlapping
// bigrams, and apart as its characters: a Chinese query cut into bigrams then matches inside longer
// words (演讲 in 演讲技巧, 点评 in 互相点评), and a one-character query is one exact look-up of that
// character (as a prefix of every bigram it starts, 讲 cost a walk over a hundred terms and their
// sixty thousand postings). Other text is cut into words (by Intl.Segmenter where a script has no spaces).
const han = /\p{Script=Han}/u;
const hanRun = /\p{Script=Han}+/gu;
const hanChar = /\p{Script=Han}/gu;
const wordLike = /[\p{L}\p{N}]/u;

const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
// Scripts written without spaces besides Han need the segmenter's dictionary; everything else splits
// on non-letters just as well and about seventy times faster.
const unspaced =
  /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function words(text: string): string[] {
  if (segmenter && unspaced.test(text)) {
    const out: string[] = [];
    for (const part of segmenter.segment(text)) if (part.isWordLike) out.push(part.segment);
    return out;
  }
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function tokens(lower: string, bigramsOnly: boolean): string[] {
  const out: string[] = [];
  for (const run of lower.match(hanRun) ?? []) {
    const bigrams = hanBigrams(run);
    // A lone character is found through `hanCharsForIndex` in the index; a query keeps it.
    if (!bigramsOnly || bigrams[0]!.length > 1) out.push(...bigrams);
  }
  for (const word of words(lower.replace(hanRun, ' '))) {
    if (!han.test(word) && wordLike.test(word)) out.push(word);
  }
  return out;
}

/** Whether a query token is a single Han character (looked up among `hanCharsForIndex`). */
export function isHanChar(token: string): boolean {
  return [...token].length === 1 && han.test(token);
}

/** Whether a token is Han (a character or a bigram), which matches whole, never as a prefix. */
export function isHan(token: string): boolean {
  return han.test(token);
}

/**
 * Tokens stored in the index for a title or a body: Han bigrams and words, repeats included (they
 * raise the term's score). Indexing costs about 2.5 µs a token, nearly all in MiniSearch's radix
 * tree, whose insertion scans a node's children one by one (hundreds at the root with Han bigrams).
 * Dropping repeats would save only ~8% of tokens on journal text (tests/bench/journalSearch.bench.ts),
 * so they stay; the index is built in a worker instead (journalSearchProtocol.ts).
 */
export function tokenizeForIndex(text: string): string[] {
  return tokens(fold(text), true);
}

/** The Han characters of a title or a body, each once: what a one-character query looks up. */
export function hanCharsForIndex(text: string): string[] {
  return [...new Set(fold(text).match(hanChar))];
}

/** Tokens of a query: every one must match (a word as a prefix) for an entry to be found. */
export function tokenizeQuery(text: string): string[] {
  return [...new Set(tokens(fold(text), false))];
}
