// `state`: fold the folder from scratch, as no member in particular, and print the state.
import { defineCommand } from '../cliCommand';
import { readFolder, requireFolder } from '../openGroup';
import { printState } from '../printState';

export const state = defineCommand({
  name: 'state',
  usage: ['<folder> [--json]                     fold the folder from scratch'],
  options: { json: { type: 'boolean' } },
  async run(values, [folder], io, { now }) {
    const { sync, report } = await readFolder(await requireFolder(folder), now);
    printState(io, sync, report, !!values.json);
    return 0;
  },
});
