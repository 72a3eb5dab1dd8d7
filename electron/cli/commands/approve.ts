// `approve`: a coach's roster decision on a member (approve, decline, promote or remove).
import { ROSTER_DECISION, rosterDecisions } from '../../../shared/group/groupEvent';
import { isKeyId } from '../../../shared/group/identity';
import { UsageError, defineCommand } from '../cliCommand';
import { linksFor, openGroup, writeEvent } from '../openGroup';

export const approve = defineCommand({
  name: 'approve',
  usage: ['<folder> <member key id> --data <dir> [--decision approve|decline|promote|remove]'],
  options: { decision: { type: 'string' } },
  async run(values, [folder, member], io, context) {
    const group = await openGroup(folder, context);
    if (!member || !isKeyId(member)) throw new UsageError("Give the member's key id (64 hex characters).");
    const decision = values.decision ?? 'approve';
    if (!(rosterDecisions as readonly string[]).includes(decision))
      throw new UsageError(`--decision must be one of ${rosterDecisions.join(', ')}.`);
    const event = group.device.event(
      ROSTER_DECISION,
      { member, decision },
      context.now(),
      linksFor(group, member),
    );
    await writeEvent(group, event, io);
    return 0;
  },
});
