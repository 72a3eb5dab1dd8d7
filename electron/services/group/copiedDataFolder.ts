// A data folder copied to a second computer (or to another place on this one) must not go on
// writing as the same device: two computers would write one device directory of the group folder,
// which breaks "one writer per file". So the key file records which installation its device id
// belongs to, and a copy keeps the key but takes a new device id.
//
// The installation is the data folder's real path plus the identity directory's inode. Both travel
// badly, which is the point: a copy (cp, rsync, a backup restored, a migration to a new computer)
// creates new directories, so even at the same path on another computer the inode differs, while the
// folder in place keeps both for as long as it exists. Not the host name: it changes with the network
// on some systems (macOS takes it from DHCP and Bonjour) and would hand out device ids over nothing.
// Not a random id kept outside the data folder: the web host and the CLI have no place outside it
// (the data folder is all they are given), and a copy of an id kept inside would travel with it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SECRET_DIR_MODE } from './secretFile';

export const IDENTITY_DIR = 'identity';

export const Installation = z.object({
  /** The data folder's real path (symbolic links resolved). */
  dataDir: z.string(),
  /** The identity directory's inode, where the file system has stable ones. */
  folderId: z.string().optional(),
});
export type Installation = z.infer<typeof Installation>;

/** This data folder's installation (makes the identity directory if it is not there yet). */
export async function installationOf(dataDir: string): Promise<Installation> {
  const dir = path.join(dataDir, IDENTITY_DIR);
  await fs.mkdir(dir, { recursive: true, mode: SECRET_DIR_MODE });
  const real = await fs.realpath(dataDir);
  const { ino } = await fs.stat(dir, { bigint: true });
  // Some file systems (a few network shares, FAT on some systems) report 0: the path alone decides there.
  return ino > 0n ? { dataDir: real, folderId: ino.toString() } : { dataDir: real };
}

export function sameInstallation(recorded: Installation, here: Installation): boolean {
  if (recorded.dataDir !== here.dataDir) return false;
  return (
    recorded.folderId === undefined || here.folderId === undefined || recorded.folderId === here.folderId
  );
}

/**
 * Moves each group's local outbox of the previous device id aside (`outbox.device-<id>`), so that
 * the new device starts its own: those segments are signed as the other device, whose computer
 * publishes them. They are kept, never deleted.
 */
export async function setAsideOutboxes(dataDir: string, previousDeviceId: string): Promise<void> {
  const groupsDir = path.join(dataDir, 'groups');
  const entries = await fs.readdir(groupsDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const outbox = path.join(groupsDir, entry.name, 'outbox');
    if (!(await fs.stat(outbox).catch(() => null))?.isDirectory()) continue;
    for (let n = 1; ; n++) {
      const aside = `${outbox}.device-${previousDeviceId}${n === 1 ? '' : `-${n}`}`;
      // An existing name is never replaced (rename would replace an empty directory).
      if (await fs.stat(aside).catch(() => null)) continue;
      await fs.rename(outbox, aside);
      break;
    }
  }
}
