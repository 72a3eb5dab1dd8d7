// Speech recordings members share with the group; only the author can withdraw theirs, or add the
// delivery metrics of theirs. A recording bigger than the coach's cap in force is refused.
import {
  RECORDING_METRICS,
  RECORDING_SHARED,
  RECORDING_WITHDRAWN,
  recordingMetricsBody,
  recordingSharedBody,
  recordingWithdrawnBody,
} from './groupEvent';
import type { RecordingMetricsBody, RecordingSharedBody } from './groupEvent';
import { defineSlice, handler } from './kindRegistry';
import type { GroupState } from './groupState';
import { capInForce } from './shareLimit';

export interface SharedRecording extends RecordingSharedBody {
  /** The id of the sharing event. */
  id: string;
  author: string;
  sharedAt: string;
  /** From the author's `recording.metrics` (the latest one wins), when there is one. */
  metrics?: Pick<RecordingMetricsBody, 'language' | 'metrics'>;
}
export type SharedRecordings = Record<string, SharedRecording>;

export const recordingsSlice = defineSlice<SharedRecordings>('recordings', () => ({}), {
  [RECORDING_SHARED]: handler<SharedRecordings, typeof recordingSharedBody>({
    body: recordingSharedBody,
    // Judged by the cap when it is folded: a cap set later never takes back what was shared under it.
    authorize: (event, _recordings, ctx) => event.body.byteSize <= (capInForce(ctx) ?? Infinity),
    apply: (event, recordings) => {
      recordings[event.id] = { ...event.body, id: event.id, author: event.author, sharedAt: event.hlc };
    },
  }),
  [RECORDING_WITHDRAWN]: handler<SharedRecordings, typeof recordingWithdrawnBody>({
    body: recordingWithdrawnBody,
    authorize: (event, recordings) => recordings[event.body.recording]?.author === event.author,
    apply: (event, recordings) => {
      delete recordings[event.body.recording];
    },
  }),
  [RECORDING_METRICS]: handler<SharedRecordings, typeof recordingMetricsBody>({
    body: recordingMetricsBody,
    authorize: (event, recordings) => recordings[event.body.recording]?.author === event.author,
    apply: (event, recordings) => {
      const { language, metrics } = event.body;
      recordings[event.body.recording]!.metrics = { language, metrics };
    },
  }),
});

export function recordingsOf(state: GroupState): SharedRecordings {
  return (state.slices[recordingsSlice.slice] as SharedRecordings | undefined) ?? {};
}
