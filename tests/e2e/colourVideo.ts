// A test video whose picture tells the time: each second is one solid colour from a known table, with
// a steady tone for its sound (VP8 + Opus in WebM, which Debian's Chromium decodes; ffmpeg makes it).
// A drawn frame's colour then says which second the player is showing. Also: how to put such a file
// into a member's library through the same HTTP bridge the renderer uses, and read the colours back.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createClient } from '../../shared/api/client';
import type { Contract, Events } from '../../shared/api/contract';
import type { Speech } from '../../shared/domain/speech';
import { createHttpBridge } from '../../renderer/api/httpBridge';

export type Rgb = readonly [number, number, number];

/** Second n of the video is colours[n]: far enough apart that a lossy frame is never mistaken. */
export const colours: readonly Rgb[] = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [255, 255, 0],
  [255, 0, 255],
  [0, 255, 255],
  [255, 255, 255],
  [128, 128, 128],
  [255, 128, 0],
  [128, 0, 255],
  [0, 128, 128],
  [128, 128, 0],
];
export const videoSeconds = colours.length;
export const videoSize = { width: 320, height: 180 };

const hex = ([r, g, b]: Rgb) => `0x${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** Writes the colour video into `dir` and returns its path. */
export function makeColourVideo(dir: string): string {
  const file = join(dir, 'colours.webm');
  const { width, height } = videoSize;
  const inputs = colours.flatMap((colour) => [
    '-f',
    'lavfi',
    '-i',
    `color=c=${hex(colour)}:s=${width}x${height}:r=10:d=1`,
  ]);
  const joined = colours.map((_, i) => `[${i}:v]`).join('');
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...inputs,
    ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${videoSeconds}`],
    ...['-filter_complex', `${joined}concat=n=${colours.length}:v=1[v]`],
    ...['-map', '[v]', '-map', `${colours.length}:a`],
    // A key frame every second keeps each seek short.
    ...['-c:v', 'libvpx', '-b:v', '300k', '-g', '10', '-c:a', 'libopus', file],
  ]);
  return file;
}

/** The colour of the second that `ms` falls in. */
export function colourAt(ms: number): Rgb {
  return colours[Math.floor(ms / 1000)]!;
}

/** The table's colour nearest to `rgb`, as its second, and how far off it is (largest channel difference). */
export function nearestSecond(rgb: Rgb): { second: number; off: number } {
  const offs = colours.map((c) => Math.max(...c.map((v, i) => Math.abs(v - rgb[i]!))));
  const off = Math.min(...offs);
  return { second: offs.indexOf(off), off };
}

/** The API as the page's own bridge calls it, signed in with the page's session. */
export async function pageApi(page: Page, origin: string) {
  const secret = await page.evaluate(() => sessionStorage.getItem('lectern.session'));
  if (!secret) throw new Error('the page has no session');
  return createClient<Contract, Events>(createHttpBridge({ session: () => secret, baseUrl: origin }));
}

/**
 * Puts the video into the page's library as a speech, as an import does: begin, the bytes and a
 * waveform (the tone is steady: flat peaks, 100 pairs a second), finish.
 */
export async function putVideoSpeech(
  page: Page,
  origin: string,
  file: string,
  title: string,
): Promise<Speech> {
  const api = await pageApi(page, origin);
  const sampleRate = 48_000;
  const { speechId } = await api.call('speeches.begin', {
    source: 'import',
    mimeType: 'video/webm',
    title,
    originalName: 'colours.webm',
    language: 'zh',
    sampleRate,
    samplesPerPixel: sampleRate / 100,
  });
  const peaks = new Int8Array(videoSeconds * 100 * 2).map((_, i) => (i % 2 ? 60 : -60));
  await api.call('speeches.append', {
    speechId,
    audio: new Uint8Array(await readFile(file)),
    peaks: new Uint8Array(peaks.buffer),
  });
  return api.call('speeches.finish', { speechId });
}

/** The colour at the centre of what `image` (a <video> or <img>) shows now, drawn to a canvas. */
export async function centreColour(image: Locator): Promise<Rgb> {
  return image.evaluate((el: HTMLVideoElement | HTMLImageElement) => {
    const width = el instanceof HTMLVideoElement ? el.videoWidth : el.naturalWidth;
    const height = el instanceof HTMLVideoElement ? el.videoHeight : el.naturalHeight;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    context.drawImage(el, 0, 0);
    const [r, g, b] = context.getImageData(width >> 1, height >> 1, 1, 1).data;
    return [r!, g!, b!] as const;
  });
}

/** Waits until the player's <video> has landed on a frame (no seek under way, a frame decoded). */
export async function settledPicture(video: Locator): Promise<void> {
  await video.evaluate(
    (el: HTMLVideoElement) =>
      new Promise<void>((resolve) => {
        const check = () =>
          !el.seeking && el.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA
            ? resolve()
            : setTimeout(check, 20);
        check();
      }),
  );
}
