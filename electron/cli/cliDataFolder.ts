// The CLI in a member's data folder (--data): the app's own identity (identity/member-key.json, read
// and written by the same MemberIdentity, so `--data <the app's data folder>` acts as the same member
// and device), held under the data folder's lock while a command works there.
import path from 'node:path';
import type { MemberDevice } from '../../shared/group/memberDevice';
import { acquireDataFolderLock } from '../services/dataFolderLock';
import type { DataFolderLock } from '../services/dataFolderLock';
import { MemberIdentity } from '../services/group/memberIdentity';
import type { IdentityProblem } from '../services/group/memberIdentity';

export class CliDataFolder {
  private lock: DataFolderLock | undefined;
  private identity: MemberIdentity | undefined;

  /** Locks `dataDir` for this command (DataFolderInUseError while the app or web host has it open). */
  async open(dataDir: string): Promise<MemberIdentity> {
    this.lock ??= await acquireDataFolderLock(dataDir, 'cli');
    this.identity ??= new MemberIdentity(dataDir);
    return this.identity;
  }

  /** The member's device in `dataDir`; a missing or unusable key is an error saying what to do. */
  async device(dataDir: string): Promise<MemberDevice> {
    const state = await (await this.open(dataDir)).load();
    if (state.status === 'ready') return state.device;
    if (state.status === 'missing')
      throw new Error(`No identity in ${dataDir}: run "init --data ${dataDir}" first.`);
    throw new Error(identityProblemText(dataDir, state.problem));
  }

  async close(): Promise<void> {
    await this.lock?.release();
  }
}

export function identityProblemText(dataDir: string, problem: IdentityProblem): string {
  if (problem.reason === 'sealed')
    return (
      `The member key in ${dataDir} is sealed with the desktop app's keychain (Electron safeStorage), ` +
      `which the command line cannot open. Use the app; or save a key backup in the app's Settings and ` +
      `run "init --data <another directory> --from-backup <backup file>".`
    );
  return (
    `The member key in ${dataDir} could not be read; it is kept as ${path.join(dataDir, problem.keptAs)}. ` +
    `Restore it from a backup: "init --data ${dataDir} --from-backup <backup file>".`
  );
}
