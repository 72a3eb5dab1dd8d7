// The Record screen's part of the contract: what a recording needs from the host beyond the speeches
// store. Today one thing: the camera, which the desktop app lets through only when a video recording asks.
import { z } from 'zod';

export const recordContract = {
  /**
   * A video recording is about to open the camera: the desktop app lets the next camera request through
   * (once, for a few seconds); the web host has nothing to do, its browser asks the member itself.
   */
  'record.allowCamera': { input: z.object({}).strict(), output: z.null() },
} as const;
