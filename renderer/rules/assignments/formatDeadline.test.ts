// Lists of names and durations read naturally in Chinese: a space where Chinese meets Latin or digits.
import { describe, expect, it } from 'vitest';
import { joinNames } from './formatDeadline';

describe('joinNames', () => {
  it('puts a space between a Chinese joining word and a Latin name or a number', () => {
    expect(joinNames(['24 小时', '2 小时'], 'zh-CN')).toBe('24 小时和 2 小时');
    expect(joinNames(['小明', 'Bob'], 'zh-CN')).toBe('小明和 Bob');
    expect(joinNames(['Ann', '小明', 'Bob'], 'zh-CN')).toBe('Ann、小明和 Bob');
  });

  it('leaves Chinese names and English lists as the language writes them', () => {
    expect(joinNames(['小明', '小红'], 'zh-CN')).toBe('小明和小红');
    expect(joinNames(['Ann', 'Bob', 'Chen'], 'en')).toBe('Ann, Bob, and Chen');
  });
});
