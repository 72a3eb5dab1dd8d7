// Which critique a player should open at: the inbox names the note it was opened for, and the player
// that opens for that speech goes there once (so opening the speech again later starts at the start).
// Handed over here rather than as a prop: the feed between the inbox and the player knows speeches only.

let wanted: { recordingId: string; noteId: string } | null = null;

/** The next player for `recordingId` opens at this note (a comment, or a reply in its thread). */
export function openAtNote(recordingId: string, noteId: string): void {
  wanted = { recordingId, noteId };
}

/** The note a player for `recordingId` should open at, if any. */
export function noteToOpenAt(recordingId: string): string | undefined {
  return wanted?.recordingId === recordingId ? wanted.noteId : undefined;
}

/** The player went there: later openings start at the start. */
export function openedAtNote(): void {
  wanted = null;
}
