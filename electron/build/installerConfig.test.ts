// What electron-builder.yml promises each platform's installer, read from the file itself: a signed Mac
// build can record (usage sentences in both languages, hardened runtime with the microphone and camera
// entitlements), Windows installs per user and speaks 简体中文 and English, Linux gets a desktop entry
// in both languages and the deb the libraries Chromium loads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as {
  mac: Record<string, unknown> & { extendInfo: Record<string, string> };
  nsis: Record<string, unknown>;
  linux: { category: string; desktop: { entry: Record<string, string> } };
  deb: { depends: string[] };
};

/** The key = "value" pairs of a macOS .strings file. */
function stringsFile(path: string): Record<string, string> {
  const text = readFileSync(path, 'utf8');
  return Object.fromEntries([...text.matchAll(/^"(\w+)"\s*=\s*"([^"]*)";$/gm)].map((m) => [m[1]!, m[2]!]));
}

const usageKeys = ['NSMicrophoneUsageDescription', 'NSCameraUsageDescription'];

describe('the installers’ configuration', () => {
  it('tells macOS why Lectern wants the microphone and the camera, in English and Chinese', () => {
    const english = stringsFile('resources/mac/en.lproj/InfoPlist.strings');
    const chinese = stringsFile('resources/mac/zh_CN.lproj/InfoPlist.strings');
    for (const key of usageKeys) {
      expect(config.mac.extendInfo[key]).toMatch(/^Lectern records .{20,}/);
      expect(english[key]).toBe(config.mac.extendInfo[key]);
      expect(chinese[key]).toMatch(/^讲台用.+录/);
    }
    expect(config.mac.extraResources).toEqual([
      { from: 'resources/mac', to: '.', filter: ['*.lproj/InfoPlist.strings'] },
    ]);
  });

  it('signs for the hardened runtime with the microphone and camera entitlements', () => {
    expect(config.mac['hardenedRuntime']).toBe(true);
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const plist = readFileSync(config.mac[key] as string, 'utf8');
      for (const entitlement of [
        'com.apple.security.device.audio-input',
        'com.apple.security.device.camera',
        'com.apple.security.cs.allow-jit',
      ])
        expect(plist).toMatch(new RegExp(`<key>${entitlement.replaceAll('.', '\\.')}</key>\\s*<true/>`));
    }
  });

  it('installs on Windows for the one user, asking in 简体中文 or English', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      installerLanguages: ['zh_CN', 'en_US'],
      multiLanguageInstaller: true,
    });
  });

  it('gives Linux a bilingual desktop entry and the deb the libraries Chromium needs', () => {
    expect(config.linux.category).toBe('Education');
    expect(config.linux.desktop.entry).toMatchObject({
      Name: 'Lectern',
      'Name[zh_CN]': '讲台',
      Categories: 'Education;AudioVideo;',
      StartupWMClass: 'Lectern',
    });
    expect(config.linux.desktop.entry['Comment[zh_CN]']).toMatch(/演讲/);
    for (const lib of ['libnss3', 'libgtk-3-0', 'libgbm1', 'libasound2 | libasound2t64'])
      expect(config.deb.depends).toContain(lib);
  });
});
