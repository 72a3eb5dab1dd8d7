// What `state` and `sync` print: the roster, the counts and the state hash, as a table or as JSON.
import { profilesOf } from '../../shared/group/profiles';
import { recordingsOf } from '../../shared/group/recordings';
import { rulesStateOf } from '../../shared/rules/rulesState';
import type { GroupSync, SyncReport } from '../services/groupFolder/groupSync';
import type { PublishProblem } from '../services/groupFolder/outbox';
import type { CliIo } from './cliCommand';
import { jsonOut, safe } from './terminalText';

/** `publishProblems`: files in this device's own folder directory that are not its own segments. */
export function printState(
  io: CliIo,
  sync: GroupSync,
  report: SyncReport,
  json: boolean,
  publishProblems?: PublishProblem[],
) {
  const { state, hash } = sync.state();
  const members = Object.values(state.members).sort((a, b) => (a.keyId < b.keyId ? -1 : 1));
  const profiles = profilesOf(state);
  const recordings = Object.keys(recordingsOf(state)).length;
  const rules = rulesStateOf(state);
  const assignments = Object.keys(rules.assignments).length;
  // A submission is one member's check-in(s) for one occurrence (replacements count once).
  const submissions = Object.values(rules.checkIns).reduce(
    (n, byMember) => n + Object.keys(byMember).length,
    0,
  );
  if (json) {
    const counted = members.filter((m) => m.status === 'member').length;
    io.out(
      jsonOut({
        group: state.group?.id ?? null,
        hash,
        counts: {
          members: counted,
          events: sync.allEvents().length,
          recordings,
          assignments,
          submissions,
        },
        members: members.map((m) => ({
          keyId: m.keyId,
          name: profiles[m.keyId]?.displayName ?? m.displayName,
          role: m.role,
          status: m.status,
        })),
        quarantined: report.quarantined,
        ...(publishProblems ? { publishProblems } : {}),
      }),
    );
    return;
  }
  io.out(safe`Group: ${state.group?.name ?? '(none)'}  ${state.group?.id ?? ''}`);
  for (const m of members) {
    io.out(
      safe`  ${m.status.padEnd(9)} ${m.role.padEnd(6)} ${m.keyId.slice(0, 16)}…  ${profiles[m.keyId]?.displayName ?? m.displayName}`,
    );
  }
  io.out(
    `Recordings: ${recordings}   Assignments: ${assignments}   Submissions: ${submissions}   Events: ${sync.allEvents().length}`,
  );
  for (const q of report.quarantined) io.out(safe`  quarantined: ${q.path} — ${q.reason}`);
  for (const p of publishProblems ?? []) io.out(safe`  in this device's directory: ${p.path} — ${p.reason}`);
  io.out(safe`State hash: ${hash}`);
}
