// `init`: this computer's identity in a data folder, new or imported from a key backup.
import { promises as fs } from 'node:fs';
import { importKeyBackup } from '../../../shared/group/keyBackup';
import { nodeScrypt } from '../../services/group/nodeScrypt';
import { passphraseFrom } from '../cliArgs';
import { UsageError, defineCommand } from '../cliCommand';
import { identityProblemText } from '../cliDataFolder';
import { safe } from '../terminalText';

export const init = defineCommand({
  name: 'init',
  usage: ["--data <dir> [--from-backup <file>]   make this computer's identity (or import one)"],
  options: { 'from-backup': { type: 'string' } },
  async run(values, _args, io, { data, dataDir: needData }) {
    const dataDir = needData();
    const identity = await data.open(dataDir);
    const state = await identity.load();
    if (state.status === 'ready') throw new UsageError(`${dataDir} already has an identity.`);
    // A key that could not be read is replaced only by a backup of it (it stays, kept aside).
    if (state.status === 'problem' && (state.problem.reason === 'sealed' || !values['from-backup']))
      throw new UsageError(identityProblemText(dataDir, state.problem));
    // A second computer of the same member gets the same key but its own device id (its own directory).
    const device = values['from-backup']
      ? await identity.useKey(
          await importKeyBackup(await fs.readFile(values['from-backup'], 'utf8'), passphraseFrom(io.env), {
            kdf: nodeScrypt,
          }),
          [],
        )
      : await identity.current();
    io.out(safe`Member key ${device.key.keyId}\nDevice     ${device.deviceId}`);
    return 0;
  },
});
