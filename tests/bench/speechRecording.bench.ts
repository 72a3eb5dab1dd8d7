// A long audio recording through the real Record screen (see recordingRun.ts for what is measured).
// Goals: JS heap growth under 20 MB per hour; the file on disk never more than 2 s behind.
// Run: npx tsx tests/bench/run.ts speechRecording   (SPEECH_RECORD_SECONDS=120 by default)
import { benchRecording } from './recordingRun';

benchRecording({ label: 'audio', browserArgs: [], prepare: async () => {}, heapGoalMbPerHour: 20 }).catch(
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
