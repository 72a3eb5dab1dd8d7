// The Ah-Counter in the group's player, as a member meets it: F marks a filler at the playhead while
// the speech keeps playing, 1–8 name the word, F again or the picker's time running out keep a mark
// as "a filler"; the marks come back as ticks on the waveform and a rate in the summary.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CritiqueThreads } from '../../shared/api/critiqueContract';
import type { FillerMark } from '../../shared/critique/fillerMarksSlice';
import { CritiquePlayer } from './CritiquePlayer';
import { ME, SPEAKER } from './testThreads';
import { initCritiqueI18n } from './testI18n';
import { PICK_WORD_MS, useAhCounter } from './useAhCounter';

// A stand-in for wavesurfer: the events the player listens to, and whether anyone paused it.
const { FakeWaveSurfer, made } = vi.hoisted(() => {
  const made: FakeWaveSurfer[] = [];
  class FakeWaveSurfer {
    handlers = new Map<string, Set<(...args: unknown[]) => void>>();
    paused = 0;
    options = { height: 96 };
    wrapper = document.createElement('div');
    static create() {
      const ws = new FakeWaveSurfer();
      made.push(ws);
      return ws;
    }
    on(event: string, fn: (...args: unknown[]) => void) {
      if (!this.handlers.has(event)) this.handlers.set(event, new Set());
      this.handlers.get(event)!.add(fn);
      return () => this.handlers.get(event)!.delete(fn);
    }
    once(event: string, fn: (...args: unknown[]) => void) {
      const off = this.on(event, (...args) => {
        off();
        fn(...args);
      });
      return off;
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of [...(this.handlers.get(event) ?? [])]) fn(...args);
    }
    registerPlugin<T>(plugin: T) {
      return plugin;
    }
    getWrapper() {
      return this.wrapper;
    }
    getDuration() {
      return 60;
    }
    async play() {}
    pause() {
      this.paused++;
    }
    setTime() {}
    setOptions() {}
    destroy() {}
  }
  return { FakeWaveSurfer, made };
});
vi.mock('wavesurfer.js', () => ({ default: FakeWaveSurfer }));
vi.mock('wavesurfer.js/dist/plugins/timeline.esm.js', () => ({ default: { create: () => ({}) } }));
vi.mock('wavesurfer.js/dist/plugins/regions.esm.js', () => ({
  default: {
    create: () => ({ on: () => () => {}, enableDragSelection: () => () => {}, destroy() {}, addRegion() {} }),
  },
}));
vi.mock('../group/loadGroupPeaks', () => ({ loadGroupPeaks: async () => new Int8Array([-10, 10]) }));

const RECORDING = 'd'.repeat(64);
let writes: Array<{ atMs: number; word?: string }>;
let marks: FillerMark[];
/** Whether this member said they counted the speech through (critique.fillerCounted). */
let countedThrough: boolean;
let countedSays: boolean[];

function threads(): CritiqueThreads {
  const minutes = 1;
  return {
    recordingId: RECORDING,
    threads: [],
    summary: { recordingId: RECORDING, evaluations: 0, criteria: [], overall: null },
    criteria: ['clarity'],
    isCoach: false,
    speaker: SPEAKER,
    speakerTrend: [],
    fillers: {
      recordingId: RECORDING,
      marks,
      counters:
        marks.length || countedThrough
          ? [{ member: ME, count: marks.length, perMinute: marks.length / minutes }]
          : [],
      countedBy: countedThrough ? [ME] : [],
      perMinute: marks.length || countedThrough ? marks.length / minutes : null,
      words: [],
    },
    speakerFillerTrend: [],
  };
}

beforeAll(async () => {
  await initCritiqueI18n('zh-CN');
});
beforeEach(() => {
  made.length = 0;
  writes = [];
  marks = [];
  countedThrough = false;
  countedSays = [];
  // Answers like main: a filler mark is written and comes back with the threads.
  window.lectern!.invoke = async (name: string, input: unknown) => {
    if (name === 'critique.filler') {
      const { recording, ...body } = (input as { body: { recording: string; atMs: number; word?: string } })
        .body;
      if (recording !== RECORDING) throw new Error('marked another speech');
      writes.push(body);
      const id = String(writes.length).padStart(64, '0');
      marks = [...marks, { id, author: ME, hlc: id, recording: RECORDING, ...body }];
      return { ok: true, value: { id } };
    }
    if (name === 'critique.fillerCounted') {
      const { body } = input as { body: { recording: string; counted: boolean } };
      if (body.recording !== RECORDING) throw new Error('counted another speech');
      countedSays.push(body.counted);
      countedThrough = body.counted;
      return { ok: true, value: { id: 'c'.repeat(64) } };
    }
    if (name === 'critique.threads') return { ok: true, value: threads() };
    return { ok: true, value: null };
  };
});
afterEach(() => vi.useRealTimers());

function renderPlayer() {
  render(
    <MantineProvider env="test">
      <CritiquePlayer
        item={
          {
            type: 'recording',
            id: RECORDING,
            author: SPEAKER,
            sharedAt: '',
            title: '我的家乡',
            durationMs: 60_000,
            mime: 'audio/webm',
            audioUrl: '/media/a',
            peaksUrl: '/media/p',
            audioArrived: true,
          } as never
        }
        view={
          { info: { groupId: 'g'.repeat(64) }, me: { keyId: ME, status: 'member' }, members: [] } as never
        }
        onClose={() => {}}
      />
    </MantineProvider>,
  );
}

async function playingAt(seconds: number) {
  await waitFor(() => expect(made).toHaveLength(1));
  const ws = made[0]!;
  act(() => {
    ws.emit('ready', 60);
    ws.emit('play');
    ws.emit('timeupdate', seconds);
  });
  return ws;
}

const press = (key: string) => fireEvent.keyDown(screen.getByTestId('critique-player'), { key });

describe('the Ah-Counter (F)', () => {
  it('marks a filler at the playhead without pausing, and names its word with a number key', async () => {
    renderPlayer();
    const ws = await playingAt(2.5);
    press('f');
    // The moment is the key press's; the picker asks for the word while the speech plays on.
    expect(screen.getByRole('group', { name: '0:02 处的口头禅：是哪个词？' })).toBeTruthy();
    act(() => ws.emit('timeupdate', 3.4));
    press('1');
    await waitFor(() => expect(writes).toEqual([{ atMs: 2500, word: '嗯' }]));
    expect(screen.queryByTestId('filler-picker')).toBeNull();
    expect(ws.paused).toBe(0);
    // The mark comes back: a tick on the waveform with its word, and the rate in the summary.
    await waitFor(() => expect(ws.wrapper.querySelectorAll('[data-testid="filler-tick"]')).toHaveLength(1));
    expect(ws.wrapper.querySelector('[data-testid="filler-tick"]')!.textContent).toBe('嗯');
    expect(screen.getByTestId('filler-rate').textContent).toContain('每分钟 1 个口头禅');
  });

  it('keeps a filler without a word when F is pressed again', async () => {
    renderPlayer();
    const ws = await playingAt(4);
    press('f');
    act(() => ws.emit('timeupdate', 5.25));
    press('F');
    await waitFor(() => expect(writes).toEqual([{ atMs: 4000 }]));
    expect(screen.getByRole('group', { name: '0:05 处的口头禅：是哪个词？' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '那个（3）' }));
    await waitFor(() => expect(writes).toEqual([{ atMs: 4000 }, { atMs: 5250, word: '那个' }]));
    expect(ws.paused).toBe(0);
  });

  it('leaves C alone, and ignores F while typing', async () => {
    renderPlayer();
    const ws = await playingAt(1);
    press('c');
    expect(ws.paused).toBe(1); // commenting pauses; counting fillers does not
    const words = await screen.findByRole('textbox', { name: /0:01/ });
    fireEvent.keyDown(words, { key: 'f' });
    expect(screen.queryByTestId('filler-picker')).toBeNull();
  });
});

describe('the Ah-Counter who heard none', () => {
  it('counts the speech as zero fillers, shows the rate as 0, and takes it back', async () => {
    renderPlayer();
    await playingAt(60);
    expect(screen.queryByText('还没有口头禅标记。收听时按 F 键计数。')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '我听完了，没有听到口头禅（计为 0）' }));
    await waitFor(() => expect(screen.getByTestId('filler-rate').textContent).toContain('每分钟 0 个口头禅'));
    expect(countedSays).toEqual([true]);
    expect(screen.getByTestId('filler-zero').textContent).toContain('你听完了整篇，计为 0 个口头禅');
    fireEvent.click(screen.getByRole('button', { name: '撤回' }));
    await waitFor(() => expect(screen.queryByTestId('filler-rate')).toBeNull());
    expect(countedSays).toEqual([true, false]);
    expect(screen.queryByRole('button', { name: '我听完了，没有听到口头禅（计为 0）' })).not.toBeNull();
  });
});

describe('useAhCounter', () => {
  it('keeps the mark as “a filler” when nobody names the word in time', () => {
    vi.useFakeTimers();
    const onMark = vi.fn();
    const { result } = renderHook(() => useAhCounter({ now: () => 7_000, onMark }));
    act(() => result.current.mark());
    expect(result.current.pending).toEqual({ atMs: 7_000 });
    act(() => vi.advanceTimersByTime(PICK_WORD_MS - 1));
    expect(onMark).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onMark).toHaveBeenCalledWith(7_000, undefined);
    expect(result.current.pending).toBeNull();
  });

  it('keeps a waiting mark when the player closes', () => {
    const onMark = vi.fn();
    const { result, unmount } = renderHook(() => useAhCounter({ now: () => 1_234.4, onMark }));
    act(() => result.current.mark());
    unmount();
    expect(onMark).toHaveBeenCalledWith(1_234, undefined);
  });
});
