// Types for afterPack.mjs (electron-builder loads the hook as plain JavaScript; the tests use these).
import type { FuseV1Config } from '@electron/fuses';

export interface AfterPackContext {
  electronPlatformName: string;
  arch: number;
  packager: { addElectronFuses(context: unknown, fuses: FuseV1Config): Promise<unknown> };
}

export function lecternFuses(platform: string, arch: number): FuseV1Config;
export default function afterPack(context: AfterPackContext): Promise<void>;
