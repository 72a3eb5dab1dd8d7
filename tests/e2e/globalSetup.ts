// Makes the speech the fake microphone plays: Chinese and English sentences from espeak-ng, with known
// pauses, as 48 kHz mono WAV (sox); and the picture the fake camera plays, whose frames tell their time
// (ffmpeg; see fakeCamera.ts). Chromium loops both files into getUserMedia.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fakeCamera, fakeCameraY4m } from './fakeCamera';
import { fakeMicrophoneWav } from './fakeMicrophone';

export default function globalSetup(): void {
  makeFakeMicrophone();
  makeFakeCamera();
}

function makeFakeMicrophone(): void {
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

function makeFakeCamera(): void {
  if (existsSync(fakeCameraY4m)) return;
  mkdirSync(join(fakeCameraY4m, '..'), { recursive: true });
  const { width, height, fps, seconds } = fakeCamera;
  // The gray level as fakeCameraGray() computes it; the frame number drawn at the bottom left.
  const picture = [
    "geq=lum='20+20*mod(floor(T),11)':cb=128:cr=128",
    `drawtext=text='%{frame_num}':x=10:y=${height - 40}:fontsize=28:fontcolor=white:box=1:boxcolor=black`,
  ].join(',');
  const partial = `${fakeCameraY4m}.partial`;
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `color=c=black:s=${width}x${height}:r=${fps}:d=${seconds}`],
    ...['-vf', picture, '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', partial],
  ]);
  renameSync(partial, fakeCameraY4m);
}
