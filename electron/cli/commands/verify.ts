// `verify`: check every file of the folder, blobs included; exit 1 if any is quarantined. Conflict
// copies a sync tool left are named (read as usual, so no failure): the coach should hear of them.
import { defineCommand } from '../cliCommand';
import { readFolder, requireFolder } from '../openGroup';
import { jsonOut, safe } from '../terminalText';

export const verify = defineCommand({
  name: 'verify',
  usage: ['<folder> [--json]                     check every file; exit 1 if any is quarantined'],
  options: { json: { type: 'boolean' } },
  async run(values, [folder], io, { now }) {
    const { sync, report } = await readFolder(await requireFolder(folder), now, true);
    const { state } = sync.state();
    const result = {
      files: report.files,
      events: sync.allEvents().length,
      members: Object.values(state.members).filter((m) => m.status === 'member').length,
      quarantined: report.quarantined,
      setAside: sync.setAside(),
      anomalies: report.anomalies,
    };
    if (values.json) io.out(jsonOut(result));
    else {
      io.out(`${result.files} files, ${result.events} events, ${result.members} members.`);
      for (const q of result.quarantined) io.out(safe`quarantined: ${q.path} — ${q.reason}`);
      for (const a of result.setAside)
        io.out(safe`set aside: ${a.kind} ${a.id} by ${a.author} — ${a.reason}`);
      for (const a of result.anomalies) io.out(safe`conflict copy: ${a.path} — a copy of ${a.original}`);
      if (result.anomalies.length > 0)
        io.out(
          'A conflict copy means two computers wrote the same file (one device on two computers?) or someone edited it by hand.',
        );
      io.out(
        result.quarantined.length === 0
          ? 'All files verified.'
          : `${result.quarantined.length} file(s) quarantined.`,
      );
    }
    return result.quarantined.length === 0 ? 0 : 1;
  },
});
