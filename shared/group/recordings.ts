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
import { flatView, shardedDelete, shardedGet, shardedSet } from './shardedRecord';
import type { Sharded } from './shardedRecord';

export interface SharedRecording extends RecordingSharedBody {
  /** The id of the sharing event. */
  id: string;
  author: string;
  sharedAt: string;
  /** From the author's `recording.metrics` (the latest one wins), when there is one. */
  metrics?: Pick<RecordingMetricsBody, 'language' | 'metrics'>;
}
export type SharedRecordings = Readonly<Record<string, SharedRecording>>;
/** The slice: recordings by the id of their sharing event, in shards (see shardedRecord). */
type RecordingShards = Sharded<SharedRecording>;

export const recordingsSlice = defineSlice<RecordingShards>('recordings', () => ({}), {
  [RECORDING_SHARED]: handler<RecordingShards, typeof recordingSharedBody>({
    body: recordingSharedBody,
    // Judged by the cap when it is folded: a cap set later never takes back what was shared under it.
    authorize: (event, _recordings, ctx) => event.body.byteSize <= (capInForce(ctx) ?? Infinity),
    apply: (event, recordings) => {
      const recording = { ...event.body, id: event.id, author: event.author, sharedAt: event.hlc };
      shardedSet(recordings, event.id, recording);
    },
  }),
  [RECORDING_WITHDRAWN]: handler<RecordingShards, typeof recordingWithdrawnBody>({
    body: recordingWithdrawnBody,
    authorize: (event, recordings) => shardedGet(recordings, event.body.recording)?.author === event.author,
    apply: (event, recordings) => shardedDelete(recordings, event.body.recording),
  }),
  [RECORDING_METRICS]: handler<RecordingShards, typeof recordingMetricsBody>({
    body: recordingMetricsBody,
    authorize: (event, recordings) => shardedGet(recordings, event.body.recording)?.author === event.author,
    apply: (event, recordings) => {
      const { language, metrics } = event.body;
      shardedGet(recordings, event.body.recording)!.metrics = { language, metrics };
    },
  }),
});

/** Every recording shared and not withdrawn, by id, in the order they were shared. */
export function recordingsOf(state: GroupState): SharedRecordings {
  const shards = state.slices[recordingsSlice.slice] as RecordingShards | undefined;
  return shards ? flatView(shards, (r) => r.sharedAt) : {};
}
