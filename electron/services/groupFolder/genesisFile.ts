// group.json: the signed genesis segment that says which group a folder holds.
import { promises as fs } from 'node:fs';
import { GENESIS_FILE } from '../../../shared/group/folderLayout';
import { GENESIS } from '../../../shared/group/groupEvent';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import { parseSegment } from '../../../shared/group/segment';
import { nativeCrypto } from './nativeCrypto';
import { Quarantine } from './quarantine';
import { readInside } from './safePath';

export const MAX_GENESIS_BYTES = 256 * 1024;

export type SyncStatus = 'ok' | 'missing-folder' | 'not-a-group' | 'wrong-group';

/** Which group a folder holds, from its genesis file alone (cheap: one small file). */
export async function readGroupId(
  folder: string,
): Promise<{ status: SyncStatus; groupId: string | null; message: string }> {
  const stats = await fs.stat(folder).catch(() => null);
  if (!stats?.isDirectory())
    return { status: 'missing-folder', groupId: null, message: `The group folder ${folder} is not there.` };
  try {
    const genesis = parseGenesis(await readInside(folder, GENESIS_FILE, MAX_GENESIS_BYTES));
    return { status: 'ok', groupId: genesis.id, message: '' };
  } catch (err) {
    const why = err instanceof Quarantine ? err.reason : 'missing or unreadable';
    return {
      status: 'not-a-group',
      groupId: null,
      message: `${folder} is not a Lectern group: ${GENESIS_FILE} ${why}.`,
    };
  }
}

/** The genesis event of the group in `folder` (verified), or null when it holds none that is usable. */
export async function readGenesis(folder: string): Promise<GroupEvent | null> {
  try {
    return parseGenesis(await readInside(folder, GENESIS_FILE, MAX_GENESIS_BYTES));
  } catch {
    return null;
  }
}

/** The genesis event in `bytes`, verified; throws a Quarantine saying what is wrong otherwise. */
export function parseGenesis(bytes: Uint8Array): GroupEvent {
  const result = parseSegment(bytes, { maxBytes: MAX_GENESIS_BYTES, ...nativeCrypto });
  if (!result.ok) throw new Quarantine(`genesis ${result.error.message}`);
  const s = result.segment;
  const [genesis] = s.events;
  if (
    s.events.length !== 1 ||
    !genesis ||
    genesis.kind !== GENESIS ||
    s.group !== genesis.id ||
    s.first !== 0 ||
    s.last !== 0
  ) {
    throw new Quarantine("not-a-genesis: group.json must hold exactly its group's genesis event");
  }
  return genesis;
}
