// electron-builder's afterPack hook: flips the packaged Electron binary's fuses before it is signed, so
// the installed app cannot be turned into a plain Node runtime or told to load other code. Plain
// JavaScript because electron-builder loads hooks with Node, without a TypeScript step.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The fuses for one packaged binary (https://www.electronjs.org/docs/latest/tutorial/fuses).
 * @param {string} platform electron-builder's electronPlatformName: darwin, mas, win32 or linux
 * @param {number} arch electron-builder's Arch (3 = arm64, 4 = universal)
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function lecternFuses(platform, arch) {
  const mac = platform === 'darwin' || platform === 'mas';
  return {
    version: FuseVersion.V1,
    // Flipping a fuse breaks the ad-hoc signature an Apple-silicon binary needs to start at all.
    resetAdHocDarwinSignature: mac && (arch === 3 || arch === 4),
    // ELECTRON_RUN_AS_NODE would make the app's binary a Node interpreter for any script.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS could preload any code into main.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect would hand main (keys, files) to a debugger.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar is checked against the hash electron-builder embeds (macOS, Windows).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // ...and only app.asar is loaded, never a loose app/ folder put beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Cookies (and the web storage keyed with them) encrypted with the OS's key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // The app is served over app://, never file://: file pages get no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/**
 * @param {{ electronPlatformName: string, arch: number, packager: { addElectronFuses(context: unknown, fuses: import('@electron/fuses').FuseV1Config): Promise<unknown> } }} context
 */
export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, lecternFuses(context.electronPlatformName, context.arch));
}
