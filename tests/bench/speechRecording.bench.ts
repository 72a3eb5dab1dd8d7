// A long audio recording through the real Record screen against a bare MediaRecorder page in the same
// run (see recordingRun.ts for what is measured).
// Goals (#3): JS heap growth under 20 MB per hour; the file on disk never more than 2 s behind.
// Run: npm run bench -- speechRecording   (SPEECH_RECORD_SECONDS=120 by default)
import { benchRecording } from './recordingRun';

benchRecording({
  issue: 3,
  label: 'audio',
  browserArgs: [],
  prepare: async () => {},
  heapGoalMbPerHour: 20,
  // As recordingSession.ts records audio: Opus in WebM, the browser's default bitrate.
  bare: { video: null, mimeTypes: ['audio/webm;codecs=opus'], recorder: {} },
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
