import { describe, expect, it } from 'vitest';
import { plainText } from './plainText';

describe('plain text of Markdown', () => {
  it('drops headings, lists, emphasis, links and code marks', () => {
    expect(plainText('## What went well\n\n- **Eye** contact\n- [link](http://x) and `code`\n> quote')).toBe(
      'What went well Eye contact link and code quote',
    );
  });

  it('keeps Chinese text and ordinary punctuation', () => {
    expect(plainText('## 做得好的地方\n1. 开场*很*好！\n---\n')).toBe('做得好的地方 开场很好！');
  });
});
