// What the Ah-Counter's marks add up to on a speech and across a member's speeches.
import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import { recordingsOf } from '../group/recordings';
import { SPEECH_MS, critiqueStory, filler, fillerCounted, withdrawFiller } from './critiqueScenario';
import { fillerCountedOf } from './fillerCountedSlice';
import { fillerCountedBy, fillerMarksByRecording, fillerSummary, memberFillerRates } from './fillerCounts';
import { fillerMarksOf } from './fillerMarksSlice';

function story(more: (s: ReturnType<typeof critiqueStory>) => GroupEvent[] = () => []) {
  const scenario = critiqueStory('counts');
  const { groupId, events, coach, ana, bo, speech } = scenario;
  const gone = filler(ana, 21, speech, 9_000, '啊');
  const written = [
    filler(ana, 20, speech, 30_000, '嗯'),
    filler(ana, 20, speech, 5_000, '嗯'),
    filler(ana, 21, speech, 60_000),
    gone,
    withdrawFiller(ana, 22, gone.id),
    filler(coach, 23, speech, 31_000, '嗯'),
    filler(coach, 23, speech, SPEECH_MS + 1, 'um'), // past the end: not counted
    filler(coach, 24, 'e'.repeat(64), 1_000), // not a shared speech
  ];
  const state = foldGroup(groupId, [...events, ...written, ...more(scenario)], appRegistry);
  const recordings = recordingsOf(state);
  return { state, recordings, speech, coach, ana, bo };
}

describe('filler counts', () => {
  it('counts each Ah-Counter on their own and gives the speech the mean of their rates per minute', () => {
    const { state, recordings, speech, coach, ana } = story();
    const byRecording = fillerMarksByRecording(fillerMarksOf(state), recordings);
    expect(Object.keys(byRecording)).toEqual([speech]);
    const summary = fillerSummary(recordings[speech]!, byRecording[speech]!, []);
    expect(summary.marks.map((m) => m.atMs)).toEqual([5_000, 30_000, 31_000, 60_000]);
    // Ana heard 3 in 2 minutes, the coach 1: (1.5 + 0.5) / 2.
    expect(summary.counters).toEqual([
      { member: ana.key.keyId, count: 3, perMinute: 1.5 },
      { member: coach.key.keyId, count: 1, perMinute: 0.5 },
    ]);
    expect(summary.perMinute).toBe(1);
    expect(summary.words).toEqual([
      { word: '嗯', count: 3 },
      { word: null, count: 1 },
    ]);
  });

  it('gives the speaker a point per marked speech, and none for a speech nobody marked', () => {
    const { state, recordings, speech, bo, ana } = story();
    const byRecording = fillerMarksByRecording(fillerMarksOf(state), recordings);
    const points = memberFillerRates(byRecording, recordings, bo.key.keyId, fillerCountedOf(state));
    // Bo shared two speeches (the scenario's first and this one); only this one was marked.
    expect(Object.values(recordings).filter((r) => r.author === bo.key.keyId)).toHaveLength(2);
    expect(points).toEqual([
      {
        recordingId: speech,
        title: '说服性演讲 Persuade',
        sharedAt: recordings[speech]!.sharedAt,
        perMinute: 1,
        counters: 2,
      },
    ]);
    expect(memberFillerRates(byRecording, recordings, ana.key.keyId, {})).toEqual([]);
  });

  it('takes a listener who heard no fillers as a counter of zero, and lets them take it back', () => {
    const counted = (withdrawn: boolean) =>
      story(({ coach, speech }) => [
        fillerCounted(coach, 25, speech),
        ...(withdrawn ? [fillerCounted(coach, 26, speech, false)] : []),
      ]);
    const { state, recordings, speech, coach, ana } = counted(false);
    const byRecording = fillerMarksByRecording(fillerMarksOf(state), recordings);
    const summary = fillerSummary(
      recordings[speech]!,
      byRecording[speech]!,
      fillerCountedBy(fillerCountedOf(state), recordings[speech]!),
    );
    // The coach marked one and also said they counted it through: still one counter, with their one.
    expect(summary.counters.map((c) => [c.member, c.count])).toEqual([
      [ana.key.keyId, 3],
      [coach.key.keyId, 1],
    ]);
    expect(summary.countedBy).toEqual([coach.key.keyId]);

    const back = counted(true);
    expect(fillerCountedBy(fillerCountedOf(back.state), back.recordings[speech]!)).toEqual([]);
  });

  it('makes a speech nobody heard a filler in a point of zero, and ignores the speaker counting their own', () => {
    const scenario = critiqueStory('zero');
    const { groupId, events, coach, ana, bo, speech } = scenario;
    const state = foldGroup(
      groupId,
      [
        ...events,
        fillerCounted(ana, 20, speech),
        fillerCounted(coach, 21, speech),
        fillerCounted(bo, 22, speech), // the speaker: not taken
      ],
      appRegistry,
    );
    const recordings = recordingsOf(state);
    const counted = fillerCountedOf(state);
    const summary = fillerSummary(recordings[speech]!, [], fillerCountedBy(counted, recordings[speech]!));
    expect(summary.counters.map((c) => c.count)).toEqual([0, 0]);
    expect(summary.counters.map((c) => c.member).sort()).toEqual([ana.key.keyId, coach.key.keyId].sort());
    expect(summary.perMinute).toBe(0);
    const points = memberFillerRates({}, recordings, bo.key.keyId, counted);
    expect(points.map((p) => [p.recordingId, p.perMinute, p.counters])).toEqual([[speech, 0, 2]]);
  });
});
