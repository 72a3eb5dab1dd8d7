import { describe, expect, it } from 'vitest';
import { hanCharsForIndex, tokenizeForIndex, tokenizeQuery } from './searchTokens';

describe('search tokens', () => {
  it('cuts Chinese runs into bigrams, and keeps each character once apart', () => {
    expect(tokenizeForIndex('演讲技巧')).toEqual(['演讲', '讲技', '技巧']);
    expect(hanCharsForIndex('讲演讲技巧，讲')).toEqual(['讲', '演', '技', '巧']);
    expect(tokenizeQuery('演讲技巧')).toEqual(['演讲', '讲技', '技巧']);
    expect(tokenizeQuery('讲')).toEqual(['讲']);
  });

  it('keeps English words whole and lower-cased, and drops punctuation', () => {
    expect(tokenizeForIndex('Great Opening, weak ending!')).toEqual(['great', 'opening', 'weak', 'ending']);
  });

  it('handles mixed text and full-width characters', () => {
    expect(tokenizeForIndex('今天的Ｓpeech很好')).toEqual(['今天', '天的', '很好', 'speech']);
    expect(hanCharsForIndex('今天的Ｓpeech很好')).toEqual(['今', '天', '的', '很', '好']);
  });

  it('gives nothing for blank or punctuation-only text', () => {
    expect(tokenizeQuery('  ，。!? ')).toEqual([]);
  });
});

describe('search tokens in scripts without spaces besides Chinese', () => {
  it('uses the word segmenter for Japanese kana and Thai', () => {
    expect(tokenizeForIndex('ありがとうございます')).toContain('ありがとう');
    expect(tokenizeForIndex('สวัสดีครับ').length).toBeGreaterThan(1);
  });
});
