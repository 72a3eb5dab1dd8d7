import { describe, expect, it } from 'vitest';
import { highlightSegments, highlightSnippet } from './highlight';

const marked = (segments: { text: string; match: boolean }[]) =>
  segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('highlight', () => {
  it('marks a Chinese query inside longer words, merging its bigrams', () => {
    expect(marked(highlightSegments('我的演讲技巧在进步', '演讲技巧'))).toBe('我的[演讲技巧]在进步');
    expect(marked(highlightSegments('大家互相点评', '点评'))).toBe('大家互相[点评]');
  });

  it('marks English prefixes case-insensitively', () => {
    expect(marked(highlightSegments('Opening and opened', 'open'))).toBe('[Open]ing and [open]ed');
  });

  it('leaves text alone without a query', () => {
    expect(highlightSegments('abc', '')).toEqual([{ text: 'abc', match: false }]);
    expect(highlightSegments('', 'a')).toEqual([]);
  });

  it('cuts a snippet around the first match', () => {
    const body = `${'x'.repeat(100)} 关键词 ${'y'.repeat(100)}`;
    const snippet = marked(highlightSnippet(body, '关键词', 10));
    expect(snippet).toBe(`…${'x'.repeat(9)} [关键词] ${'y'.repeat(16)}…`);
  });
});
