// This computer's member identity: the Ed25519 key (kept under the data dir's `identity/`, owner-only,
// sealed by the OS where it can be, never in a group folder), this installation's device id and its
// clock, and the passphrase backup. The app, the web host and the CLI all keep it here.
// A key file that cannot be read is never deleted nor overwritten, and never replaced by a new key
// behind the member's back: the identity reports the problem and waits for a backup.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LecternError } from '../../../shared/api/errors';
import type { IdentityReport } from '../../../shared/api/groupContract';
import { createMemberKey } from '../../../shared/group/identity';
import type { MemberKey } from '../../../shared/group/identity';
import { KeyBackupError, exportKeyBackup, importKeyBackup } from '../../../shared/group/keyBackup';
import type { ScryptParams } from '../../../shared/group/keyBackup';
import { MemberDevice, newDeviceId } from '../../../shared/group/memberDevice';
import { renameNoReplace } from '../atomicFile';
import { IDENTITY_DIR, installationOf, sameInstallation, setAsideOutboxes } from './copiedDataFolder';
import type { Installation } from './copiedDataFolder';
import { keyFileText, openKeyFile } from './keyFile';
import type { DeviceRenewed } from './keyFile';
import { nodeScrypt } from './nodeScrypt';
import type { SecretSealer } from './secretSealer';
import { SECRET_DIR_MODE, SECRET_FILE_MODE, writeSecretFile } from './secretFile';

export { IDENTITY_DIR };
export const KEY_FILE = 'member-key.json';
/** Where the CLI kept its identity before it shared the app's (read once, then moved in). */
export const LEGACY_CLI_FILE = 'identity.json';
const KEPT_ASIDE = /^member-key\.(unreadable|sealed)-.+\.json$/;

/** Why the key cannot be used: `keptAs` is the file that holds it, relative to the data dir. */
export type IdentityProblem = NonNullable<IdentityReport['problem']>;

export type IdentityState =
  | { status: 'ready'; device: MemberDevice }
  /** No key yet: the first run. */
  | { status: 'missing' }
  | { status: 'problem'; problem: IdentityProblem };

export interface MemberIdentityOptions {
  /** Cheaper scrypt for tests; the default (OWASP's) otherwise. */
  scrypt?: ScryptParams;
  /** The OS's sealer (the desktop app); without one the key is kept plainly, owner-only. */
  sealer?: SecretSealer;
}

export class MemberIdentity {
  private state: IdentityState | null = null;
  private loading: Promise<IdentityState> | null = null;
  private installation: Installation | null = null;
  private renewed: DeviceRenewed | null = null;
  private sealed = false;
  private saving: Promise<unknown> = Promise.resolve();
  private changing: Promise<unknown> = Promise.resolve();
  private readonly dir: string;

  constructor(
    private readonly dataDir: string,
    private readonly options: MemberIdentityOptions = {},
  ) {
    this.dir = path.join(dataDir, IDENTITY_DIR);
  }

  /** Reads the key (once), moving a damaged file aside; never creates one and never throws for a bad file. */
  load(): Promise<IdentityState> {
    if (this.state) return Promise.resolve(this.state);
    this.loading ??= this.read().then((state) => (this.state = state));
    return this.loading;
  }

  /** The member's device, made on first use (a fresh key and device id); throws if the key cannot be read. */
  current(): Promise<MemberDevice> {
    return this.exclusive(() => this.currentDevice());
  }

  /** The identity as the app shows it (making the key on first use, as {@link current} does). */
  async report(): Promise<IdentityReport> {
    await this.current().catch((err: unknown) => {
      if (!(err instanceof LecternError)) throw err;
    });
    const state = await this.load();
    const device = state.status === 'ready' ? state.device : null;
    return {
      keyId: device?.key.keyId ?? null,
      deviceId: device?.deviceId ?? null,
      atRest: device ? (this.sealed ? 'sealed' : 'plaintext') : null,
      problem: state.status === 'problem' ? state.problem : null,
      notice: device && this.renewed ? { kind: 'device-renewed', ...this.renewed } : null,
    };
  }

  /** The member has read the notice: it is not shown again. */
  dismissNotice(): Promise<void> {
    return this.exclusive(async () => {
      await this.load();
      if (!this.renewed) return;
      this.renewed = null;
      await this.save();
    });
  }

  /** Persists the key, device id and clock (after every write, so a restart never reuses a clock). */
  save(): Promise<void> {
    const state = this.state;
    const installation = this.installation;
    if (state?.status !== 'ready' || !installation) return Promise.resolve();
    const { device } = state;
    const renewed = this.renewed;
    const write = async () => {
      const { text, sealed } = await keyFileText(
        {
          keyId: device.key.keyId,
          deviceId: device.deviceId,
          lastClock: device.lastClock,
          installation,
          ...(renewed ? { renewed } : {}),
        },
        device.key,
        this.options.sealer,
      );
      await writeSecretFile(this.dir, KEY_FILE, text);
      await fs.chmod(this.dir, SECRET_DIR_MODE).catch(() => undefined);
      this.sealed = sealed;
    };
    const next = this.saving.then(write, write);
    this.saving = next.catch(() => undefined);
    return next;
  }

  /** Node's scrypt, off the event loop (a second of KDF would stall every window's calls). */
  async exportBackup(passphrase: string): Promise<string> {
    const device = await this.current();
    try {
      return await exportKeyBackup(device.key, passphrase, {
        kdf: nodeScrypt,
        ...(this.options.scrypt ? { scrypt: this.options.scrypt } : {}),
      });
    } catch (err) {
      throw err instanceof KeyBackupError ? backupError(err) : err;
    }
  }

  /**
   * Makes this computer a device of the member in the backup (a new device id, the backup's key).
   * Refused while groups are joined with another key: they would no longer recognise this computer.
   * This is also how a member whose key file could not be read gets their key back.
   */
  async importBackup(text: string, passphrase: string, keysInUse: readonly string[]): Promise<MemberDevice> {
    let key;
    try {
      key = await importKeyBackup(text, passphrase, { kdf: nodeScrypt });
    } catch (err) {
      throw err instanceof KeyBackupError ? backupError(err) : err;
    }
    return this.useKey(key, keysInUse);
  }

  /** Takes `key` as this member's (see {@link importBackup}); the file it replaces is kept aside. */
  useKey(key: MemberKey, keysInUse: readonly string[]): Promise<MemberDevice> {
    return this.exclusive(async () => {
      if (keysInUse.some((k) => k !== key.keyId)) throw new LecternError('forbidden', 'errors.identityInUse');
      const state = await this.load();
      if (state.status === 'ready' && state.device.key.keyId === key.keyId) return state.device;
      // Whatever the file held (another key, or one that could not be opened) stays, under another name.
      const inPlace = path.join(IDENTITY_DIR, KEY_FILE);
      if (state.status === 'ready') await keepAside(this.dir, 'replaced');
      else if (state.status === 'problem' && state.problem.keptAs === inPlace)
        await keepAside(this.dir, state.problem.reason);
      this.installation = await installationOf(this.dataDir);
      const lastClock = state.status === 'ready' ? state.device.lastClock : undefined;
      const device = new MemberDevice(key, newDeviceId(), lastClock);
      this.renewed = null;
      this.state = { status: 'ready', device };
      await this.save();
      return device;
    });
  }

  private async currentDevice(): Promise<MemberDevice> {
    const state = await this.load();
    if (state.status === 'ready') return state.device;
    if (state.status === 'problem') throw identityError(state.problem);
    this.installation = await installationOf(this.dataDir);
    const device = new MemberDevice(createMemberKey(), newDeviceId());
    this.state = { status: 'ready', device };
    await this.save();
    return device;
  }

  private async read(): Promise<IdentityState> {
    const full = path.join(this.dir, KEY_FILE);
    let text: string;
    try {
      text = await fs.readFile(full, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return problem('unreadable', KEY_FILE); // left in place
      return this.readWithoutKeyFile();
    }
    // A key file left readable by others (an older build, a copy by hand) is made owner-only.
    await fs.chmod(full, SECRET_FILE_MODE).catch(() => undefined);
    const opened = await openKeyFile(text, this.options.sealer);
    if (!opened.ok) {
      // A sealed file may open later (a keychain unlocked): it stays. A damaged one is moved aside.
      if (opened.reason === 'sealed') return problem('sealed', KEY_FILE);
      const kept = await keepAside(this.dir, 'unreadable').catch(() => KEY_FILE);
      return problem('unreadable', kept);
    }
    const { file, key } = opened;
    this.sealed = file.version === 2;
    this.renewed = file.renewed ?? null;
    const here = await installationOf(this.dataDir);
    let device = new MemberDevice(key, file.deviceId, file.lastClock);
    let changed = !file.installation || (file.version === 1 && !!this.options.sealer?.available);
    if (file.installation && !sameInstallation(file.installation, here)) {
      // A copy: same key, its own device id, the clock going on from where the copy's was.
      await setAsideOutboxes(this.dataDir, file.deviceId);
      device = new MemberDevice(key, newDeviceId(), file.lastClock);
      this.renewed = { previousDeviceId: file.deviceId, at: new Date().toISOString() };
      changed = true;
    }
    this.installation = here;
    this.state = { status: 'ready', device };
    // Not fatal: the key is in memory, and the next save (after any write) tries again.
    if (changed)
      await this.save().catch((err: unknown) => console.error('[lectern] saving the key failed:', err));
    return this.state;
  }

  /** No key file: the CLI's old one is moved in; a damaged one kept aside blocks a silent new key. */
  private async readWithoutKeyFile(): Promise<IdentityState> {
    const legacy = path.join(this.dataDir, LEGACY_CLI_FILE);
    const text = await fs.readFile(legacy, 'utf8').catch(() => null);
    if (text !== null) {
      const opened = await openKeyFile(text);
      if (!opened.ok) return problem('unreadable', LEGACY_CLI_FILE, true);
      this.installation = await installationOf(this.dataDir);
      this.state = {
        status: 'ready',
        device: new MemberDevice(opened.key, opened.file.deviceId, opened.file.lastClock),
      };
      // The old file goes only once the key is in its new place (it would hold the key in plain text).
      await this.save().then(
        () => fs.rm(legacy),
        (err: unknown) => console.error('[lectern] moving the CLI identity in failed:', err),
      );
      return this.state;
    }
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const kept = names.filter((n) => KEPT_ASIDE.test(n)).sort();
    const last = kept.at(-1);
    if (last) return problem(last.startsWith('member-key.sealed-') ? 'sealed' : 'unreadable', last);
    return { status: 'missing' };
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.changing.then(task, task);
    this.changing = next.catch(() => undefined);
    return next;
  }
}

/** `name`: the file in the identity directory that holds the key; `inDataDir` for one at the data dir's root. */
function problem(reason: IdentityProblem['reason'], name: string, inDataDir = false): IdentityState {
  return { status: 'problem', problem: { reason, keptAs: inDataDir ? name : path.join(IDENTITY_DIR, name) } };
}

/** Moves member-key.json aside under a name nothing has (`member-key.<why>-<time>.json`); returns it. */
async function keepAside(dir: string, why: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const name = `member-key.${why}-${stamp}${n === 1 ? '' : `-${n}`}.json`;
    try {
      await renameNoReplace(path.join(dir, KEY_FILE), path.join(dir, name));
      return name;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw err;
    }
  }
}

/** The error group features give while the key cannot be used: what happened, and to restore a backup. */
export function identityError(problem: IdentityProblem): LecternError {
  return new LecternError(
    'unavailable',
    problem.reason === 'sealed' ? 'errors.identitySealed' : 'errors.identityUnreadable',
    { ...problem },
  );
}

/** A backup's typed reason as the error the UI shows: the file or passphrase, or this computer (kdf-failed). */
function backupError(err: KeyBackupError): LecternError {
  const details = { reason: err.reason };
  if (err.reason === 'kdf-failed') return new LecternError('unavailable', 'errors.unavailable', details);
  return new LecternError(
    'invalid_input',
    err.reason === 'wrong-passphrase' ? 'errors.keyBackupPassphrase' : 'errors.keyBackupMalformed',
    details,
  );
}
