// What the growth charts read: the delivery metrics of this member's own speeches (kept by main per
// speech), the group's trends (evaluation averages and filler rates per shared speech, per member) and
// the metrics members shared with their latest speeches, each reloaded when what it comes from changes.
import { useEffect, useMemo, useState } from 'react';
import type { MemberTrend } from '../../shared/api/critiqueContract';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import type { Speech } from '../../shared/domain/speech';
import { recentSpeeches, type SharedSpeechMetrics } from '../../shared/growth/deliveryTrends';
import type { GrowthSpeech } from '../../shared/growth/growthSeries';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';

/**
 * The metrics main keeps for each speech, null where none were computed yet. The one place growth
 * reads metrics from: a speech whose metrics cannot be read (yet) simply has none.
 */
export async function loadSpeechMetrics(
  speechIds: readonly string[],
): Promise<Record<string, SpeechMetrics | null>> {
  const pairs = await Promise.all(
    speechIds.map(async (speechId) => {
      try {
        return [speechId, await api.call('speeches.metrics', { speechId })] as const;
      } catch {
        return [speechId, null] as const;
      }
    }),
  );
  return Object.fromEntries(pairs);
}

/** This member's speeches as growth sees them, with their metrics once loaded. */
export function useGrowthSpeeches(speeches: readonly Speech[]): GrowthSpeech[] {
  const [metrics, setMetrics] = useState<Record<string, SpeechMetrics | null>>({});
  // Again on every reload of the list (speeches.changed), which is when new metrics may have been kept.
  useEffect(() => {
    let live = true;
    void loadSpeechMetrics(speeches.map((s) => s.id)).then((m) => live && setMetrics(m));
    return () => {
      live = false;
    };
  }, [speeches]);
  return useMemo(
    () =>
      speeches.map((s) => ({
        id: s.id,
        title: s.title,
        at: s.createdAt,
        durationMs: s.durationMs,
        ...(s.target && { target: s.target }),
        metrics: metrics[s.id] ?? null,
      })),
    [speeches, metrics],
  );
}

/** Every member's trend in a group, kept fresh while shown; undefined while loading or outside a group. */
export function useGroupTrends(groupId: string | undefined): MemberTrend[] | undefined {
  const [trends, setTrends] = useState<{ groupId: string; trends: MemberTrend[] }>();
  useEffect(() => {
    if (!groupId) return;
    let live = true;
    const load = () =>
      api
        .call('critique.trends', { groupId })
        .then((t) => live && setTrends({ groupId, trends: t }))
        .catch(reportError);
    void load();
    const off = api.on('group.changed', (event) => {
      if (event.groupId === groupId) void load();
    });
    return () => {
      live = false;
      off();
    };
  }, [groupId]);
  return trends && trends.groupId === groupId ? trends.trends : undefined;
}

/**
 * The metrics each member shared with their latest speeches (by recording), null where none were
 * shared; loaded again whenever the trends are (a group change may bring metrics shared later).
 */
export function useSharedMetrics(
  groupId: string,
  trends: readonly MemberTrend[] | undefined,
): Record<string, SharedSpeechMetrics | null> {
  const [metrics, setMetrics] = useState<Record<string, SharedSpeechMetrics | null>>({});
  useEffect(() => {
    if (!trends) return;
    let live = true;
    const recordings = trends.flatMap((t) => recentSpeeches(t.speeches).map((s) => s.recordingId));
    void Promise.all(
      recordings.map(async (recording) => {
        try {
          return [recording, await api.call('group.recordingMetrics', { groupId, recording })] as const;
        } catch {
          return [recording, null] as const;
        }
      }),
    ).then((pairs) => live && setMetrics(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [groupId, trends]);
  return metrics;
}
