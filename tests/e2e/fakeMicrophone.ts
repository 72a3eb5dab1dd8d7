import { resolve } from 'node:path';

/** The WAV Chromium's fake capture device plays (made by globalSetup). */
export const fakeMicrophoneWav = resolve('test-results/audio/fake-microphone.wav');
