// Who counted a recording through as its Ah-Counter: per recording, the members whose latest
// `critique.filler-counted` says so. The latest wins (events fold in (hlc, id) order, so every computer
// agrees which is latest). Whether a declaration counts — a member's, not the speaker's own — is
// decided when reading (fillerCounts.ts), as for marks.
import type { GroupState } from '../group/groupState';
import { defineSlice, handler } from '../group/kindRegistry';
import { CRITIQUE_FILLER_COUNTED, fillerCountedBody } from './critiqueEvents';

/** recording id → member key id → true. */
export type FillerCounted = Record<string, Record<string, true>>;

export const fillerCountedSlice = defineSlice<FillerCounted>('fillerCounted', () => ({}), {
  [CRITIQUE_FILLER_COUNTED]: handler<FillerCounted, typeof fillerCountedBody>({
    body: fillerCountedBody,
    apply: (e, counted) => {
      const { recording } = e.body;
      if (e.body.counted) (counted[recording] ??= {})[e.author] = true;
      else if (counted[recording]) {
        delete counted[recording][e.author];
        if (Object.keys(counted[recording]).length === 0) delete counted[recording];
      }
    },
  }),
});

export function fillerCountedOf(state: GroupState): FillerCounted {
  return (state.slices[fillerCountedSlice.slice] as FillerCounted | undefined) ?? {};
}
