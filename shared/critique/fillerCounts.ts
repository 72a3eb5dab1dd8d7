// What the Ah-Counter's marks add up to: per shared recording, its marks (only those within the
// recording, as for comments: the fold cannot see its duration), each counter's count and rate per
// minute, the words heard; and per member, their filler rate on each speech they shared. Every
// member who marked a speech counted it on their own, so the speech's rate is the counters' mean,
// never their sum (two Ah-Counters hearing the same "嗯" must not make it two). A member who counted
// the speech through and heard none is a counter with a count of zero; the speaker's own count of
// their speech is not taken.
import type { SharedRecording, SharedRecordings } from '../group/recordings';
import type { FillerCounted } from './fillerCountedSlice';
import type { FillerMark, FillerMarks } from './fillerMarksSlice';

export interface FillerCounter {
  member: string;
  count: number;
  perMinute: number;
}

export interface FillerSummary {
  recordingId: string;
  /** In the order they were heard (then written). */
  marks: FillerMark[];
  /** Each member who marked the speech or counted it through, most marks first. */
  counters: FillerCounter[];
  /** Members who said they counted it through (with marks or without). */
  countedBy: string[];
  /** The counters' mean rate, or null when nobody counted it. */
  perMinute: number | null;
  /** How often each word was heard over all counters, most first; `null`: no word named. */
  words: Array<{ word: string | null; count: number }>;
}

export interface FillerRatePoint {
  recordingId: string;
  title: string;
  /** HLC of the sharing event: the point's place on the time axis. */
  sharedAt: string;
  perMinute: number;
  counters: number;
}

const byMoment = (a: FillerMark, b: FillerMark) =>
  a.atMs - b.atMs || (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The marks on each shared recording that lie within it. */
export function fillerMarksByRecording(
  marks: FillerMarks,
  recordings: SharedRecordings,
): Record<string, FillerMark[]> {
  const out: Record<string, FillerMark[]> = {};
  for (const mark of Object.values(marks)) {
    const recording = recordings[mark.recording];
    if (!recording || mark.atMs > recording.durationMs) continue;
    (out[mark.recording] ??= []).push(mark);
  }
  for (const list of Object.values(out)) list.sort(byMoment);
  return out;
}

/** The members who counted a recording through, the speaker aside, in key order. */
export function fillerCountedBy(counted: FillerCounted, recording: SharedRecording): string[] {
  return Object.keys(counted[recording.id] ?? {})
    .filter((member) => member !== recording.author)
    .sort();
}

export function fillerSummary(
  recording: SharedRecording,
  marks: readonly FillerMark[],
  countedBy: readonly string[],
): FillerSummary {
  const minutes = recording.durationMs / 60_000;
  const byCounter = new Map<string, number>(countedBy.map((member) => [member, 0]));
  const byWord = new Map<string | null, number>();
  for (const mark of marks) {
    byCounter.set(mark.author, (byCounter.get(mark.author) ?? 0) + 1);
    byWord.set(mark.word ?? null, (byWord.get(mark.word ?? null) ?? 0) + 1);
  }
  const counters = [...byCounter]
    .map(([member, count]) => ({ member, count, perMinute: minutes > 0 ? count / minutes : 0 }))
    .sort((a, b) => b.count - a.count || (a.member < b.member ? -1 : 1));
  const words = [...byWord]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || String(a.word).localeCompare(String(b.word)));
  const perMinute =
    counters.length && minutes > 0
      ? counters.reduce((sum, c) => sum + c.perMinute, 0) / counters.length
      : null;
  return {
    recordingId: recording.id,
    marks: [...marks],
    counters,
    countedBy: [...countedBy],
    perMinute,
    words,
  };
}

/** A member's filler rate on each speech they shared that someone counted, oldest first. */
export function memberFillerRates(
  byRecording: Readonly<Record<string, FillerMark[]>>,
  recordings: SharedRecordings,
  member: string,
  counted: FillerCounted,
): FillerRatePoint[] {
  return Object.values(recordings)
    .filter((r) => r.author === member)
    .sort((a, b) => (a.sharedAt < b.sharedAt ? -1 : a.sharedAt > b.sharedAt ? 1 : 0))
    .flatMap((r) => {
      const summary = fillerSummary(r, byRecording[r.id] ?? [], fillerCountedBy(counted, r));
      if (summary.perMinute === null) return [];
      return [
        {
          recordingId: r.id,
          title: r.title,
          sharedAt: r.sharedAt,
          perMinute: summary.perMinute,
          counters: summary.counters.length,
        },
      ];
    });
}
