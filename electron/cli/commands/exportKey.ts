// `export-key`: the member key as a passphrase-protected backup file.
import { promises as fs } from 'node:fs';
import { exportKeyBackup } from '../../../shared/group/keyBackup';
import { nodeScrypt } from '../../services/group/nodeScrypt';
import { passphraseFrom } from '../cliArgs';
import { UsageError, defineCommand } from '../cliCommand';
import { safe } from '../terminalText';

export const exportKey = defineCommand({
  name: 'export-key',
  usage: ['--data <dir> --out <file>              passphrase-protected key backup (LECTERN_PASSPHRASE)'],
  options: { out: { type: 'string' } },
  async run(values, _args, io, { data, dataDir }) {
    const device = await data.device(dataDir());
    if (!values.out) throw new UsageError('--out <file> is required.');
    const backup = await exportKeyBackup(device.key, passphraseFrom(io.env), { kdf: nodeScrypt });
    // Encrypted, but a passphrase can be guessed offline: owner-only, like the key itself.
    await fs.writeFile(values.out, backup, { flag: 'wx', mode: 0o600 });
    io.out(safe`Key backup written to ${values.out}. Keep it and its passphrase safe.`);
    return 0;
  },
});
