// Writes a file only its owner may read (a member's secret key), atomically: the temporary file is
// created 0600 before a byte of the secret goes in, and the rename replaces any older, looser copy
// with it. Where the file system has no modes (FAT, Windows) the modes are skipped, not an error.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tempName } from '../groupFolder/atomicWrite';

export const SECRET_FILE_MODE = 0o600;
export const SECRET_DIR_MODE = 0o700;

/** Atomically writes `name` in `dir` (made 0700 if it does not exist), readable by its owner alone. */
export async function writeSecretFile(dir: string, name: string, text: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: SECRET_DIR_MODE });
  const target = path.join(dir, name);
  const temp = path.join(dir, tempName());
  const handle = await fs.open(temp, 'wx', SECRET_FILE_MODE);
  try {
    // The umask can only take bits away; this also undoes one that took the owner's.
    await handle.chmod(SECRET_FILE_MODE).catch(() => undefined);
    await handle.writeFile(text);
    await handle.sync();
    await handle.close();
    await fs.rename(temp, target);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw err;
  }
  return target;
}
