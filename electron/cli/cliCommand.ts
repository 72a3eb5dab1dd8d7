// The shape of one lectern-group command (its name, usage, options and run), and what every command
// is handed: the terminal, this command's wall clock, and the data folder.
import type { CliDataFolder } from './cliDataFolder';

export interface CliIo {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** Bad arguments, a missing folder, not a group: the CLI prints the message as one line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The options a command reads, as node:util parseArgs takes them (single values, no defaults). */
export type OptionSpec = Readonly<
  Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>
>;

export type OptionValues<O extends OptionSpec> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

export interface CommandContext {
  /** This command's wall clock: the real one, or the instant --clock sets. */
  now: () => number;
  /** --data, for the commands that act as this computer's member; a usage error when missing. */
  dataDir: () => string;
  /** The data folder's identity, locked on first use until the command ends. */
  data: CliDataFolder;
}

export interface CliCommand<O extends OptionSpec = OptionSpec> {
  readonly name: string;
  /**
   * The command's lines in the usage text, as they read after its name's column: a synopsis, what it
   * does from column 38 of this text, and lines starting with a space to continue the one before.
   */
  readonly usage: readonly string[];
  readonly options: O;
  /** `args`: the positionals after the command's name. Returns the exit code. */
  run(values: OptionValues<O>, args: string[], io: CliIo, context: CommandContext): Promise<number>;
}

/** Types `run`'s values from the options the command declares. */
export function defineCommand<const O extends OptionSpec>(command: CliCommand<O>): CliCommand<O> {
  return command;
}
