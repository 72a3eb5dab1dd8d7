// Finishing work started on an import as soon as its last byte is on disk (prepareAudio: the WebM
// remux, the measuring), so that it runs while the renderer is still decoding and `finish` only moves
// the result into place. Audio appended afterwards cancels it (SpeechStore.append): the work saw a
// file that no longer is. In memory only: after a crash, `recover()` does the work again.
import type { PreparedAudio } from './speechFolder';

interface Preparing {
  result: Promise<PreparedAudio | undefined>;
  abort: AbortController;
}

export class PreparedImports {
  private readonly preparing = new Map<string, Preparing>();

  /** Starts `work` for the speech (after cancelling any earlier one). A failure is left to `finish`. */
  start(speechId: string, work: (signal: AbortSignal) => Promise<PreparedAudio>): void {
    void this.cancel(speechId);
    const abort = new AbortController();
    const result = work(abort.signal).catch((error: unknown) => {
      // `finish` does the work again and reports what goes wrong then, in its own words.
      if (!abort.signal.aborted) console.warn(`[lectern] preparing import ${speechId} ahead failed:`, error);
      return undefined;
    });
    this.preparing.set(speechId, { result, abort });
  }

  /** The prepared work, once done; undefined if there was none or it failed. */
  async take(speechId: string): Promise<PreparedAudio | undefined> {
    const entry = this.preparing.get(speechId);
    this.preparing.delete(speechId);
    return entry?.result;
  }

  /** Stops the work (its temporary file is removed by it) and waits until it has stopped. */
  async cancel(speechId: string): Promise<void> {
    const entry = this.preparing.get(speechId);
    if (!entry) return;
    this.preparing.delete(speechId);
    entry.abort.abort();
    await entry.result;
  }
}
