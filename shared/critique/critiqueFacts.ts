// The one fact the rules engine needs from critique threads: who gave a critique on which shared
// recording, and when. The critiques slice produces these; the standings fold consumes them, so the
// two features meet here and nowhere else.
export interface CritiqueGiven {
  /** Key id of the member who wrote the critique. */
  author: string;
  /** The shared recording's id (as in the recordings slice). */
  recordingId: string;
  /** HLC of the critique's first event; duty deadlines compare against it. */
  hlc: string;
}
