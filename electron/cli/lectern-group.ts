#!/usr/bin/env node
// lectern-group: drive a group folder from the command line, headless (tests, demos, checking
// a member's folder). Usage: npx tsx electron/cli/lectern-group.ts <command> ...  (--help lists them)
import { runGroupCli } from './groupCli';

void runGroupCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
