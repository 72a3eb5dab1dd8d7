// `recording.metrics`: a recording's delivery metrics travel as a kind of their own. This app folds
// them onto the recording (only its author's, only while it is shared); a reader from before metrics
// ignores the unknown kind and still shows the recording, which it would have lost had the metrics
// been a field of the strict `recording.shared` body.
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { SpeechMetricsAnalyser } from '../audio/metrics/analyseSpeech';
import { concat, feed, silence, syllables } from '../audio/metrics/testSignals';
import { appRegistry } from './appRegistry';
import { foldGroup } from './fold';
import { RECORDING_METRICS, RECORDING_SHARED, recordingMetricsBody, recordingSharedBody } from './groupEvent';
import { KindRegistry, defineSlice, handler } from './kindRegistry';
import { profilesSlice } from './profiles';
import { recordingsOf, type SharedRecording } from './recordings';
import { shardedSet, type Sharded } from './shardedRecord';
import { reflectionsSlice } from './reflections';
import { SCENARIO_T0, recordingEvent, smallGroup, withdrawEvent } from './scenario';

const t = (minutes: number) => SCENARIO_T0 + minutes * 60_000;
const { groupId, events, devices } = smallGroup('metrics');
const [, ana, bo] = devices as [(typeof devices)[0], (typeof devices)[0], (typeof devices)[0]];
const rate = 16_000;
const metrics = feed(
  new SpeechMetricsAnalyser(rate),
  concat(syllables(rate, 8, 4), silence(rate, 2.5), syllables(rate, 8, 4)),
);
const shared = recordingEvent(bo, t(20), '停顿练习', utf8ToBytes('audio-2'), utf8ToBytes('peaks-2'));
const metricsOf = (by = bo, recording = shared.id, at = t(21), body: object = {}) =>
  by.event(RECORDING_METRICS, { recording, language: 'zh', metrics, ...body }, at);

/** How the app folded recordings before metrics: the same slice, without the new kind. */
const before = defineSlice<Sharded<SharedRecording>>('recordings', () => ({}), {
  [RECORDING_SHARED]: handler<Sharded<SharedRecording>, typeof recordingSharedBody>({
    body: recordingSharedBody,
    apply: (event, recordings) => {
      const recording = { ...event.body, id: event.id, author: event.author, sharedAt: event.hlc };
      shardedSet(recordings, event.id, recording);
    },
  }),
});
const olderRegistry = new KindRegistry([profilesSlice, before, reflectionsSlice] as never[]);

describe('recording.metrics', () => {
  it('puts the author’s metrics, and the speech’s language, on their shared recording', () => {
    const state = foldGroup(groupId, [...events, shared, metricsOf()], appRegistry);
    expect(recordingsOf(state)[shared.id]!.metrics).toEqual({ language: 'zh', metrics });
  });

  it('counts only the recording’s author, only while it is shared, and the later of two', () => {
    const byAna = foldGroup(groupId, [...events, shared, metricsOf(ana)], appRegistry);
    expect(recordingsOf(byAna)[shared.id]!.metrics).toBeUndefined();
    // Made in this order, so the second has the later clock (a device's clock only moves forward).
    const first = metricsOf();
    const later = metricsOf(bo, shared.id, t(30), { language: 'en' });
    const twice = foldGroup(groupId, [later, ...events, first, shared], appRegistry);
    expect(recordingsOf(twice)[shared.id]!.metrics!.language).toBe('en');
    const withdrawn = withdrawEvent(bo, t(22), shared.id);
    const gone = foldGroup(
      groupId,
      [...events, shared, withdrawn, metricsOf(bo, shared.id, t(23))],
      appRegistry,
    );
    expect(recordingsOf(gone)[shared.id]).toBeUndefined();
  });

  it('is bounded and strict: a body no app would write is ignored', () => {
    const bad = [
      { recording: shared.id, language: 'zh', metrics: { ...metrics, durationSec: 1e9 } },
      { recording: shared.id, language: 'fr', metrics },
      { recording: shared.id, language: 'zh', metrics, note: 'extra' },
      { recording: shared.id, language: 'zh', metrics: { ...metrics, version: 2 } },
    ];
    for (const body of bad) {
      expect(recordingMetricsBody.safeParse(body).success).toBe(false);
      const state = foldGroup(
        groupId,
        [...events, shared, bo.event(RECORDING_METRICS, body, t(21))],
        appRegistry,
      );
      expect(recordingsOf(state)[shared.id]!.metrics).toBeUndefined();
    }
  });
});

describe('an app from before metrics', () => {
  it('still shows the recording, and ignores its metrics', () => {
    const state = foldGroup(groupId, [...events, shared, metricsOf()], olderRegistry);
    const recording = recordingsOf(state)[shared.id];
    expect(recording?.title).toBe('停顿练习');
    expect(recording).not.toHaveProperty('metrics');
  });

  it('would have lost the whole recording had metrics been a field of recording.shared (strict body)', () => {
    const inline = bo.event(RECORDING_SHARED, { ...(shared.body as object), metrics }, t(20));
    expect(recordingSharedBody.safeParse(inline.body).success).toBe(false);
    const state = foldGroup(groupId, [...events, inline], olderRegistry);
    expect(recordingsOf(state)[inline.id]).toBeUndefined();
  });
});
