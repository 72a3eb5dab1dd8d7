// The build hook's fuses, read from the object it hands electron-builder: no Electron binary needed.
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import afterPack, { lecternFuses } from './afterPack.mjs';

async function fusesPassedFor(platform: string, arch: number) {
  const addElectronFuses = vi.fn(async () => undefined);
  const context = {
    electronPlatformName: platform,
    arch,
    appOutDir: '/dist/x',
    packager: { addElectronFuses },
  };
  await afterPack(context);
  expect(addElectronFuses).toHaveBeenCalledTimes(1);
  const [passedContext, fuses] = addElectronFuses.mock.calls[0] as unknown as [
    unknown,
    Record<string, unknown>,
  ];
  expect(passedContext).toBe(context);
  return fuses;
}

describe('the afterPack hook', () => {
  it.each(['linux', 'win32', 'darwin'])('locks down the %s binary', async (platform) => {
    const fuses = await fusesPassedFor(platform, 1);
    expect(fuses['version']).toBe(FuseVersion.V1);
    expect({
      RunAsNode: fuses[FuseV1Options.RunAsNode],
      EnableNodeOptionsEnvironmentVariable: fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      EnableNodeCliInspectArguments: fuses[FuseV1Options.EnableNodeCliInspectArguments],
      EnableEmbeddedAsarIntegrityValidation: fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      OnlyLoadAppFromAsar: fuses[FuseV1Options.OnlyLoadAppFromAsar],
      EnableCookieEncryption: fuses[FuseV1Options.EnableCookieEncryption],
      GrantFileProtocolExtraPrivileges: fuses[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('re-signs ad hoc only for Apple silicon and universal Mac builds', () => {
    expect(lecternFuses('darwin', 3).resetAdHocDarwinSignature).toBe(true);
    expect(lecternFuses('darwin', 4).resetAdHocDarwinSignature).toBe(true);
    expect(lecternFuses('mas', 3).resetAdHocDarwinSignature).toBe(true);
    expect(lecternFuses('darwin', 1).resetAdHocDarwinSignature).toBe(false);
    expect(lecternFuses('win32', 3).resetAdHocDarwinSignature).toBe(false);
  });

  it('is wired into electron-builder.yml, and the app is packed into an asar', () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
    expect(config['afterPack']).toBe('./electron/build/afterPack.mjs');
    // OnlyLoadAppFromAsar needs an asar; electron-builder makes one unless told not to.
    expect(config['asar']).not.toBe(false);
    // Flipping twice (electron-builder's own electronFuses too) would hide which setting wins.
    expect(config['electronFuses']).toBeUndefined();
  });
});
