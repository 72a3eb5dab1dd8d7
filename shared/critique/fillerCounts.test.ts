// What the Ah-Counter's marks add up to on a speech and across a member's speeches.
import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import { recordingsOf } from '../group/recordings';
import { SPEECH_MS, critiqueStory, filler, withdrawFiller } from './critiqueScenario';
import { fillerMarksByRecording, fillerSummary, memberFillerRates } from './fillerCounts';
import { fillerMarksOf } from './fillerMarksSlice';

function story() {
  const { groupId, events, coach, ana, bo, speech } = critiqueStory('counts');
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
  const state = foldGroup(groupId, [...events, ...written], appRegistry);
  const recordings = recordingsOf(state);
  return { state, recordings, speech, coach, ana, bo };
}

describe('filler counts', () => {
  it('counts each Ah-Counter on their own and gives the speech the mean of their rates per minute', () => {
    const { state, recordings, speech, coach, ana } = story();
    const byRecording = fillerMarksByRecording(fillerMarksOf(state), recordings);
    expect(Object.keys(byRecording)).toEqual([speech]);
    const summary = fillerSummary(recordings[speech]!, byRecording[speech]!);
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
    const points = memberFillerRates(byRecording, recordings, bo.key.keyId);
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
    expect(memberFillerRates(byRecording, recordings, ana.key.keyId)).toEqual([]);
  });
});
