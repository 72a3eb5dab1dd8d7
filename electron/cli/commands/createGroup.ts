// `create-group`: a new group in a folder, with this data folder's member as its coach.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GENESIS } from '../../../shared/group/groupEvent';
import { writeGenesisFile } from '../../services/groupFolder/segmentWriter';
import { formatOf } from '../cliArgs';
import { UsageError, defineCommand } from '../cliCommand';
import { safe } from '../terminalText';

export const createGroup = defineCommand({
  name: 'create-group',
  usage: [
    '<folder> --data <dir> --name <n> --coach-name <n> [--charter <text>] [--tz <zone>] [--format 1|2]',
  ],
  options: {
    name: { type: 'string' },
    'coach-name': { type: 'string' },
    charter: { type: 'string' },
    tz: { type: 'string' },
    format: { type: 'string' },
  },
  async run(values, [folder], io, { data, dataDir: needData, now }) {
    const dataDir = needData();
    if (!folder) throw new UsageError('Which folder should hold the group?');
    if (!values.name || !values['coach-name']) throw new UsageError('--name and --coach-name are required.');
    await fs.mkdir(folder, { recursive: true });
    if (await fs.stat(path.join(folder, 'group.json')).catch(() => null))
      throw new UsageError(`${folder} already holds a group.`);
    const device = await data.device(dataDir);
    const genesis = device.event(
      GENESIS,
      {
        name: values.name,
        charter: values.charter ?? '',
        timeZone: values.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        creatorKey: device.key.keyId,
        coachName: values['coach-name'],
      },
      now(),
      formatOf(values.format) === 2 ? [] : undefined,
    );
    const groupId = await writeGenesisFile(folder, device.key, device.deviceId, genesis);
    await (await data.open(dataDir)).save();
    io.out(safe`Group ${groupId} created in ${folder}`);
    return 0;
  },
});
