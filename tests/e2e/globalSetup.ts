// Makes the speech the fake microphone plays: Chinese and English sentences from espeak-ng, with known
// pauses, as 48 kHz mono WAV (sox). Chromium loops the file into getUserMedia.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fakeMicrophoneWav } from './fakeMicrophone';

export default function globalSetup(): void {
  if (existsSync(fakeMicrophoneWav)) return;
  const dir = join(fakeMicrophoneWav, '..');
  mkdirSync(dir, { recursive: true });
  const zh = join(dir, 'zh.wav');
  const en = join(dir, 'en.wav');
  execFileSync('espeak-ng', [
    '-v',
    'zh',
    '-s',
    '150',
    '-w',
    zh,
    '大家好，今天我想和大家分享三个演讲技巧。第一，准备充分。',
  ]);
  execFileSync('espeak-ng', [
    '-v',
    'en',
    '-s',
    '150',
    '-w',
    en,
    'Good evening. Practice every week, and ask for honest feedback.',
  ]);
  // speech, 1 s pause, speech, 1 s pause: the pattern repeats while the fake device loops.
  execFileSync('sox', [zh, en, fakeMicrophoneWav, 'pad', '0', '1', 'rate', '48000', 'channels', '1']);
}
