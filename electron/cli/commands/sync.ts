// `sync`: publish this device's outbox, read what changed in the folder, print the state.
import { defineCommand } from '../cliCommand';
import { openGroup } from '../openGroup';
import { printState } from '../printState';

export const sync = defineCommand({
  name: 'sync',
  usage: ["<folder> --data <dir> [--json]        publish this device's outbox, read the folder"],
  options: { json: { type: 'boolean' } },
  async run(values, [folder], io, context) {
    const group = await openGroup(folder, context);
    const published = await group.outbox.publish();
    const report = await group.sync.sync();
    await group.sync.cacheWritten();
    printState(io, group.sync, report, !!values.json, published.status === 'ok' ? published.problems : []);
    return 0;
  },
});
