// Text from a group folder (file names, member names, quarantine reasons) on its way to a terminal.
// A control character there moves the cursor or clears the screen, and a bidi control reorders what
// is shown, so each is written out visibly instead (ESC as \u{1b}, RIGHT-TO-LEFT OVERRIDE as \u{202e}).

// C0 controls, DEL and C1 controls; the bidi marks, embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// What JSON.stringify leaves raw: it escapes C0 controls itself, but not DEL, C1 or bidi controls.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const codePoint = (c: string) => c.codePointAt(0)!.toString(16);

/** One line of untrusted text made safe to print: every control character shown as `\u{…}`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${codePoint(c)}}`);
}

/** Like {@link terminalSafe}, keeping the line breaks (for messages of several lines). */
export function terminalLines(text: string): string {
  return text
    .split(/(\r?\n)/)
    .map((part, i) => (i % 2 === 1 ? part : terminalSafe(part)))
    .join('');
}

/** A template tag: every interpolated value is made terminal-safe; the literal text is ours. */
export function safe(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + terminalSafe(String(values[i - 1])) + s);
}

/**
 * JSON text made safe to print, still the same JSON: the characters JSON.stringify leaves raw can
 * only sit inside strings, where `\uXXXX` means the same character.
 */
export function terminalJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${codePoint(c).padStart(4, '0')}`);
}

/** A value as indented JSON for the terminal: {@link terminalJson} of its `JSON.stringify`. */
export function jsonOut(value: unknown): string {
  return terminalJson(JSON.stringify(value, null, 2));
}
