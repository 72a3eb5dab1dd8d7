// `append`: a profile update (bio, display name) by this data folder's member.
import { PROFILE_UPDATE } from '../../../shared/group/groupEvent';
import { UsageError, defineCommand } from '../cliCommand';
import { linksFor, openGroup, writeEvent } from '../openGroup';

export const append = defineCommand({
  name: 'append',
  usage: ['<folder> --data <dir> [--bio <text>] [--name <display name>]   a profile update'],
  options: { bio: { type: 'string' }, name: { type: 'string' } },
  async run(values, [folder], io, context) {
    const group = await openGroup(folder, context);
    if (values.bio === undefined && values.name === undefined)
      throw new UsageError('Give --bio and/or --name.');
    const event = group.device.event(
      PROFILE_UPDATE,
      {
        ...(values.bio !== undefined ? { bio: values.bio } : {}),
        ...(values.name !== undefined ? { displayName: values.name } : {}),
      },
      context.now(),
      linksFor(group),
    );
    await writeEvent(group, event, io);
    return 0;
  },
});
