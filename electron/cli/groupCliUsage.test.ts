// The usage text is assembled from the command modules; this pins it, byte for byte.
import { describe, expect, it } from 'vitest';
import { cli } from './cliTestKit';

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
  metrics       <audio file> [--json]                 speaking time, pauses, loudness, pitch and speech rate

  --data <dir>    a Lectern data folder: the app's (Settings shows it) or the web host's --data-dir acts
                  as the same member and device; not while the app or web host has it open
  --clock <iso>   any command: act as a device whose wall clock reads that instant
                  (e.g. 2030-01-01T00:00:00Z): it dates the events written, and judges clocks`;

describe('lectern-group usage', () => {
  it('lists every command with its options: exit 0 when asked, 2 when no command is given', async () => {
    expect(await cli('--help')).toEqual({ code: 0, out: USAGE });
    expect(await cli('state', '-h')).toEqual({ code: 0, out: USAGE });
    expect(await cli()).toEqual({ code: 2, out: USAGE });
  });

  it('follows an unknown command with the usage', async () => {
    expect(await cli('frobnicate')).toEqual({
      code: 2,
      out: `lectern-group: Unknown command "frobnicate".\n\n${USAGE}`,
    });
  });

  it("accepts any command's option with every command, as one parse for all", async () => {
    // `--keys` belongs to demo and compact; state ignores it and fails on the missing folder instead.
    expect(await cli('state', '--keys', 'k')).toEqual({
      code: 2,
      out: 'lectern-group: Which group folder? Give its path.',
    });
  });
});
