// Draws a speech's comments on its waveform with the wavesurfer.js Regions plugin: a marker per
// moment, a shaded region per stretch, the current one brighter. Dragging across empty waveform
// makes a draft range the member can adjust; its bounds go to `onRange` for the comment composer.
import { useEffect, useRef } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { ThreadView } from '../../shared/critique/critiqueBoard';

export const regionColors = {
  open: 'rgba(250, 176, 5, 0.35)',
  resolved: 'rgba(64, 192, 87, 0.25)',
  current: 'rgba(253, 126, 20, 0.6)',
  muted: 'rgba(134, 142, 150, 0.25)',
  draft: 'rgba(92, 124, 250, 0.3)',
} as const;

export interface CritiqueRegionsOptions {
  threads: readonly ThreadView[];
  /** The highlighted comment's id (see currentCritique). */
  currentId?: string | null;
  /** A drafted range was made or adjusted. */
  onRange?(range: { startMs: number; endMs: number }): void;
  /** A comment's marker or region was clicked. */
  onSelect?(commentId: string): void;
  /** Drag to create a range (default true). */
  dragToCreate?: boolean;
}

const PREFIX = 'critique-';

function colorOf(thread: ThreadView, currentId: string | null | undefined): string {
  if (thread.comment.id === currentId) return regionColors.current;
  if (thread.comment.status !== 'shown') return regionColors.muted;
  return thread.resolved ? regionColors.resolved : regionColors.open;
}

function paramsOf(thread: ThreadView, currentId: string | null | undefined) {
  const anchor = thread.comment.anchor!;
  const [start, end] = 'atMs' in anchor ? [anchor.atMs, anchor.atMs] : [anchor.startMs, anchor.endMs];
  return { start: start / 1000, end: end / 1000, color: colorOf(thread, currentId) };
}

/** A marker is drawn with its left border, a stretch with its background (as the plugin draws them). */
function recolor(region: Region, color: string): void {
  if (region.start !== region.end) return region.setOptions({ color });
  region.color = color;
  if (region.element) region.element.style.borderLeftColor = color;
}

/**
 * Puts new regions on the waveform in one go. The plugin adds each region's element in a task of its
 * own, which costs a layout and a paint apiece (over a second for 500 comments); it leaves an element
 * that is already in place where it is.
 */
function attach(ws: WaveSurfer, added: readonly Region[]): void {
  const container = ws.getWrapper().querySelector('[part~="regions-container"]');
  if (!container || added.length === 0) return;
  const fragment = document.createDocumentFragment();
  for (const region of added)
    if (region.element && !region.element.parentElement) fragment.append(region.element);
  container.append(fragment);
}

function rangeOf(region: Region): { startMs: number; endMs: number } {
  const startMs = Math.max(0, Math.round(region.start * 1000));
  return { startMs, endMs: Math.max(startMs + 1, Math.round(region.end * 1000)) };
}

/** Keeps the regions of `ws` in step with `threads`. Returns how to drop the draft range once used. */
export function useCritiqueRegions(
  ws: WaveSurfer | null,
  options: CritiqueRegionsOptions,
): { clearDraft(): void } {
  const { threads, currentId, dragToCreate = true } = options;
  const callbacks = useRef(options);
  const plugin = useRef<RegionsPlugin | null>(null);
  const shown = useRef(new Map<string, { region: Region; key: string }>());
  const draft = useRef<Region | null>(null);

  useEffect(() => {
    callbacks.current = options;
  });

  useEffect(() => {
    if (!ws) return;
    const regions = ws.registerPlugin(RegionsPlugin.create());
    plugin.current = regions;
    const ours = shown.current;
    const offs = [
      regions.on('region-created', (region) => {
        if (region.id.startsWith(PREFIX)) return;
        if (draft.current && draft.current !== region) draft.current.remove();
        draft.current = region;
        callbacks.current.onRange?.(rangeOf(region));
      }),
      regions.on('region-updated', (region) => {
        if (region === draft.current) callbacks.current.onRange?.(rangeOf(region));
      }),
      regions.on('region-clicked', (region, event) => {
        if (!region.id.startsWith(PREFIX)) return;
        event.stopPropagation(); // the caller seeks to the comment's start, not to where the click landed
        callbacks.current.onSelect?.(region.id.slice(PREFIX.length));
      }),
    ];
    return () => {
      for (const off of offs) off();
      regions.destroy();
      plugin.current = null;
      ours.clear();
      draft.current = null;
    };
  }, [ws]);

  useEffect(() => {
    const regions = plugin.current;
    if (!ws || !regions || !dragToCreate) return;
    return regions.enableDragSelection({ color: regionColors.draft, drag: true, resize: true });
  }, [ws, dragToCreate]);

  useEffect(() => {
    const regions = plugin.current;
    if (!ws || !regions) return;
    const wanted = new Set<string>();
    const added: Region[] = [];
    for (const thread of threads) {
      if (!thread.comment.anchor) continue;
      const id = PREFIX + thread.comment.id;
      const params = paramsOf(thread, currentId);
      const key = `${params.start}/${params.end}`;
      wanted.add(id);
      const existing = shown.current.get(id);
      if (existing?.key === key) {
        // Only its colour changed (the highlight moved, resolved): repaint it in place, since
        // adding a region again costs a layout of the waveform.
        if (existing.region.color !== params.color) recolor(existing.region, params.color);
        continue;
      }
      existing?.region.remove();
      const region = regions.addRegion({ id, ...params, drag: false, resize: false });
      shown.current.set(id, { region, key });
      added.push(region);
    }
    attach(ws, added);
    for (const [id, { region }] of shown.current)
      if (!wanted.has(id)) {
        region.remove();
        shown.current.delete(id);
      }
  }, [ws, threads, currentId]);

  return {
    clearDraft: () => {
      draft.current?.remove();
      draft.current = null;
    },
  };
}
