// Names and paths from a group folder reach the terminal with their control characters made
// visible: a file named to clear the screen or reverse the line is printed as what it is.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDirPerTest } from './cliTestKit';
import { safe, terminalJson, terminalLines, terminalSafe } from './terminalText';

const ESC_CLEAR = '\u001b[2J';
const RLO = '\u202e';
/** Anything a terminal would act on or reorder: C0 but the line break, DEL, C1, the bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const tempDir = tempDirPerTest('lectern-term-');

describe('terminal text', () => {
  it('shows every C0, C1 and bidi control as \\u{…} and leaves other text alone', () => {
    expect(terminalSafe(`a${ESC_CLEAR}b${RLO}c`)).toBe('a\\u{1b}[2Jb\\u{202e}c');
    expect(terminalSafe('\u0000\t\n\r\u007f\u0085\u009b\u061c\u200e\u200f\u202a\u2066\u2069')).toBe(
      '\\u{0}\\u{9}\\u{a}\\u{d}\\u{7f}\\u{85}\\u{9b}\\u{61c}\\u{200e}\\u{200f}\\u{202a}\\u{2066}\\u{2069}',
    );
    expect(terminalSafe('周三演讲社 — café 😀 C:\\groups')).toBe('周三演讲社 — café 😀 C:\\groups');
    expect(terminalLines(`one${ESC_CLEAR}\r\ntwo\n${RLO}`)).toBe('one\\u{1b}[2J\r\ntwo\n\\u{202e}');
    expect(safe`file ${`x${RLO}`} — ${3}`).toBe('file x\\u{202e} — 3');
  });

  it('keeps JSON the same JSON, with what JSON.stringify leaves raw escaped', () => {
    const value = { path: `${ESC_CLEAR}${RLO}\u009b\u007f名`, n: 1 };
    const shown = terminalJson(JSON.stringify(value, null, 2));
    expect(shown).not.toMatch(RAW_CONTROL);
    expect(shown).toContain('\\u202e');
    expect(JSON.parse(shown)).toEqual(value);
  });

  it('verify and state print a hostile file name and member name visibly, and JSON keeps them exact', async () => {
    const folder = path.join(tempDir(), 'folder');
    const [coach, ana] = [path.join(tempDir(), 'coach'), path.join(tempDir(), 'ana')];
    await cli('init', '--data', coach);
    await cli('init', '--data', ana);
    await cli('create-group', folder, '--data', coach, '--name', `G${ESC_CLEAR}`, '--coach-name', 'C');
    expect((await cli('join', folder, '--data', ana, '--name', `Ana${RLO}gpj.exe`)).code).toBe(0);
    const evil = `evil${ESC_CLEAR}${RLO}txt.exe`;
    await writeFile(path.join(folder, evil), 'x');

    const verified = await cli('verify', folder);
    expect(verified.code).toBe(1);
    expect(verified.out).not.toMatch(RAW_CONTROL);
    expect(verified.out).toContain('quarantined: evil\\u{1b}[2J\\u{202e}txt.exe — unexpected-file');

    const state = await cli('state', folder);
    expect(state.out).not.toMatch(RAW_CONTROL);
    expect(state.out).toContain('Group: G\\u{1b}[2J');
    expect(state.out).toContain('Ana\\u{202e}gpj.exe');

    const json = await cli('verify', folder, '--json');
    expect(json.out).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.out).quarantined).toEqual([
      { path: evil, reason: expect.stringMatching(/^unexpected-file/) },
    ]);
    const stateJson = await cli('state', folder, '--json');
    expect(stateJson.out).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(stateJson.out).members.map((m: { name: string }) => m.name)).toContain(
      `Ana${RLO}gpj.exe`,
    );
  });

  it('an error that quotes the folder is printed visibly too', async () => {
    const result = await cli('verify', path.join(tempDir(), `gone${ESC_CLEAR}`));
    expect(result.code).toBe(2);
    expect(result.out).not.toMatch(RAW_CONTROL);
    expect(result.out).toContain('gone\\u{1b}[2J');
  });
});
