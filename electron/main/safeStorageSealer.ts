// The SecretSealer of the desktop app: Electron's safeStorage (the macOS keychain, Windows' DPAPI,
// the Linux secret service). The only file that seals with electron; the services see the port.
import { safeStorage } from 'electron';
import type { SecretSealer } from '../services/group/secretSealer';

/** Call after app.whenReady(): before it, safeStorage cannot tell whether it protects anything. */
export async function createSafeStorageSealer(): Promise<SecretSealer> {
  const available =
    (await safeStorage.isAsyncEncryptionAvailable().catch(() => false)) &&
    // Linux without a keyring falls back to a fixed password: that protects nothing, so it counts as none.
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  return {
    name: 'safeStorage',
    available,
    // safeStorage seals strings: the secret goes in as hex and comes back out the same way.
    seal: async (secret) =>
      Uint8Array.from(await safeStorage.encryptStringAsync(Buffer.from(secret).toString('hex'))),
    unseal: async (sealed) => {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed));
      if (!/^(?:[0-9a-f]{2})+$/.test(result)) throw new Error('safeStorage returned something else');
      return Uint8Array.from(Buffer.from(result, 'hex'));
    },
  };
}
