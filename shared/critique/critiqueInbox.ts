// A member's critique inbox: new critiques on their speeches and replies to their comments, with
// unread counts. "Read" is a map from recording id to the HLC up to which the member has read that
// recording's critiques; a note dated after it is unread. A note written offline and synced late can
// carry an HLC older than the mark and so arrive already read: the price of a mark that is one string.
import type { CritiqueBoard, NoteView } from './critiqueBoard';

export interface InboxItem {
  type: 'critique' | 'reply';
  noteId: string;
  recordingId: string;
  recordingTitle: string;
  author: string;
  hlc: string;
  /** The start of the text, for a list row or a notification. */
  preview: string;
  unread: boolean;
}

export interface CritiqueInbox {
  /** Newest first. */
  items: InboxItem[];
  unread: number;
  /** Unread items per recording id; recordings with none are left out. */
  unreadByRecording: Record<string, number>;
}

export const PREVIEW_LENGTH = 140;

export function critiqueInbox(
  board: CritiqueBoard,
  me: string,
  lastRead: Readonly<Record<string, string>> = {},
): CritiqueInbox {
  const items: InboxItem[] = [];
  const add = (type: InboxItem['type'], note: NoteView) => {
    const recording = board.recordings[note.recordingId]!;
    const read = Object.hasOwn(lastRead, note.recordingId) ? lastRead[note.recordingId]! : '';
    items.push({
      type,
      noteId: note.id,
      recordingId: note.recordingId,
      recordingTitle: recording.title,
      author: note.author,
      hlc: note.hlc,
      preview: [...note.text].slice(0, PREVIEW_LENGTH).join(''),
      unread: note.hlc > read,
    });
  };
  for (const note of board.notes.values()) {
    if (note.author === me || note.status !== 'shown') continue;
    if (note.kind === 'comment' && board.recordings[note.recordingId]?.author === me) add('critique', note);
    else if (note.kind === 'reply' && board.notes.get(note.parentId!)?.author === me) add('reply', note);
  }
  items.sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : a.noteId < b.noteId ? 1 : -1));
  const unreadByRecording: Record<string, number> = {};
  for (const item of items)
    if (item.unread) unreadByRecording[item.recordingId] = (unreadByRecording[item.recordingId] ?? 0) + 1;
  return { items, unread: items.filter((i) => i.unread).length, unreadByRecording };
}
