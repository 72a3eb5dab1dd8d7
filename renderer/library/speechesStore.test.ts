// @vitest-environment happy-dom
// The list the library shows only moves forward: a slow listing never hides a speech just saved.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/api/contractTypes';
import type { Speech } from '../../shared/domain/speech';
import {
  openSpeech,
  playSpeech,
  reloadSpeeches,
  useLiveSpeeches,
  useOpenSpeech,
  useSpeechesStore,
} from './speechesStore';

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

describe('opening a speech', () => {
  it('renders the player again, not the lists of speeches', async () => {
    const listed = [speech('a'), speech('b')];
    bridge.invoke = async (name) =>
      name === 'speeches.list'
        ? { ok: true, value: listed }
        : { ok: true, value: { sampleRate: 48_000, samplesPerPixel: 480, data: new Uint8Array() } };
    let listRenders = 0;
    const list = renderHook(() => {
      listRenders++;
      return useLiveSpeeches();
    });
    await waitFor(() => expect(list.result.current.speeches).toHaveLength(2));
    const player = renderHook(() => useOpenSpeech());
    const rendersBefore = listRenders;

    act(() => playSpeech('b'));
    expect(player.result.current).toEqual({ speech: listed[1], playRequest: 1 });
    act(() => openSpeech(undefined));
    expect(player.result.current.speech).toBeUndefined();
    expect(listRenders).toBe(rendersBefore);
  });
});
