import { describe, expect, it } from 'vitest';
import { entryFileName } from './journalArchive';
import { testEntry } from './testEntries';

describe('journal archive', () => {
  it('names files by date, title and id, safe on every OS', () => {
    expect(
      entryFileName(testEntry({ id: 'abcdef12-3456', title: '我的/第一次: 演讲?', date: '2025-01-02' })),
    ).toBe('2025-01-02-我的-第一次-演讲-abcdef12.md');
    expect(entryFileName(testEntry({ id: 'x', title: '' }))).toBe('2025-03-01-x.md');
  });
});
