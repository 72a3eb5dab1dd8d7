// The CLI's secret files: the member key (the app's identity/member-key.json), key backups and the
// demo's member keys are written for their owner alone (0600), and a backup round-trips through
// Node's scrypt.
import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWithEnv, tempDirPerTest } from './cliTestKit';

const POSIX = process.platform !== 'win32';
const env = { LECTERN_PASSPHRASE: 'correct horse battery' };

const tempDir = tempDirPerTest('lectern-keys-');

const cli = (...argv: string[]) => cliWithEnv(env, ...argv);

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('lectern-group key files', () => {
  it('exports a backup and imports it on a second computer, through the async scrypt', async () => {
    const [laptop, phone] = [path.join(tempDir(), 'laptop'), path.join(tempDir(), 'phone')];
    const backup = path.join(tempDir(), 'key-backup.json');
    expect((await cli('init', '--data', laptop)).code).toBe(0);
    expect((await cli('export-key', '--data', laptop, '--out', backup)).code).toBe(0);
    expect(JSON.parse(await readFile(backup, 'utf8')).kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    expect((await cli('init', '--data', phone, '--from-backup', backup)).code).toBe(0);
    const keyOf = async (d: string) =>
      JSON.parse(await readFile(path.join(d, 'identity', 'member-key.json'), 'utf8'));
    expect((await keyOf(phone)).keyId).toBe((await keyOf(laptop)).keyId);
    expect((await keyOf(phone)).deviceId).not.toBe((await keyOf(laptop)).deviceId);
  });

  it('says why a backup is refused, in one line', async () => {
    const backup = path.join(tempDir(), 'key-backup.json');
    await cli('init', '--data', path.join(tempDir(), 'a'));
    await cli('export-key', '--data', path.join(tempDir(), 'a'), '--out', backup);
    // N = 2^20: a raw "memory limit exceeded" before; now refused by the format, before any KDF.
    await writeFile(backup, (await readFile(backup, 'utf8')).replace('"N": 131072', '"N": 1048576'));
    expect(await cli('init', '--data', path.join(tempDir(), 'b'), '--from-backup', backup)).toEqual({
      code: 2,
      out: 'lectern-group: key backup: malformed',
    });
  });

  it.skipIf(!POSIX)(
    'writes the member key, key backups and demo keys 0600, and tightens an older key file',
    async () => {
      const data = path.join(tempDir(), 'data');
      await cli('init', '--data', data);
      const identity = path.join(data, 'identity', 'member-key.json');
      expect(await mode(identity)).toBe(0o600);
      const backup = path.join(tempDir(), 'backup.json');
      await cli('export-key', '--data', data, '--out', backup);
      expect(await mode(backup)).toBe(0o600);

      await chmod(identity, 0o644);
      const folder = path.join(tempDir(), 'folder');
      expect(
        (await cli('create-group', folder, '--data', data, '--name', 'G', '--coach-name', 'C')).code,
      ).toBe(0);
      expect(await mode(identity)).toBe(0o600);

      const keys = path.join(tempDir(), 'demo-keys');
      await cli('demo', path.join(tempDir(), 'demo'), '--keys', keys, '--members', '2', '--weeks', '0');
      expect(await mode(keys)).toBe(0o700);
      const files = await readdir(keys);
      // Beside the keys, each demo device's outbox (the local copy of its segments, as in the app).
      expect(files.sort()).toEqual(['member-0.json', 'member-1.json', 'member-2.json', 'outboxes']);
      for (const f of files.filter((name) => name.endsWith('.json')))
        expect(await mode(path.join(keys, f)), f).toBe(0o600);
    },
  );
});
