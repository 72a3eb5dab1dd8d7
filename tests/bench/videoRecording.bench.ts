// A long video recording through the real Record screen, "With camera" at the default 720p, against a
// bare MediaRecorder page recording the same devices with the app's 720p options in the same run (see
// recordingRun.ts for what is measured). Chromium's fake camera plays a 720p MJPEG made by ffmpeg
// (testsrc2, 30 fps, looped), beside the fake microphone.
// Goals (#16): renderer JS heap growth under 30 MB for an hour; the file on disk never more than 2 s behind.
// Run: npm run bench -- videoRecording   (SPEECH_RECORD_SECONDS=120 by default)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cameraConstraints, videoMimeTypes, videoRecorderOptions } from '../../renderer/record/videoQuality';
import { log } from './kit/figures';
import { benchRecording } from './recordingRun';
import { benchDir } from './speechKit';

function ensureCameraMjpeg(): string {
  const path = join(benchDir, 'fake-camera-720p.mjpeg');
  if (existsSync(path)) return path;
  mkdirSync(benchDir, { recursive: true });
  log('making the fake camera: 20 s of 720p MJPEG at 30 fps (ffmpeg) …');
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=20'],
    ...['-c:v', 'mjpeg', '-q:v', '5', '-f', 'mjpeg', `${path}.tmp`],
  ]);
  execFileSync('mv', [`${path}.tmp`, path]);
  return path;
}

benchRecording({
  issue: 16,
  label: 'video (720p, fake camera)',
  browserArgs: [`--use-file-for-fake-video-capture=${ensureCameraMjpeg()}`],
  prepare: async (page) => {
    await page.getByText('With camera', { exact: true }).click();
    await page.getByText(/About \d+ MB an hour/).waitFor();
    // R starts a recording unless a field has the focus (as the switch now has).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  },
  heapGoalMbPerHour: 30,
  // The app's 720p options; the page picks the mime type among the same candidates, as the app does.
  bare: {
    video: cameraConstraints('720p', undefined),
    mimeTypes: videoMimeTypes,
    recorder: { ...videoRecorderOptions('720p', () => true) },
  },
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
