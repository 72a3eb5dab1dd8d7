// What the critique components ask of their owner. They only call back; the owner writes the events
// (and may return a promise: a composer stays open until it settles, and keeps the text if it fails).
import type { Reaction } from '../../shared/critique/critiqueEvents';

type Done = void | Promise<unknown>;

export interface CritiqueActions {
  onSeek(ms: number): void;
  onReply(parentId: string, text: string): Done;
  onEdit(noteId: string, text: string): Done;
  onRetract(noteId: string): Done;
  onResolve(commentId: string, resolved: boolean): Done;
  onReact(noteId: string, reaction: Reaction, on: boolean): Done;
  /** Given only to coaches. */
  onHide?(noteId: string, hidden: boolean): Done;
}

/** Who is looking, and how to name people. */
export interface CritiqueViewer {
  /** The member's key id. */
  me: string;
  /** The recording's author. */
  speaker: string;
  isCoach: boolean;
  /** Display names by key id. */
  names: Readonly<Record<string, string>>;
  /** The speech's evaluation criteria: the order a form's scores are listed in. */
  criteria?: readonly string[];
}
