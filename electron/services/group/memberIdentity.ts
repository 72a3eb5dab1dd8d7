// This computer's member identity: the Ed25519 key (kept under the data dir's `identity/`, owner-only,
// never in a group folder), this installation's device id and its clock, and the passphrase backup.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { LecternError } from '../../../shared/api/errors';
import { createMemberKey, memberKeyFromSecret } from '../../../shared/group/identity';
import { KeyBackupError, exportKeyBackup, importKeyBackup } from '../../../shared/group/keyBackup';
import type { ScryptParams } from '../../../shared/group/keyBackup';
import { MemberDevice, newDeviceId } from '../../../shared/group/memberDevice';
import { nodeScrypt } from './nodeScrypt';
import { SECRET_DIR_MODE, SECRET_FILE_MODE, writeSecretFile } from './secretFile';

export const IDENTITY_DIR = 'identity';
const FILE = 'member-key.json';

/** The key file: this member's signing key, this computer's device id and its clock. The CLI reads it too. */
export const identitySchema = z.object({
  version: z.literal(1),
  keyId: z.string(),
  secretKey: z.string().regex(/^[0-9a-f]{64}$/),
  deviceId: z.string().regex(/^[0-9a-f]{16}$/),
  lastClock: z.string().optional(),
});
export type IdentityFile = z.infer<typeof identitySchema>;

export class MemberIdentity {
  private device: MemberDevice | null = null;
  private saving: Promise<unknown> = Promise.resolve();
  private readonly dir: string;

  constructor(
    dataDir: string,
    /** Cheaper scrypt for tests; the default (OWASP's) otherwise. */
    private readonly scrypt?: ScryptParams,
  ) {
    this.dir = path.join(dataDir, IDENTITY_DIR);
  }

  /** The member's device, made on first use (a fresh key and device id). */
  async current(): Promise<MemberDevice> {
    if (this.device) return this.device;
    const full = path.join(this.dir, FILE);
    const text = await fs.readFile(full, 'utf8').catch(() => null);
    if (text !== null) {
      // A key file left readable by others (an older build, a copy by hand) is made owner-only.
      await fs.chmod(full, SECRET_FILE_MODE).catch(() => undefined);
      const file = identitySchema.parse(JSON.parse(text));
      this.device = new MemberDevice(
        memberKeyFromSecret(hexToBytes(file.secretKey)),
        file.deviceId,
        file.lastClock,
      );
    } else {
      this.device = new MemberDevice(createMemberKey(), newDeviceId());
      await this.save();
    }
    return this.device;
  }

  /** Persists the key, device id and clock (after every write, so a restart never reuses a clock). */
  save(): Promise<void> {
    const device = this.device;
    if (!device) return Promise.resolve();
    const write = async () => {
      const file: IdentityFile = {
        version: 1,
        keyId: device.key.keyId,
        secretKey: bytesToHex(device.key.secretKey),
        deviceId: device.deviceId,
        lastClock: device.lastClock,
      };
      await writeSecretFile(this.dir, FILE, JSON.stringify(file, null, 2) + '\n');
      await fs.chmod(this.dir, SECRET_DIR_MODE).catch(() => undefined);
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
        ...(this.scrypt ? { scrypt: this.scrypt } : {}),
      });
    } catch (err) {
      throw err instanceof KeyBackupError ? backupError(err) : err;
    }
  }

  /**
   * Makes this computer a device of the member in the backup (a new device id, the backup's key).
   * Refused while groups are joined with another key: they would no longer recognise this computer.
   */
  async importBackup(text: string, passphrase: string, keysInUse: readonly string[]): Promise<MemberDevice> {
    let key;
    try {
      key = await importKeyBackup(text, passphrase, { kdf: nodeScrypt });
    } catch (err) {
      throw err instanceof KeyBackupError ? backupError(err) : err;
    }
    if (keysInUse.some((k) => k !== key.keyId)) throw new LecternError('forbidden', 'errors.identityInUse');
    const current = await this.current();
    if (current.key.keyId === key.keyId) return current;
    this.device = new MemberDevice(key, newDeviceId(), current.lastClock);
    await this.save();
    return this.device;
  }
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
