import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import { regionColors, useCritiqueRegions } from './useCritiqueRegions';
import type { CritiqueRegionsOptions } from './useCritiqueRegions';
import { thread } from './testThreads';

// A stand-in for the Regions plugin: the hook's job is what it asks of the plugin, not the drawing.
interface FakeRegion {
  id: string;
  start: number;
  end: number;
  color?: string;
  removed: boolean;
  element: HTMLElement;
  remove(): void;
  setOptions(options: { color?: string }): void;
}
const { FakePlugin, made } = vi.hoisted(() => {
  const made: FakePlugin[] = [];
  class FakePlugin {
    regions: FakeRegion[] = [];
    handlers = new Map<string, Set<(...args: unknown[]) => void>>();
    dragOptions: unknown = null;
    destroyed = false;
    static create() {
      const p = new FakePlugin();
      made.push(p);
      return p;
    }
    on(event: string, fn: (...args: unknown[]) => void) {
      if (!this.handlers.has(event)) this.handlers.set(event, new Set());
      this.handlers.get(event)!.add(fn);
      return () => this.handlers.get(event)!.delete(fn);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.handlers.get(event) ?? []) fn(...args);
    }
    addRegion(params: { id: string; start: number; end?: number; color?: string }) {
      const region: FakeRegion = {
        id: params.id,
        start: params.start,
        end: params.end ?? params.start,
        color: params.color,
        removed: false,
        element: document.createElement('div'),
        remove: () => {
          region.removed = true;
          region.element.remove();
        },
        setOptions: ({ color }) => {
          if (color) region.color = color;
        },
      };
      this.regions.push(region);
      this.emit('region-created', region);
      return region;
    }
    live() {
      return this.regions.filter((r) => !r.removed);
    }
    enableDragSelection(options: unknown) {
      this.dragOptions = options;
      return () => (this.dragOptions = null);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { FakePlugin, made };
});
vi.mock('wavesurfer.js/dist/plugins/regions.esm.js', () => ({ default: FakePlugin }));

// The waveform's wrapper holds the plugin's regions container, where the hook puts new regions at once.
const wrapper = document.createElement('div');
const container = wrapper.appendChild(document.createElement('div'));
container.setAttribute('part', 'regions-container');
const ws = { registerPlugin: (p: unknown) => p, getWrapper: () => wrapper } as unknown as WaveSurfer;
const threads = [
  thread('1'),
  thread('2', { atMs: 2_000 }),
  thread('3', { startMs: 30_000, endMs: 45_000 }, { resolved: true }),
];

function setup(options: Partial<CritiqueRegionsOptions> = {}) {
  made.length = 0;
  const props: CritiqueRegionsOptions = { threads, ...options };
  const hook = renderHook((p: CritiqueRegionsOptions) => useCritiqueRegions(ws, p), { initialProps: props });
  return { ...hook, plugin: made[0]!, props };
}

describe('useCritiqueRegions', () => {
  it('adds a marker per moment and a region per range, none for whole-speech comments', () => {
    const { plugin } = setup();
    expect(plugin.live().map((r) => [r.id, r.start, r.end, r.color])).toEqual([
      ['critique-2', 2, 2, regionColors.open],
      ['critique-3', 30, 45, regionColors.resolved],
    ]);
    expect(plugin.live().every((r) => r.element.parentElement === container)).toBe(true);
    expect(plugin.dragOptions).toMatchObject({ color: regionColors.draft });
  });

  it('redraws only what changed: the current comment, and comments that came or went', () => {
    const { plugin, rerender, props } = setup();
    const before = plugin.live();
    rerender({ ...props, currentId: '2' });
    // Repainted in place, not made again.
    expect(plugin.live()).toEqual(before);
    expect(before[0]!.color).toBe(regionColors.current);
    expect(before[0]!.element.style.borderLeftColor).toBeTruthy(); // a marker is its left border
    rerender({ ...props, currentId: '3' });
    expect(before.map((r) => r.color)).toEqual([regionColors.open, regionColors.current]);
    rerender({ ...props, threads: [threads[1]!] });
    expect(plugin.live().map((r) => r.id)).toEqual(['critique-2']);
  });

  it('reports a dragged range in whole ms, keeps one draft, and clears it on request', () => {
    const onRange = vi.fn();
    const { plugin, result } = setup({ onRange });
    const first = plugin.addRegion({ id: 'region-x', start: 1.2344, end: 3.5 });
    expect(onRange).toHaveBeenLastCalledWith({ startMs: 1234, endMs: 3500 });
    const second = plugin.addRegion({ id: 'region-y', start: 5, end: 6 });
    expect(first.removed).toBe(true);
    second.end = 7;
    plugin.emit('region-updated', second);
    expect(onRange).toHaveBeenLastCalledWith({ startMs: 5000, endMs: 7000 });
    result.current.clearDraft();
    expect(second.removed).toBe(true);
  });

  it('selects a comment when its region is clicked, and cleans up on unmount', () => {
    const onSelect = vi.fn();
    const { plugin, unmount } = setup({ onSelect });
    const event = { stopPropagation: vi.fn() };
    plugin.emit('region-clicked', plugin.live()[1], event);
    expect(onSelect).toHaveBeenCalledWith('3');
    expect(event.stopPropagation).toHaveBeenCalled();
    unmount();
    expect(plugin.destroyed).toBe(true);
    expect(plugin.dragOptions).toBeNull();
  });
});
