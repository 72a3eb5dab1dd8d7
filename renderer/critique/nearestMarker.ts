// Which comment's moment the pointer is on, for the frame shown over a video's waveform: a marker is
// a 2 px line, so the pointer counts as on it within a few pixels either side.

/** How far from a marker, in CSS pixels, the pointer still shows its frame. */
export const markerReachPx = 6;

/** The moment (ms) nearest to `x` within reach, or null; `width` is the waveform's drawn width. */
export function nearestMarker(
  moments: readonly number[],
  x: number,
  width: number,
  durationMs: number,
): number | null {
  if (width <= 0 || durationMs <= 0) return null;
  let best: number | null = null;
  let bestDistance = markerReachPx;
  for (const atMs of moments) {
    const distance = Math.abs((atMs / durationMs) * width - x);
    if (distance <= bestDistance) [best, bestDistance] = [atMs, distance];
  }
  return best;
}
