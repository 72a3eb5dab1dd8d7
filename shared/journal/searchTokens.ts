// Tokens for full-text search in Chinese and English alike. Chinese has no spaces and a word
// segmenter's choices vary (it splits 点评 into 点|评), so Han text is indexed as overlapping
// bigrams plus the run's last character: any Chinese query, cut into bigrams, then matches inside
// longer words (演讲 in 演讲技巧, 点评 in 互相点评), and a one-character query matches by prefix.
// Other text is cut into words (by Intl.Segmenter where a script has no spaces).
const han = /\p{Script=Han}/u;
const hanRun = /\p{Script=Han}+/gu;
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

function hanTokens(run: string, withTail: boolean): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  if (withTail) out.push(chars[chars.length - 1]!);
  return out;
}

function tokens(text: string, forQuery: boolean): string[] {
  const out: string[] = [];
  const lower = text.normalize('NFKC').toLowerCase();
  for (const run of lower.match(hanRun) ?? []) out.push(...hanTokens(run, !forQuery));
  for (const word of words(lower.replace(hanRun, ' '))) {
    if (!han.test(word) && wordLike.test(word)) out.push(word);
  }
  return out;
}

/**
 * Tokens stored in the index for a title or a body, repeats included (they raise the term's score).
 * Indexing costs about 2.5 µs a token, nearly all in MiniSearch's radix tree, whose insertion scans
 * a node's children one by one (hundreds at the root with Han bigrams). Dropping repeats would save
 * only ~8% of tokens on journal text (tests/bench/journalSearch.bench.ts), so they stay; the index
 * is built in a worker instead (journalSearchProtocol.ts).
 */
export function tokenizeForIndex(text: string): string[] {
  return tokens(text, false);
}

/** Tokens of a query: every one must match (as a prefix) for an entry to be found. */
export function tokenizeQuery(text: string): string[] {
  return [...new Set(tokens(text, true))];
}
