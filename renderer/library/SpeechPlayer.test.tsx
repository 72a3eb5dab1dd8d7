// The player as a member meets it: ▶ on a row plays at once (no second click), a paused player says
// so in words, and the played part of the waveform is drawn in the colour scheme's progress colour.
// A video speech plays through its picture's own <video> (one element for picture and waveform), and
// V or a button puts the picture in full screen; an audio speech has no picture and no such key.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { SpeechPlayer } from './SpeechPlayer';
import type { PlayerVideo } from './VideoPicture';
import { waveColors } from './waveColors';

// A stand-in for wavesurfer: what the player asks of it and the events it answers with, no drawing.
const { FakeWaveSurfer, made } = vi.hoisted(() => {
  const made: FakeWaveSurfer[] = [];
  class FakeWaveSurfer {
    handlers = new Map<string, Set<(...args: unknown[]) => void>>();
    played = 0;
    constructor(public options: Record<string, unknown>) {}
    static create(options: Record<string, unknown>) {
      const ws = new FakeWaveSurfer(options);
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
    async play() {
      this.played++;
      this.emit('play');
    }
    pause() {
      this.emit('pause');
    }
    async playPause() {}
    setOptions(options: Record<string, unknown>) {
      Object.assign(this.options, options);
    }
    destroy() {}
  }
  return { FakeWaveSurfer, made };
});
vi.mock('wavesurfer.js', () => ({ default: FakeWaveSurfer }));
vi.mock('wavesurfer.js/dist/plugins/timeline.esm.js', () => ({ default: { create: () => ({}) } }));

function renderPlayer(
  props: {
    autoPlay?: boolean;
    scheme?: 'light' | 'dark';
    video?: PlayerVideo;
    loadPeaks?: () => Promise<Int8Array>;
    onCommit?: () => void;
  } = {},
) {
  render(
    <MantineProvider env="test" forceColorScheme={props.scheme ?? 'light'}>
      <Profiler id="player" onRender={() => props.onCommit?.()}>
        <SpeechPlayer
          title="我的家乡"
          durationMs={30_000}
          audioPath="speeches/1/audio"
          loadPeaks={props.loadPeaks ?? (async () => new Int8Array([-10, 10, -20, 20]))}
          onClose={() => {}}
          autoPlay={props.autoPlay}
          video={props.video}
        />
      </Profiler>
    </MantineProvider>,
  );
}

/** A video speech's player whose peaks count how often they were asked for. */
function renderVideoCountingPeaks(): { asked: number } {
  const peaks = { asked: 0 };
  renderPlayer({
    video: { width: 640, height: 360 },
    loadPeaks: async () => {
      peaks.asked++;
      return new Int8Array([-10, 10]);
    },
  });
  return peaks;
}

/** The player's wavesurfer, once made, after it says the audio is set up. */
async function readyPlayer(): Promise<InstanceType<typeof FakeWaveSurfer>> {
  await waitFor(() => expect(made).toHaveLength(1));
  const ws = made[0]!;
  act(() => ws.emit('ready', 30));
  return ws;
}

beforeAll(async () => {
  await initI18n('zh-CN');
});
beforeEach(() => {
  made.length = 0;
});

describe('SpeechPlayer', () => {
  it('plays at once when opened by ▶', async () => {
    renderPlayer({ autoPlay: true });
    const ws = await readyPlayer();
    expect(ws.played).toBe(1);
    expect(await screen.findByRole('button', { name: '暂停' })).toBeTruthy();
  });

  it('shows the playhead by the second, rendering again only when the clock changes', async () => {
    let commits = 0;
    renderPlayer({ onCommit: () => commits++ });
    const ws = await readyPlayer();
    const clock = screen.getByTestId('player-time');
    act(() => ws.emit('timeupdate', 1.02));
    expect(clock.textContent).toBe('0:01 / 0:30');
    await act(() => new Promise((settled) => setTimeout(settled, 100))); // Mantine's own measuring
    const before = commits;
    // While playing, wavesurfer reports the time on every animation frame: 60 times a second. Rendering
    // on each would be 57 commits here; one is allowed for Mantine's own work, which on a busy machine
    // can land inside the loop (it did in CI).
    for (let frame = 1; frame < 58; frame++) act(() => ws.emit('timeupdate', 1.02 + frame / 60));
    expect(commits - before).toBeLessThanOrEqual(1);
    const withinTheSecond = commits;
    act(() => ws.emit('timeupdate', 2.01));
    expect(clock.textContent).toBe('0:02 / 0:30');
    expect(commits).toBe(withinTheSecond + 1);
  });

  it('waits for Play when opened to look at', async () => {
    renderPlayer();
    const ws = await readyPlayer();
    expect(ws.played).toBe(0);
  });

  it('says 已暂停 while paused and 正在播放 while playing', async () => {
    renderPlayer();
    const ws = await readyPlayer();
    const state = screen.getByTestId('player-state');
    expect(state.textContent).toBe('已暂停');
    act(() => ws.emit('play'));
    expect(state.textContent).toBe('正在播放');
    act(() => ws.emit('pause'));
    expect(state.textContent).toBe('已暂停');
  });

  it('draws the played part in the scheme’s progress colour, opaque', async () => {
    renderPlayer({ scheme: 'dark' });
    const ws = await readyPlayer();
    expect(ws.options).toMatchObject(waveColors.dark);
    expect(ws.options.waveColor).not.toMatch(/rgba/);
  });

  it('plays an audio speech without a picture, as before', async () => {
    renderPlayer();
    const ws = await readyPlayer();
    expect(ws.options.media).toBeUndefined();
    expect(document.querySelector('video')).toBeNull();
    expect(screen.getByText('← → 跳转 5 秒 · 空格 播放/暂停')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('region'), { key: 'v' });
    expect(screen.queryByRole('button', { name: '全屏' })).toBeNull();
  });

  it('gives wavesurfer the picture’s own <video>, so one element plays both', async () => {
    renderPlayer({ video: { width: 640, height: 360, posterPath: '/media/speeches/1/poster' } });
    const ws = await readyPlayer();
    const video = screen.getByLabelText('“我的家乡”的画面');
    expect(video.tagName).toBe('VIDEO');
    expect(ws.options.media).toBe(video);
    expect(video.getAttribute('poster')).toBe('/media/speeches/1/poster');
    expect(screen.getByTestId('video-picture').style.aspectRatio).toBe('640 / 360');
    expect(screen.getByText('← → 跳转 5 秒 · 空格 播放/暂停 · V 全屏')).toBeTruthy();
  });

  it('starts loading the picture while the peaks load, and wavesurfer keeps that source', async () => {
    let peaksArrive: (pairs: Int8Array) => void = () => {};
    const peaks = new Promise<Int8Array>((resolve) => (peaksArrive = resolve));
    renderPlayer({ video: { width: 640, height: 360 }, loadPeaks: () => peaks });
    const video = screen.getByLabelText<HTMLVideoElement>('“我的家乡”的画面');
    const url = new URL('speeches/1/audio', location.href).href;
    expect(video.getAttribute('src')).toBe(url);
    expect(video.getAttribute('preload')).toBe('auto');
    expect(made).toHaveLength(0);
    peaksArrive(new Int8Array([-10, 10]));
    const ws = await readyPlayer();
    expect(ws.options.url).toBe(url);
  });

  it('asks for the peaks once the picture has asked for its file, so the host answers the picture first', async () => {
    const peaks = renderVideoCountingPeaks();
    const video = screen.getByLabelText<HTMLVideoElement>('“我的家乡”的画面');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(peaks.asked).toBe(0);
    act(() => void video.dispatchEvent(new Event('loadstart')));
    await waitFor(() => expect(peaks.asked).toBe(1));
    await readyPlayer();
  });

  it('asks for the peaks anyway when the picture never starts loading', async () => {
    const peaks = renderVideoCountingPeaks();
    await waitFor(() => expect(peaks.asked).toBe(1));
    await readyPlayer();
  });

  it('V and the button put the picture in full screen and take it out', async () => {
    const entered: Element[] = [];
    let shown: Element | null = null;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => shown });
    const enter = (element: Element) => {
      entered.push(element);
      shown = element;
      document.dispatchEvent(new Event('fullscreenchange'));
    };
    HTMLElement.prototype.requestFullscreen = async function (this: HTMLElement) {
      enter(this);
    };
    document.exitFullscreen = async () => {
      shown = null;
      document.dispatchEvent(new Event('fullscreenchange'));
    };
    renderPlayer({ video: {} });
    await readyPlayer();
    const player = screen.getByRole('region');
    const picture = screen.getByTestId('video-picture');
    expect(screen.getByRole('button', { name: '全屏' }).getAttribute('aria-keyshortcuts')).toBe('V');

    fireEvent.keyDown(player, { key: 'v', ctrlKey: true }); // not the player's
    expect(entered).toHaveLength(0);
    await act(async () => void fireEvent.keyDown(player, { key: 'v' }));
    expect(entered).toEqual([picture]);
    expect(screen.getByRole('button', { name: '退出全屏' })).toBeTruthy();
    await act(async () => void fireEvent.keyDown(picture, { key: 'V' }));
    expect(shown).toBeNull();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '全屏' })));
    expect(shown).toBe(picture);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '退出全屏' })));
    expect(shown).toBeNull();
  });

  it('plays or pauses when the picture is clicked', async () => {
    renderPlayer({ video: {} });
    const ws = await readyPlayer();
    let toggled = 0;
    ws.playPause = async () => void toggled++;
    fireEvent.click(screen.getByLabelText('“我的家乡”的画面'));
    expect(toggled).toBe(1);
  });
});
