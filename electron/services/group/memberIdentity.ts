// This computer's member identity: the Ed25519 key (kept under the data dir's `identity/`, never in
// a group folder), this installation's device id and its clock, and the passphrase backup.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { LecternError } from '../../../shared/api/errors';
import { createMemberKey, memberKeyFromSecret } from '../../../shared/group/identity';
import { KeyBackupError, exportKeyBackup, importKeyBackup } from '../../../shared/group/keyBackup';
import type { ScryptParams } from '../../../shared/group/keyBackup';
import { MemberDevice, newDeviceId } from '../../../shared/group/memberDevice';
import { writeFileAtomic } from '../groupFolder/atomicWrite';

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
    const text = await fs.readFile(path.join(this.dir, FILE), 'utf8').catch(() => null);
    if (text !== null) {
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
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      const full = await writeFileAtomic(this.dir, FILE, JSON.stringify(file, null, 2) + '\n', {
        overwrite: true,
      });
      await fs.chmod(full, 0o600).catch(() => undefined); // the secret key: owner only (where the OS has modes)
    };
    const next = this.saving.then(write, write);
    this.saving = next.catch(() => undefined);
    return next;
  }

  async exportBackup(passphrase: string): Promise<string> {
    const device = await this.current();
    return exportKeyBackup(device.key, passphrase, this.scrypt ? { scrypt: this.scrypt } : {});
  }

  /**
   * Makes this computer a device of the member in the backup (a new device id, the backup's key).
   * Refused while groups are joined with another key: they would no longer recognise this computer.
   */
  async importBackup(text: string, passphrase: string, keysInUse: readonly string[]): Promise<MemberDevice> {
    let key;
    try {
      key = importKeyBackup(text, passphrase);
    } catch (err) {
      if (!(err instanceof KeyBackupError)) throw err;
      throw new LecternError(
        'invalid_input',
        err.reason === 'wrong-passphrase' ? 'errors.keyBackupPassphrase' : 'errors.keyBackupMalformed',
        { reason: err.reason },
      );
    }
    if (keysInUse.some((k) => k !== key.keyId)) throw new LecternError('forbidden', 'errors.identityInUse');
    const current = await this.current();
    if (current.key.keyId === key.keyId) return current;
    this.device = new MemberDevice(key, newDeviceId(), current.lastClock);
    await this.save();
    return this.device;
  }
}
