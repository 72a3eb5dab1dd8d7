// What to do when the window's page process dies: reload it (the member is told, nothing saved is
// lost), unless it keeps dying, when reloading again would only loop; then main asks instead.

export interface CrashPolicy {
  /** Crashes older than this no longer count. */
  spanMs: number;
  /** Reloads allowed within the span; the next crash in it stops reloading. */
  maxReloads: number;
}

export const crashPolicy: CrashPolicy = { spanMs: 2 * 60_000, maxReloads: 2 };

export type CrashDecision =
  /** Not a crash (the page's process ended normally, e.g. as its window closed). */
  | { action: 'ignore'; recent: readonly number[] }
  | { action: 'reload'; recent: readonly number[] }
  | { action: 'ask'; recent: readonly number[] };

/** `recent`: the times of earlier crashes still counted; the decision carries the new list. */
export function afterRendererGone(
  recent: readonly number[],
  reason: string,
  now: number,
  policy: CrashPolicy = crashPolicy,
): CrashDecision {
  if (reason === 'clean-exit') return { action: 'ignore', recent };
  const counted = [...recent.filter((at) => at <= now && now - at < policy.spanMs), now];
  return { action: counted.length > policy.maxReloads ? 'ask' : 'reload', recent: counted };
}
