// The port that keeps a secret sealed at rest by the operating system (the desktop app passes
// Electron's safeStorage: the keychain on macOS, DPAPI on Windows, the secret service on Linux).
// The web host and the CLI have none: there the key is written plainly, readable by its owner alone.

export interface SecretSealer {
  /** Recorded in a sealed file, so a reader knows which sealer can open it. */
  readonly name: 'safeStorage';
  /** False where the OS offers no real protection (no keychain, Linux's plain-text fallback). */
  readonly available: boolean;
  seal(secret: Uint8Array): Promise<Uint8Array>;
  /** Throws when these bytes cannot be opened here (another computer, another OS account, a locked keychain). */
  unseal(sealed: Uint8Array): Promise<Uint8Array>;
}
