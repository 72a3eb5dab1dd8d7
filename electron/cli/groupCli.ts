// The commands of lectern-group, runnable in-process (tests) or from the entry script: one module per
// command in commands/, looked up here by name. Exit codes: 0 fine, 1 verify found quarantined files,
// 2 bad arguments / missing folder / not a group.
import { parseArgs } from 'node:util';
import { wallClock } from './cliArgs';
import type { CliCommand, CliIo, OptionSpec, OptionValues } from './cliCommand';
import { UsageError } from './cliCommand';
import { CliDataFolder } from './cliDataFolder';
import { append } from './commands/append';
import { approve } from './commands/approve';
import { compact } from './commands/compact';
import { createGroup } from './commands/createGroup';
import { demo } from './commands/demo';
import { exportKey } from './commands/exportKey';
import { init } from './commands/init';
import { join } from './commands/join';
import { metrics } from './commands/metrics';
import { standings } from './commands/standings';
import { state } from './commands/state';
import { sync } from './commands/sync';
import { verify } from './commands/verify';
import { terminalLines } from './terminalText';

export type { CliIo } from './cliCommand';

/** In the order the usage lists them. */
const COMMANDS: ReadonlyMap<string, CliCommand> = new Map(
  [
    init,
    exportKey,
    createGroup,
    join,
    approve,
    append,
    sync,
    state,
    standings,
    verify,
    demo,
    compact,
    metrics,
  ].map((c): [string, CliCommand] => [c.name, c]),
);

/** The options every command takes; `--data` is read through the command context's `dataDir()`. */
const GLOBAL_OPTIONS = {
  data: { type: 'string' },
  clock: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

const GLOBAL_USAGE = `  --data <dir>    a Lectern data folder: the app's (Settings shows it) or the web host's --data-dir acts
                  as the same member and device; not while the app or web host has it open
  --clock <iso>   any command: act as a device whose wall clock reads that instant
                  (e.g. 2030-01-01T00:00:00Z): it dates the events written, and judges clocks`;

/** A command's usage lines behind its name, or behind the name's column for those that continue a line. */
function usageLines({ name, usage }: CliCommand): string[] {
  return usage.map((line) => (line.startsWith(' ') ? ' '.repeat(16) : `  ${name.padEnd(14)}`) + line);
}

const USAGE = [
  'lectern-group <command> [options]',
  '',
  ...[...COMMANDS.values()].flatMap(usageLines),
  '',
  GLOBAL_USAGE,
].join('\n');

/**
 * One parse for every command (the command is a positional, found only after parsing): each option
 * any command declares is accepted by all, so two commands must agree on an option's type.
 */
const OPTIONS: OptionSpec = [...COMMANDS.values()].reduce<OptionSpec>((all, command) => {
  for (const [name, spec] of Object.entries(command.options)) {
    const known = all[name];
    if (known && known.type !== spec.type)
      throw new Error(
        `--${name} is a ${known.type} option in one command and a ${spec.type} in ${command.name}.`,
      );
  }
  return { ...all, ...command.options };
}, GLOBAL_OPTIONS);

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
  const parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  const values = parsed.values as OptionValues<OptionSpec> & OptionValues<typeof GLOBAL_OPTIONS>;
  const [name, ...args] = parsed.positionals;
  if (!name || values.help) {
    io.out(USAGE);
    return name || values.help ? 0 : 2;
  }
  const now = wallClock(values.clock);
  const command = COMMANDS.get(name);
  if (!command) throw new UsageError(`Unknown command "${name}".\n\n${USAGE}`);
  const dataDir = () => {
    if (!values.data)
      throw new UsageError("--data <dir> is required (this computer's Lectern data directory).");
    return values.data;
  };
  return command.run(values, args, io, { now, dataDir, data });
}
