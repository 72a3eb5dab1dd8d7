// @vitest-environment happy-dom
// The list the library shows only moves forward: a slow listing never hides a speech just saved.
import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/api/contractTypes';
import type { Speech } from '../../shared/domain/speech';
import { reloadSpeeches, useSpeechesStore } from './speechesStore';

const bridge = vi.hoisted(() => {
  const fake = { invoke: async () => ({}), subscribe: () => () => {} };
  window.lectern = fake as never;
  return fake;
}) as unknown as Bridge;

const speech = (id: string) => ({ id, title: id }) as unknown as Speech;

describe('reloadSpeeches', () => {
  it('keeps the newer list when an older reply arrives after it', async () => {
    // The first listing (taken before a recording was saved) answers last.
    const replies: Array<(list: Speech[]) => void> = [];
    bridge.invoke = (name) =>
      new Promise((resolve) => {
        expect(name).toBe('speeches.list');
        replies.push((value) => resolve({ ok: true, value }));
      });
    const before = reloadSpeeches();
    const after = reloadSpeeches();
    replies[1]!([speech('new'), speech('old')]);
    await after;
    replies[0]!([speech('old')]);
    await before;
    expect(useSpeechesStore.getState().speeches.map((s) => s.id)).toEqual(['new', 'old']);
  });

  it('takes each reply that arrives in order', async () => {
    const lists = [[speech('a')], [speech('b'), speech('a')]];
    bridge.invoke = async () => ({ ok: true, value: lists.shift() });
    await reloadSpeeches();
    expect(useSpeechesStore.getState().speeches.map((s) => s.id)).toEqual(['a']);
    await reloadSpeeches();
    expect(useSpeechesStore.getState().speeches.map((s) => s.id)).toEqual(['b', 'a']);
  });
});
