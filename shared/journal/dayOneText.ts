// Day One's Markdown as Lectern keeps it. Day One backslash-escapes punctuation that needs none
// (`Done\.`, `Great\!`, `well\-known`) and points at attachments with `![](dayone-moment://ID)`
// (`dayone-moment:/audio/ID` for audio). Escapes are removed except where the character would then
// start a heading, list or quote (`\# not a heading`, `1\. not a list`), which is why Day One wrote them;
// every moment reference is taken out, and the caller says which ones were imported.

/** Characters whose escape changes nothing in the middle of a line. */
const escaped = /\\([\\.!\-()#+=|{}~>:'"/])/g;
/** An escape that keeps a line from being a heading, list item or quote. */
const blockStart = /^[ \t]*(\d+)?$/;
const moment = /!\[[^\]\n]*\]\((dayone-moment:\/{1,2}(?:[A-Za-z]+\/)?([A-Za-z0-9-]{1,64}))\)/g;

export interface MomentReference {
  /** The reference as written, `dayone-moment://ID`. */
  url: string;
  identifier: string;
}

export function dayOneText(text: string): { markdown: string; moments: MomentReference[] } {
  const moments: MomentReference[] = [];
  const lines: string[] = [];
  let droppedLine = false;
  for (const line of text.split('\n')) {
    const kept = line.replace(moment, (_whole, url: string, identifier: string) => {
      moments.push({ url, identifier });
      return '';
    });
    const onlyMoments = kept !== line && kept.trim() === '';
    const blank = line.trim() === '';
    // A line that held only references goes, and so does the blank line that set it apart.
    if (onlyMoments || (blank && droppedLine && (lines.length === 0 || lines.at(-1)!.trim() === ''))) {
      droppedLine = onlyMoments;
      continue;
    }
    droppedLine = false;
    lines.push(kept);
  }
  return { markdown: unescape(lines.join('\n')), moments };
}

function unescape(text: string): string {
  return text.replace(escaped, (whole, char: string, at: number) => {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const before = text.slice(lineStart, at);
    const startsBlock = blockStart.exec(before);
    if (startsBlock && (startsBlock[1] ? char === '.' || char === ')' : '#-+>'.includes(char))) return whole;
    return char;
  });
}
