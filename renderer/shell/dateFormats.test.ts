import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { dateFormatsOf, parseTypedDate } from './dateFormats';

describe('dates in the app’s language', () => {
  it('heads a Chinese calendar month “2026年12月” (not 十二月 2026), weeks from Monday, 24-hour time', () => {
    const zh = dateFormatsOf('zh-CN');
    expect(dayjs('2026-12-01').locale(zh.locale).format(zh.monthLabel)).toBe('2026年12月');
    expect(dayjs('2026-03-08').locale(zh.locale).format(zh.date)).toBe('2026年3月8日');
    expect(zh.firstDayOfWeek).toBe(1);
    expect(zh.time).toBe('24h');
    const en = dateFormatsOf('en');
    expect(dayjs('2026-12-01').locale(en.locale).format(en.monthLabel)).toBe('December 2026');
    expect(dayjs('2026-03-08').locale(en.locale).format(en.date)).toBe('Mar 8, 2026');
  });

  it('reads a date typed either way, and each field’s own display back', () => {
    for (const typed of [
      '2026-03-08',
      '2026/3/8',
      ' 2026年3月8日 ',
      'Mar 8, 2026',
      'March 8 2026',
      '8 Mar 2026',
    ])
      expect(parseTypedDate(typed), typed).toBe('2026-03-08');
    for (const language of ['zh-CN', 'en']) {
      const f = dateFormatsOf(language);
      expect(parseTypedDate(dayjs('2026-11-30').locale(f.locale).format(f.date))).toBe('2026-11-30');
    }
  });

  it('names no day for what is not one', () => {
    for (const typed of ['', '2026-02-30', '2026-13-01', '3/8/2026', 'Ma 8, 2026', 'Foo 8, 2026', '明天'])
      expect(parseTypedDate(typed), typed).toBeNull();
  });
});
