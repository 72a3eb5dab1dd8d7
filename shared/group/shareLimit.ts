// The coach's cap on a shared file's size (`share.limit`), for groups on slow or small clouds. A kind
// of its own, not a field of `rules.set`: that body is strict, so a reader from before the cap would
// drop the whole rules event; an unknown kind it only ignores. The recordings slice reads the cap in
// force when it folds a `recording.shared`, so a member who bypasses their own app gains nothing.
import { z } from 'zod';
import type { GroupState } from './groupState';
import { defineSlice, handler } from './kindRegistry';
import type { FoldContext } from './kindRegistry';

export const SHARE_LIMIT = 'share.limit';
/** The largest cap a coach may set: a shared recording's own bound (recording.shared's byteSize). */
export const MAX_SHARE_LIMIT_BYTES = 2 ** 31;
/** Coach only: the largest file a member may share from now on, in bytes; null lifts the cap. */
export const shareLimitBody = z.strictObject({
  maxBytes: z.number().int().min(1).max(MAX_SHARE_LIMIT_BYTES).nullable(),
});
export type ShareLimitBody = z.infer<typeof shareLimitBody>;

/** Empty while no coach has set a cap (so the state of a group without one is what it was before). */
export interface ShareLimit {
  maxBytes?: number | null;
  /** The event that set it. */
  id?: string;
  setAt?: string;
}

export const SHARE_LIMIT_SLICE = 'shareLimit';

export const shareLimitSlice = defineSlice<ShareLimit>(SHARE_LIMIT_SLICE, () => ({}), {
  [SHARE_LIMIT]: handler<ShareLimit, typeof shareLimitBody>({
    body: shareLimitBody,
    authorize: (event, _limit, ctx) => ctx.isCoach(event),
    apply: (event, limit) => {
      limit.maxBytes = event.body.maxBytes;
      limit.id = event.id;
      limit.setAt = event.hlc;
    },
  }),
});

/** The cap in force at this point of the fold (null: none, or a registry without the slice). */
export function capInForce(ctx: FoldContext): number | null {
  return (ctx.slice(SHARE_LIMIT_SLICE) as ShareLimit | undefined)?.maxBytes ?? null;
}

/** The cap in force now, in a folded state. */
export function shareLimitOf(state: GroupState): number | null {
  return (state.slices[SHARE_LIMIT_SLICE] as ShareLimit | undefined)?.maxBytes ?? null;
}
