// Which of a device's own segments to merge. The app writes one small segment per action; left
// alone, a member's year becomes hundreds of files for every new computer and sync tool to copy.
// The tiered plan keeps the count logarithmic while rewriting each event only a few times: eight
// segments of one tier merge into one of the next (like a binary counter in base eight), so only
// the newest, smallest files are ever rewritten and old history stays byte-for-byte as it was.
import { MAX_SEGMENT_BYTES } from '../../../shared/group/segment';

export interface PlannedSegment {
  name: string;
  first: number;
  last: number;
  /** Bytes on disk. */
  size: number;
}

/** Runs of consecutive segments (in the order given) to merge, each into one file. */
export type CompactionPlan = (segments: readonly PlannedSegment[]) => PlannedSegment[][];

export const FANOUT = 8;
/**
 * Tiers 0..3: a tier-3 file covers 512..4095 sequence numbers and is never merged again, so no
 * merged file nears the format's 5,000 events (the app writes one event per sequence number).
 */
export const TOP_TIER = 3;
/** A merge that would be larger than this is not made (the files stay as they are). */
export const MAX_MERGED_BYTES = Math.floor(MAX_SEGMENT_BYTES * 0.75);

/** The tier of a segment from how many sequence numbers it covers: ⌊log₈ span⌋, at most TOP_TIER. */
export function tierOf(segment: Pick<PlannedSegment, 'first' | 'last'>): number {
  const span = segment.last - segment.first + 1;
  let tier = 0;
  for (let reach = FANOUT; reach <= span && tier < TOP_TIER; reach *= FANOUT) tier++;
  return tier;
}

interface Entry {
  tier: number;
  run: PlannedSegment[];
  size: number;
}

/**
 * Replays the segments oldest first on a stack; whenever the top eight share a tier below the top
 * one (and fit together), they become one entry of the next tier. Entries made of several files
 * are the merges to do. A device whose files were never compacted (an older version wrote them)
 * gets the same shape in one go.
 */
export const tieredPlan: CompactionPlan = (segments) => {
  const stack: Entry[] = [];
  for (const segment of segments) {
    stack.push({ tier: tierOf(segment), run: [segment], size: segment.size });
    for (;;) {
      const top = stack.slice(-FANOUT);
      const tier = top[0]?.tier;
      if (top.length < FANOUT || tier === undefined || tier >= TOP_TIER) break;
      if (!top.every((e) => e.tier === tier)) break;
      const size = top.reduce((sum, e) => sum + e.size, 0);
      if (size > MAX_MERGED_BYTES) break;
      stack.splice(-FANOUT, FANOUT, { tier: tier + 1, run: top.flatMap((e) => e.run), size });
    }
  }
  return stack.filter((e) => e.run.length > 1).map((e) => e.run);
};

/** Everything into as few files as the format's bounds allow (the CLI's `compact`). */
export const mergeAllPlan: CompactionPlan = (segments) => (segments.length > 1 ? [[...segments]] : []);
