import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOneText } from './dayOneText';

describe('Day One text', () => {
  it('removes the backslashes Day One adds to punctuation', () => {
    expect(dayOneText('讲得不错\\. 下次再来\\! well\\-known \\(aside\\) 3\\.5 分').markdown).toBe(
      '讲得不错. 下次再来! well-known (aside) 3.5 分',
    );
  });

  it('keeps an escape that stops a line from becoming a heading, list or quote', () => {
    const text = '\\# not a heading\n1\\. not a list\n\\- not a bullet\n  \\> not a quote\nend\\.';
    expect(dayOneText(text).markdown).toBe(
      '\\# not a heading\n1\\. not a list\n\\- not a bullet\n  \\> not a quote\nend.',
    );
  });

  it('keeps an escaped backslash as one backslash, and emphasis escapes as they are', () => {
    expect(dayOneText('C:\\\\Users \\*not bold\\*').markdown).toBe('C:\\Users \\*not bold\\*');
  });

  it('takes out attachment references, with the lines and blank lines that held them', () => {
    const text =
      '# 演讲\n\n![](dayone-moment://AD6F2A6EC10C41AE)\n\n开场很好\\.\n\n![](dayone-moment:/audio/9B1D2C3E)\n';
    expect(dayOneText(text)).toEqual({
      markdown: '# 演讲\n\n开场很好.\n',
      moments: [
        { url: 'dayone-moment://AD6F2A6EC10C41AE', identifier: 'AD6F2A6EC10C41AE' },
        { url: 'dayone-moment:/audio/9B1D2C3E', identifier: '9B1D2C3E' },
      ],
    });
    expect(dayOneText('前 ![](dayone-moment://X1) 后').markdown).toBe('前  后');
  });

  it('property: never throws, and leaves no attachment reference behind', () => {
    const pieces = fc.constantFrom(
      '\\',
      '.',
      '!',
      '-',
      '#',
      '1',
      '\n',
      ' ',
      '![](dayone-moment://AB12)',
      '![x](dayone-moment:/audio/CD34)',
      '演讲',
      '*',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 5 })), { maxLength: 40 }), (parts) => {
        const { markdown } = dayOneText(parts.join(''));
        expect(markdown).not.toMatch(
          /!\[[^\]\n]*\]\(dayone-moment:\/{1,2}(?:[A-Za-z]+\/)?[A-Za-z0-9-]{1,64}\)/,
        );
      }),
      { numRuns: 500 },
    );
  });
});
