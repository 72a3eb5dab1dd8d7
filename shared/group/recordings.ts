// Speech recordings members share with the group; only the author can withdraw theirs.
import {
  RECORDING_SHARED,
  RECORDING_WITHDRAWN,
  recordingSharedBody,
  recordingWithdrawnBody,
} from './groupEvent';
import type { RecordingSharedBody } from './groupEvent';
import { defineSlice, handler } from './kindRegistry';
import type { GroupState } from './groupState';

export interface SharedRecording extends RecordingSharedBody {
  /** The id of the sharing event. */
  id: string;
  author: string;
  sharedAt: string;
}
export type SharedRecordings = Record<string, SharedRecording>;

export const recordingsSlice = defineSlice<SharedRecordings>('recordings', () => ({}), {
  [RECORDING_SHARED]: handler<SharedRecordings, typeof recordingSharedBody>({
    body: recordingSharedBody,
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
});

export function recordingsOf(state: GroupState): SharedRecordings {
  return (state.slices[recordingsSlice.slice] as SharedRecordings | undefined) ?? {};
}
