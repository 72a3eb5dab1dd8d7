// `demo`: a realistic group written into a folder, or more events as one demo member from one device.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { count, formatOf } from '../cliArgs';
import { UsageError, defineCommand } from '../cliCommand';
import { appendDemoEvents, compactDemo, createDemoGroup } from '../groupDemo';
import { requireFolder } from '../openGroup';
import { safe } from '../terminalText';

export const demo = defineCommand({
  name: 'demo',
  usage: [
    '<folder> --keys <dir> --members N --weeks W [--seed S] [--compact] [--format 1|2]',
    '                                      a realistic group; private keys go to <dir>',
    '<folder> --keys <dir> --as <member number> --device <name> --events K',
    '                                      K more events as that member from that device',
  ],
  options: {
    keys: { type: 'string' },
    members: { type: 'string' },
    weeks: { type: 'string' },
    seed: { type: 'string' },
    compact: { type: 'boolean' },
    format: { type: 'string' },
    as: { type: 'string' },
    device: { type: 'string' },
    events: { type: 'string' },
  },
  async run(values, [folder], io, { now }) {
    if (!folder || !values.keys) throw new UsageError('demo needs <folder> and --keys <dir>.');
    if (values.as !== undefined) {
      await requireFolder(folder);
      const result = await appendDemoEvents({
        folder,
        keysDir: values.keys,
        member: count(values.as, '--as', 0),
        device: values.device ?? 'laptop',
        events: count(values.events ?? '1', '--events', 1),
        now: now(),
      });
      io.out(safe`Wrote ${result.written} events to ${result.segment}`);
      return 0;
    }
    if (await fs.stat(path.join(folder, 'group.json')).catch(() => null))
      throw new UsageError(`${folder} already holds a group.`);
    const result = await createDemoGroup({
      folder,
      keysDir: values.keys,
      members: count(values.members ?? '5', '--members', 1),
      weeks: count(values.weeks ?? '4', '--weeks', 0),
      seed: values.seed ?? 'lectern',
      now: now(),
      format: formatOf(values.format),
    });
    if (values.compact) await compactDemo(folder, values.keys, now());
    io.out(
      `Group ${result.groupId}: ${result.events} events in ${result.files} files${values.compact ? ' (before compaction)' : ''}.`,
    );
    return 0;
  },
});
