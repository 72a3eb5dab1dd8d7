// The sync tool part of the contract: asking the local Syncthing how it sees a group's folder (off by
// default). Only a port and an API key are set: the address is always 127.0.0.1, so it cannot be aimed
// at another computer.
import { z } from 'zod';
import { GroupId } from './groupContract';

/** Syncthing shows its key under Actions → Settings → GUI; it travels in an HTTP header (ASCII, no spaces). */
export const SyncthingApiKey = z
  .string()
  .trim()
  .min(1, { message: 'syncthing.keyNeeded' })
  .max(200, { message: 'syncthing.keyInvalid' })
  .regex(/^[\x21-\x7e]+$/, { message: 'syncthing.keyInvalid' });

export const SyncthingPort = z
  .number({ message: 'syncthing.portInvalid' })
  .int({ message: 'syncthing.portInvalid' })
  .min(1, { message: 'syncthing.portInvalid' })
  .max(65535, { message: 'syncthing.portInvalid' });

/** Syncthing's own default GUI port. */
export const defaultSyncthingPort = 8384;

/** What the data folder keeps (owner-only): the key never goes back to the page. */
export const SyncthingSettings = z.object({
  enabled: z.boolean(),
  port: SyncthingPort,
  apiKey: SyncthingApiKey.optional(),
});
export type SyncthingSettings = z.infer<typeof SyncthingSettings>;

export const syncToolStates = [
  'up-to-date',
  'syncing',
  'paused',
  'error',
  'not-shared',
  'unreachable',
  'unauthorized',
] as const;
export type SyncToolState = (typeof syncToolStates)[number];

/** How Syncthing sees a group's folder; every failure to ask is a state too. */
export const SyncToolStatus = z.object({
  state: z.enum(syncToolStates),
  /** Other devices the folder is shared with that are connected now, and all of them. */
  connectedDevices: z.number().int().min(0),
  totalDevices: z.number().int().min(0),
  /** What this copy still has to fetch. */
  needBytes: z.number().min(0),
});
export type SyncToolStatus = z.infer<typeof SyncToolStatus>;

export const syncToolContract = {
  'syncTool.settings': {
    input: z.object({}).strict(),
    output: z.object({ enabled: z.boolean(), port: SyncthingPort, hasApiKey: z.boolean() }),
  },
  /** `apiKey` left out keeps the saved one. */
  'syncTool.saveSettings': {
    input: z
      .object({ enabled: z.boolean(), port: SyncthingPort, apiKey: SyncthingApiKey.optional() })
      .strict(),
    output: z.null(),
  },
  /** Syncthing's view of the group's folder, asked when the member looks; null while the setting is off. */
  'syncTool.status': {
    input: z.object({ groupId: GroupId }).strict(),
    output: SyncToolStatus.nullable(),
  },
} as const;
