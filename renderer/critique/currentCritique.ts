// Which comment the player is at: the latest-starting thread whose range holds the playhead, or
// whose moment it passed less than a few seconds ago (a moment has no length of its own).
import type { Anchor } from '../../shared/critique/critiqueEvents';
import type { ThreadView } from '../../shared/critique/critiqueBoard';

/** How long after a moment its comment stays highlighted. */
export const MOMENT_WINDOW_MS = 3_000;

export function anchorStart(anchor: Anchor): number {
  return 'atMs' in anchor ? anchor.atMs : anchor.startMs;
}

export function anchorEnd(anchor: Anchor, momentWindowMs = MOMENT_WINDOW_MS): number {
  return 'atMs' in anchor ? anchor.atMs + momentWindowMs : anchor.endMs;
}

/** The id of the current thread's comment, or null. `threads` in panel order (by start). */
export function currentCritique(
  threads: readonly ThreadView[],
  currentMs: number,
  momentWindowMs = MOMENT_WINDOW_MS,
): string | null {
  let current: { id: string; start: number } | null = null;
  for (const { comment } of threads) {
    const anchor = comment.anchor;
    if (!anchor) continue;
    const start = anchorStart(anchor);
    if (start > currentMs) continue;
    if (currentMs < anchorEnd(anchor, momentWindowMs) && (!current || start >= current.start))
      current = { id: comment.id, start };
  }
  return current?.id ?? null;
}
