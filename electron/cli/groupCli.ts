// The commands of lectern-group, runnable in-process (tests) or from the entry script.
// Exit codes: 0 fine, 1 verify found quarantined files, 2 bad arguments / missing folder / not a group.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  GENESIS,
  JOIN_REQUEST,
  PROFILE_UPDATE,
  ROSTER_DECISION,
  rosterDecisions,
} from '../../shared/group/groupEvent';
import type { GroupEvent } from '../../shared/group/groupEvent';
import { isKeyId } from '../../shared/group/identity';
import { exportKeyBackup, importKeyBackup } from '../../shared/group/keyBackup';
import { appRegistry } from '../../shared/group/appRegistry';
import { profilesOf } from '../../shared/group/profiles';
import { recordingsOf } from '../../shared/group/recordings';
import { charterHash } from '../../shared/group/roster';
import { critiquesGiven } from '../../shared/critique/critiquesGiven';
import { rulesStateOf } from '../../shared/rules/rulesState';
import { computeStandings } from '../../shared/rules/standings';
import type { Standings } from '../../shared/rules/standings';
import { standingsCsv } from '../../shared/rules/standingsCsv';
import { readGroupId } from '../services/groupFolder/genesisFile';
import { GroupSync } from '../services/groupFolder/groupSync';
import type { SyncReport } from '../services/groupFolder/groupSync';
import { Outbox } from '../services/groupFolder/outbox';
import type { PublishProblem } from '../services/groupFolder/outbox';
import { writeGenesisFile } from '../services/groupFolder/segmentWriter';
import { appendDemoEvents, compactDemo, createDemoGroup } from './groupDemo';
import { safe, terminalJson, terminalLines } from './terminalText';
import { nodeScrypt } from '../services/group/nodeScrypt';
import { CliDataFolder, identityProblemText } from './cliDataFolder';

const USAGE = `lectern-group <command> [options]

  init          --data <dir> [--from-backup <file>]   make this computer's identity (or import one)
  export-key    --data <dir> --out <file>              passphrase-protected key backup (LECTERN_PASSPHRASE)
  create-group  <folder> --data <dir> --name <n> --coach-name <n> [--charter <text>] [--tz <zone>] [--format 1|2]
  join          <folder> --data <dir> --name <display name>
  approve       <folder> <member key id> --data <dir> [--decision approve|decline|promote|remove]
  append        <folder> --data <dir> [--bio <text>] [--name <display name>]   a profile update
  sync          <folder> --data <dir> [--json]        publish this device's outbox, read the folder
  state         <folder> [--json]                     fold the folder from scratch
  standings     <folder> [--json|--csv] [--as-of <iso>] [--out <file>]
                                                      points, streaks, misses and status (CSV: UTF-8 with BOM)
  verify        <folder> [--json]                     check every file; exit 1 if any is quarantined
  demo          <folder> --keys <dir> --members N --weeks W [--seed S] [--compact] [--format 1|2]
                                                      a realistic group; private keys go to <dir>
  demo          <folder> --keys <dir> --as <member number> --device <name> --events K
                                                      K more events as that member from that device
  compact       <folder> --keys <dir>                 compact every demo member's segments

  --data <dir>    a Lectern data folder: the app's (Settings shows it) or the web host's --data-dir acts
                  as the same member and device; not while the app or web host has it open
  --clock <iso>   any command: act as a device whose wall clock reads that instant
                  (e.g. 2030-01-01T00:00:00Z): it dates the events written, and judges clocks`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function groupDataDir(dataDir: string, groupId: string): string {
  return path.join(dataDir, 'groups', groupId);
}

async function requireFolder(folder: string | undefined): Promise<string> {
  if (!folder) throw new UsageError('Which group folder? Give its path.');
  const stats = await fs.stat(folder).catch(() => null);
  if (!stats?.isDirectory())
    throw new UsageError(`The group folder ${folder} does not exist (unplugged or offline?).`);
  return folder;
}

/** Syncs the folder into this member's local cache and returns the engine, ready to write. */
async function openGroup(folder: string, dataDir: string, data: CliDataFolder, now: () => number) {
  await requireFolder(folder);
  const first = await readGroupId(folder);
  if (first.status !== 'ok' || !first.groupId) throw new UsageError(first.message);
  const device = await data.device(dataDir);
  const identity = await data.open(dataDir);
  const gDir = groupDataDir(dataDir, first.groupId);
  const sync = new GroupSync({ folder, dataDir: gDir, registry: appRegistry, now });
  const report = await sync.sync();
  // Our next events must sort after everything members wrote (a stranger's clock moves nothing).
  const { members } = sync.state().state;
  const latest = sync.allEvents().findLast((e) => members[e.author]?.status === 'member');
  if (latest) device.observe(latest.hlc, now());
  const outbox = new Outbox({
    dataDir: gDir,
    folder,
    key: device.key,
    group: first.groupId,
    device: device.deviceId,
    now,
  });
  return { sync, report, device, identity, outbox, groupId: first.groupId };
}

/**
 * What a new event links to in a format-2 group (undefined in format 1): the heads this device has
 * seen, and `also` (a roster decision's target's latest event), as the app links them.
 */
function linksFor(group: Awaited<ReturnType<typeof openGroup>>, also?: string): GroupEvent[] | undefined {
  const heads = group.sync.heads(group.device.key.keyId);
  if (!heads) return undefined;
  const target = also ? group.sync.allEvents().findLast((e) => e.author === also) : undefined;
  return target?.prev !== undefined ? [...heads, target] : heads;
}

async function writeEvents(group: Awaited<ReturnType<typeof openGroup>>, events: GroupEvent[]) {
  await group.outbox.append(events);
  const published = await group.outbox.publish();
  await group.identity.save(); // the clock, so that the next command never reuses it
  await group.sync.sync();
  return published;
}

/** `publishProblems`: files in this device's own folder directory that are not its own segments. */
function printState(
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

export interface CliIo {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** Runs one command; returns the exit code. Throws nothing: errors print one line and give 2. */
export async function runGroupCli(
  argv: string[],
  io: CliIo = { out: (l) => console.log(l), env: process.env },
): Promise<number> {
  // The commands that work in a data folder lock it (and so wait for nobody: the app or the web host
  // holding it is an error naming them); the lock goes when the command ends, however it ends.
  const data = new CliDataFolder();
  try {
    return await run(argv, io, data);
  } catch (err) {
    // Bad arguments, a missing folder, a wrong passphrase: one clear line, exit 2, no stack trace.
    // The message may quote the folder (a reason, a name): printed with its controls made visible.
    io.out(`lectern-group: ${terminalLines(err instanceof Error ? err.message : String(err))}`);
    return 2;
  } finally {
    await data.close();
  }
}

async function run(argv: string[], io: CliIo, data: CliDataFolder): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      name: { type: 'string' },
      'coach-name': { type: 'string' },
      charter: { type: 'string' },
      tz: { type: 'string' },
      bio: { type: 'string' },
      decision: { type: 'string' },
      out: { type: 'string' },
      'from-backup': { type: 'string' },
      json: { type: 'boolean' },
      keys: { type: 'string' },
      members: { type: 'string' },
      weeks: { type: 'string' },
      seed: { type: 'string' },
      as: { type: 'string' },
      device: { type: 'string' },
      events: { type: 'string' },
      compact: { type: 'boolean' },
      csv: { type: 'boolean' },
      'as-of': { type: 'string' },
      clock: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (!command || values.help) {
    io.out(USAGE);
    return command || values.help ? 0 : 2;
  }
  // The wall clock of this command: the real one, or the one --clock sets.
  const clock = values.clock === undefined ? undefined : parseInstant(values.clock, '--clock');
  const now = () => clock ?? Date.now();
  const needData = () => {
    if (!values.data)
      throw new UsageError("--data <dir> is required (this computer's Lectern data directory).");
    return values.data;
  };

  switch (command) {
    case 'init': {
      const dataDir = needData();
      const identity = await data.open(dataDir);
      const state = await identity.load();
      if (state.status === 'ready') throw new UsageError(`${dataDir} already has an identity.`);
      // A key that could not be read is replaced only by a backup of it (it stays, kept aside).
      if (state.status === 'problem' && (state.problem.reason === 'sealed' || !values['from-backup']))
        throw new UsageError(identityProblemText(dataDir, state.problem));
      // A second computer of the same member gets the same key but its own device id (its own directory).
      const device = values['from-backup']
        ? await identity.useKey(
            await importKeyBackup(await fs.readFile(values['from-backup'], 'utf8'), passphraseFrom(io.env), {
              kdf: nodeScrypt,
            }),
            [],
          )
        : await identity.current();
      io.out(safe`Member key ${device.key.keyId}\nDevice     ${device.deviceId}`);
      return 0;
    }
    case 'export-key': {
      const device = await data.device(needData());
      if (!values.out) throw new UsageError('--out <file> is required.');
      const backup = await exportKeyBackup(device.key, passphraseFrom(io.env), { kdf: nodeScrypt });
      // Encrypted, but a passphrase can be guessed offline: owner-only, like the key itself.
      await fs.writeFile(values.out, backup, { flag: 'wx', mode: 0o600 });
      io.out(safe`Key backup written to ${values.out}. Keep it and its passphrase safe.`);
      return 0;
    }
    case 'create-group': {
      const dataDir = needData();
      const folder = args[0];
      if (!folder) throw new UsageError('Which folder should hold the group?');
      if (!values.name || !values['coach-name'])
        throw new UsageError('--name and --coach-name are required.');
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
    }
    case 'join':
    case 'approve':
    case 'append': {
      const dataDir = needData();
      const group = await openGroup(args[0] ?? '', dataDir, data, now);
      const { state } = group.sync.state();
      let event: GroupEvent;
      if (command === 'join') {
        if (!values.name) throw new UsageError('--name <display name> is required.');
        event = group.device.event(
          JOIN_REQUEST,
          { displayName: values.name, charterHash: charterHash(state.group!.charter) },
          now(),
          linksFor(group),
        );
      } else if (command === 'approve') {
        const member = args[1];
        if (!member || !isKeyId(member))
          throw new UsageError("Give the member's key id (64 hex characters).");
        const decision = values.decision ?? 'approve';
        if (!(rosterDecisions as readonly string[]).includes(decision))
          throw new UsageError(`--decision must be one of ${rosterDecisions.join(', ')}.`);
        event = group.device.event(ROSTER_DECISION, { member, decision }, now(), linksFor(group, member));
      } else {
        if (values.bio === undefined && values.name === undefined)
          throw new UsageError('Give --bio and/or --name.');
        event = group.device.event(
          PROFILE_UPDATE,
          {
            ...(values.bio !== undefined ? { bio: values.bio } : {}),
            ...(values.name !== undefined ? { displayName: values.name } : {}),
          },
          now(),
          linksFor(group),
        );
      }
      const published = await writeEvents(group, [event]);
      io.out(
        safe`Wrote ${event.kind} ${event.id}` +
          (published.status === 'ok' ? '' : ' (folder missing: kept in the outbox)'),
      );
      for (const p of published.status === 'ok' ? published.problems : [])
        io.out(safe`  in this device's directory: ${p.path} — ${p.reason}`);
      return 0;
    }
    case 'sync': {
      const dataDir = needData();
      const group = await openGroup(args[0] ?? '', dataDir, data, now);
      const published = await group.outbox.publish();
      const report = await group.sync.sync();
      printState(io, group.sync, report, !!values.json, published.status === 'ok' ? published.problems : []);
      return 0;
    }
    case 'state':
    case 'verify': {
      const folder = await requireFolder(args[0]);
      const sync = new GroupSync({ folder, verifyBlobs: command === 'verify', registry: appRegistry, now });
      const report = await sync.sync();
      if (report.status !== 'ok') throw new UsageError(report.message);
      if (command === 'state') {
        printState(io, sync, report, !!values.json);
        return 0;
      }
      const { state } = sync.state();
      const result = {
        files: report.files,
        events: sync.allEvents().length,
        members: Object.values(state.members).filter((m) => m.status === 'member').length,
        quarantined: report.quarantined,
        setAside: sync.setAside(),
      };
      if (values.json) io.out(jsonOut(result));
      else {
        io.out(`${result.files} files, ${result.events} events, ${result.members} members.`);
        for (const q of result.quarantined) io.out(safe`quarantined: ${q.path} — ${q.reason}`);
        for (const a of result.setAside)
          io.out(safe`set aside: ${a.kind} ${a.id} by ${a.author} — ${a.reason}`);
        io.out(
          result.quarantined.length === 0
            ? 'All files verified.'
            : `${result.quarantined.length} file(s) quarantined.`,
        );
      }
      return result.quarantined.length === 0 ? 0 : 1;
    }
    case 'standings': {
      const folder = await requireFolder(args[0]);
      if (values.json && values.csv) throw new UsageError('Choose one of --json and --csv.');
      const asOf = values['as-of'] === undefined ? now() : parseInstant(values['as-of'], '--as-of');
      const sync = new GroupSync({ folder, registry: appRegistry, now });
      const report = await sync.sync();
      if (report.status !== 'ok') throw new UsageError(report.message);
      const { state } = sync.state();
      const standings = computeStandings(state, critiquesGiven(state), asOf);
      const text = values.csv
        ? standingsCsv(standings)
        : values.json
          ? JSON.stringify(
              { group: state.group?.id ?? null, ...standings, asOf: new Date(asOf).toISOString() },
              null,
              2,
            ) + '\n'
          : standingsTable(standings);
      if (values.out) {
        await fs.writeFile(values.out, text, { flag: 'wx' });
        io.out(safe`Standings of ${standings.members.length} members written to ${values.out}.`);
      } else {
        // The table escapes as it is built; JSON and CSV, data formats, only when shown.
        const shown = values.json ? terminalJson(text) : values.csv ? terminalLines(text) : text;
        io.out(shown.replace(/\r?\n$/, ''));
      }
      return 0;
    }
    case 'demo': {
      const folder = args[0];
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
    }
    case 'compact': {
      const folder = await requireFolder(args[0]);
      if (!values.keys) throw new UsageError('compact needs --keys <dir>.');
      io.out(`Compacted into ${await compactDemo(folder, values.keys, now())} segment files.`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

/** `--format`: the group format a new group is written in (2 unless asked; 1 to make old-style groups). */
function formatOf(text: string | undefined): 1 | 2 {
  if (text === undefined || text === '2') return 2;
  if (text === '1') return 1;
  throw new UsageError('--format must be 1 or 2.');
}

function count(text: string, flag: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > 100_000)
    throw new UsageError(`${flag} must be a whole number ≥ ${min}.`);
  return n;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An ISO 8601 instant with an explicit zone (`Z` or `±hh:mm`), e.g. 2026-03-08T13:00:00Z, from
 * 1970 to 9999 (what a clock can say). A day that does not exist (02-30) is refused, not rolled over.
 */
function parseInstant(text: string, flag: string): number {
  const ms = Date.parse(text);
  if (!isInstant(text) || !Number.isFinite(ms) || ms < 0 || ms > LAST_INSTANT)
    throw new UsageError(
      `${flag} must be an ISO 8601 instant with a zone, e.g. 2026-03-08T13:00:00Z (got "${text}").`,
    );
  return ms;
}

const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function isInstant(text: string): boolean {
  const m = ISO_INSTANT.exec(text);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map((x) => Number(x ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
  );
}

function standingsTable(s: Standings): string {
  const lines = [
    safe`Standings as of ${new Date(s.asOf).toISOString()} (${s.timeZone}, rules v${s.rulesVersion})`,
  ];
  s.members.forEach((m, i) => {
    lines.push(
      safe`${String(i + 1).padStart(3)}. ${m.status.padEnd(6)} ${String(m.points).padStart(5)} pts  streak ${String(m.streak).padStart(2)}  misses ${m.missesInARow}/${m.missesTotal}  ${m.name}`,
    );
  });
  return lines.join('\n') + '\n';
}

/** JSON for the terminal: its text escapes what JSON.stringify leaves raw (C1 and bidi controls). */
function jsonOut(value: unknown): string {
  return terminalJson(JSON.stringify(value, null, 2));
}

function passphraseFrom(env: CliIo['env']): string {
  const p = env.LECTERN_PASSPHRASE;
  if (!p) throw new UsageError('Set LECTERN_PASSPHRASE to the backup passphrase.');
  return p;
}
