// identity/member-key.json, the member's key on this computer. Version 1 holds the secret key as hex
// in a file only its owner may read; version 2 holds it sealed by the OS (SecretSealer) and is
// written wherever a sealer is available. Both carry the device id, its clock, which installation the
// device id belongs to (copiedDataFolder.ts) and a notice the member has not read yet.
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { memberKeyFromSecret } from '../../../shared/group/identity';
import type { MemberKey } from '../../../shared/group/identity';
import { Installation } from './copiedDataFolder';
import type { SecretSealer } from './secretSealer';

const DeviceId = z.string().regex(/^[0-9a-f]{16}$/);

/** This copy of the data folder was given a new device id (it had been copied or moved). */
export const DeviceRenewed = z.object({ previousDeviceId: DeviceId, at: z.string() });
export type DeviceRenewed = z.infer<typeof DeviceRenewed>;

const common = {
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  deviceId: DeviceId,
  lastClock: z.string().optional(),
  installation: Installation.optional(),
  renewed: DeviceRenewed.optional(),
};

export const keyFileSchema = z.discriminatedUnion('version', [
  z.object({ version: z.literal(1), secretKey: z.string().regex(/^[0-9a-f]{64}$/), ...common }),
  z.object({
    version: z.literal(2),
    sealed: z.literal('safeStorage'),
    /** The 32-byte secret key as the sealer returned it, base64. */
    sealedKey: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
    ...common,
  }),
]);
export type KeyFile = z.infer<typeof keyFileSchema>;
/** Everything in the file but the key itself. */
export type KeyFileFields = Omit<KeyFile, 'version' | 'secretKey' | 'sealed' | 'sealedKey'>;

export type OpenedKeyFile =
  | { ok: true; file: KeyFile; key: MemberKey }
  /** `sealed`: a sound sealed file this process cannot open (no sealer here, or it refuses). */
  | { ok: false; reason: 'unreadable' | 'sealed' };

/** Reads a key file's text. Never throws: a damaged file is `unreadable`, never a crash. */
export async function openKeyFile(text: string, sealer?: SecretSealer): Promise<OpenedKeyFile> {
  let file: KeyFile;
  try {
    const parsed = keyFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return { ok: false, reason: 'unreadable' };
    file = parsed.data;
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  let secret: Uint8Array;
  if (file.version === 1) secret = hexToBytes(file.secretKey);
  else {
    if (!sealer?.available || sealer.name !== file.sealed) return { ok: false, reason: 'sealed' };
    try {
      secret = await sealer.unseal(Uint8Array.from(Buffer.from(file.sealedKey, 'base64')));
    } catch {
      return { ok: false, reason: 'sealed' };
    }
  }
  if (secret.length !== 32) return { ok: false, reason: 'unreadable' };
  const key = memberKeyFromSecret(secret);
  // The key id says which key this is: bytes that make another key are damage, not this member's key.
  return key.keyId === file.keyId ? { ok: true, file, key } : { ok: false, reason: 'unreadable' };
}

/**
 * The file's text: sealed where a sealer is available, else version 1 as before. A sealer that
 * fails leaves the key written plainly (owner-only) rather than not written at all.
 */
export async function keyFileText(
  fields: KeyFileFields,
  key: MemberKey,
  sealer?: SecretSealer,
): Promise<{ text: string; sealed: boolean }> {
  let file: KeyFile | undefined;
  if (sealer?.available) {
    try {
      const sealedKey = Buffer.from(await sealer.seal(key.secretKey)).toString('base64');
      file = { version: 2, sealed: sealer.name, sealedKey, ...fields, keyId: key.keyId };
    } catch (error) {
      console.error('[lectern] sealing the member key failed; it is kept owner-only instead:', error);
    }
  }
  file ??= { version: 1, secretKey: bytesToHex(key.secretKey), ...fields, keyId: key.keyId };
  return { text: JSON.stringify(file, null, 2) + '\n', sealed: file.version === 2 };
}
