// `compact`: merge every demo member's segments (their keys are in the demo's keys directory).
import { defineCommand, UsageError } from '../cliCommand';
import { compactDemo } from '../groupDemo';
import { requireFolder } from '../openGroup';

export const compact = defineCommand({
  name: 'compact',
  usage: ["<folder> --keys <dir>                 compact every demo member's segments"],
  options: { keys: { type: 'string' } },
  async run(values, [folderArg], io, { now }) {
    const folder = await requireFolder(folderArg);
    if (!values.keys) throw new UsageError('compact needs --keys <dir>.');
    io.out(`Compacted into ${await compactDemo(folder, values.keys, now())} segment files.`);
    return 0;
  },
});
