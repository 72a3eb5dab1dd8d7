import { resolve } from 'node:path';

/**
 * The Y4M Chromium's fake camera plays (made by globalSetup, looped by Chromium): 320×240 at 15 fps for
 * 20 s. Each second is a solid gray whose level tells the second (`fakeCameraGray`), and the frame number
 * is drawn white on black at the bottom left, so a mirrored picture shows it at the bottom right.
 */
export const fakeCameraY4m = resolve('test-results/video/fake-camera.y4m');

export const fakeCamera = { width: 320, height: 240, fps: 15, seconds: 20 } as const;

/** The gray level (luma, 0–255) of the frames in second `second` of the loop. */
export function fakeCameraGray(second: number): number {
  return 20 + 20 * (Math.floor(second) % 11);
}
