import { describe, expect, it } from 'vitest';
import type { Anchor } from '../../shared/critique/critiqueEvents';
import type { ThreadView } from '../../shared/critique/critiqueBoard';
import { currentCritique } from './currentCritique';

const thread = (id: string, anchor?: Anchor): ThreadView => ({
  comment: {
    id,
    kind: 'comment',
    author: 'a',
    hlc: id,
    recordingId: 'r',
    rootId: id,
    text: id,
    status: 'shown',
    reactions: {},
    depth: 0,
    ...(anchor && { anchor }),
  },
  resolved: false,
  replies: [],
});

describe('currentCritique', () => {
  const threads = [
    thread('whole'),
    thread('moment', { atMs: 2_000 }),
    thread('range', { startMs: 3_000, endMs: 10_000 }),
    thread('inner', { atMs: 6_000 }),
  ];

  it('follows the playhead through moments and ranges, the latest start winning', () => {
    expect(currentCritique(threads, 0)).toBeNull();
    expect(currentCritique(threads, 2_500)).toBe('moment');
    expect(currentCritique(threads, 4_000)).toBe('range');
    expect(currentCritique(threads, 7_000)).toBe('inner');
    expect(currentCritique(threads, 9_500)).toBe('range');
    expect(currentCritique(threads, 10_000)).toBeNull();
  });
});
