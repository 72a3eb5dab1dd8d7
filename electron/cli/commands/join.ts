// `join`: ask to join a group, as this data folder's member.
import { JOIN_REQUEST } from '../../../shared/group/groupEvent';
import { charterHash } from '../../../shared/group/roster';
import { UsageError, defineCommand } from '../cliCommand';
import { linksFor, openGroup, writeEvent } from '../openGroup';

export const join = defineCommand({
  name: 'join',
  usage: ['<folder> --data <dir> --name <display name>'],
  options: { name: { type: 'string' } },
  async run(values, [folder], io, context) {
    const group = await openGroup(folder, context);
    const { state } = group.sync.state();
    if (!values.name) throw new UsageError('--name <display name> is required.');
    const event = group.device.event(
      JOIN_REQUEST,
      { displayName: values.name, charterHash: charterHash(state.group!.charter) },
      context.now(),
      linksFor(group),
    );
    await writeEvent(group, event, io);
    return 0;
  },
});
