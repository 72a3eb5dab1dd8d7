// The speeches' trash, `speeches/.trash/<id>/`: a deleted speech's whole folder plus a note of when
// it was deleted, from which it is restored, or removed for good by hand or after 30 days. This file
// orders the steps on disk so that a crash between any two loses nothing; SpeechStore runs each call
// in the speech's queue and tells the UI.
import { join } from 'node:path';
import { z } from 'zod';
import { LecternError } from '../../../shared/api/errors';
import { speechTrashDays, type TrashedSpeech } from '../../../shared/api/speechesContract';
import { SpeechId } from '../../../shared/domain/speech';
import { syncDir, writeFileAtomic } from '../atomicFile';
import { files, readSpeech, removeFolder } from './speechFolder';
import { sizeOf, type SpeechFs } from './speechFs';

const dayMs = 86_400_000;

/** The note, `trashed.json`: when the speech was deleted. */
const Trashed = z.object({ format: z.literal(1), deletedAt: z.string().datetime() });

export class SpeechTrash {
  readonly dir: string;

  constructor(
    private readonly root: string,
    private readonly fs: SpeechFs,
    private readonly now: () => Date,
  ) {
    this.dir = join(root, '.trash');
  }

  /**
   * Moves the speech folder `from` here. First the time is noted inside it (a note the library
   * ignores and the next start removes), then one rename of the whole folder: a crash leaves it in
   * the library or in the trash, never neither or both, and never in the trash without its time.
   */
  async park(speechId: string, from: string): Promise<void> {
    await this.noteDeletion(from);
    await this.fs.mkdir(this.dir, { recursive: true });
    const parked = this.parked(speechId);
    // An older copy of this same speech (its audio never changes) would block the rename.
    if ((await sizeOf(this.fs, parked)) !== undefined) await removeFolder(this.fs, this.root, parked);
    await this.fs.rename(from, parked);
    await syncDir(this.root, this.fs);
    await syncDir(this.dir, this.fs);
  }

  /**
   * Moves a speech back to `to`, never over anything there: the check gives a clear message, and
   * rename(2) itself never replaces a folder that holds anything. Its note goes in `forgetDeletion`.
   */
  async unpark(speechId: string, to: string): Promise<void> {
    const parked = this.parked(speechId);
    if ((await sizeOf(this.fs, parked)) === undefined)
      throw new LecternError('not_found', 'errors.not_found', { speechId });
    const taken = new LecternError('invalid_input', 'errors.speechAlreadyInLibrary', { speechId });
    if ((await sizeOf(this.fs, to)) !== undefined) throw taken;
    try {
      await this.fs.rename(parked, to);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw code === 'ENOTEMPTY' || code === 'EEXIST' ? taken : error;
    }
    await syncDir(this.dir, this.fs);
    await syncDir(this.root, this.fs);
  }

  /** After a restore: the note goes. Left behind by a failure, it is harmless (the next start tidies it). */
  async forgetDeletion(restored: string): Promise<void> {
    await this.fs
      .rm(join(restored, files.trashed), { force: true })
      .then(() => syncDir(restored, this.fs))
      .catch((error: unknown) => console.error(`[lectern] ${restored} is restored; its note stays:`, error));
  }

  /** What is here, the most recently deleted first; a folder with a damaged speech.json is left out. */
  async list(): Promise<TrashedSpeech[]> {
    const trashed: TrashedSpeech[] = [];
    for (const id of await this.ids()) {
      const parked = this.parked(id);
      const deletedAt = await this.deletedAt(parked);
      const speech = await readSpeech(this.fs, parked).catch(() => undefined);
      if (!speech || !deletedAt) continue;
      trashed.push({
        speech,
        deletedAt: deletedAt.toISOString(),
        purgeAt: new Date(deletedAt.getTime() + speechTrashDays * dayMs).toISOString(),
      });
    }
    return trashed.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  /** Removes a speech from here for good; false if it was not here. */
  async remove(speechId: string): Promise<boolean> {
    const parked = this.parked(speechId);
    if ((await sizeOf(this.fs, parked)) === undefined) return false;
    await removeFolder(this.fs, this.root, parked);
    return true;
  }

  /**
   * Removes the speech if it was deleted more than 30 days ago; true if it did. One with no note of
   * when (deleted by a version that kept none, or a damaged note) gets one now: 30 days from today.
   */
  async expire(speechId: string): Promise<boolean> {
    const parked = this.parked(speechId);
    if ((await sizeOf(this.fs, parked)) === undefined) return false;
    const deletedAt = await this.deletedAt(parked);
    if (!deletedAt) {
      await this.noteDeletion(parked);
      return false;
    }
    if (deletedAt.getTime() >= this.now().getTime() - speechTrashDays * dayMs) return false;
    await removeFolder(this.fs, this.root, parked);
    return true;
  }

  async ids(): Promise<string[]> {
    const names = await this.fs.readdir(this.dir).catch(() => [] as string[]);
    return names.filter((name) => SpeechId.safeParse(name).success);
  }

  private parked(speechId: string): string {
    return join(this.dir, SpeechId.parse(speechId));
  }

  private async deletedAt(dir: string): Promise<Date | undefined> {
    try {
      const note = Trashed.parse(
        JSON.parse((await this.fs.readFile(join(dir, files.trashed))).toString('utf8')),
      );
      return new Date(note.deletedAt);
    } catch {
      return undefined;
    }
  }

  /** Notes, atomically, that the speech in `dir` is deleted now, first removing an earlier try's temporaries. */
  private async noteDeletion(dir: string): Promise<void> {
    for (const name of await this.fs.readdir(dir)) {
      if (name.startsWith(`.${files.trashed}.`) && name.endsWith('.tmp'))
        await this.fs.rm(join(dir, name), { force: true });
    }
    const note: z.infer<typeof Trashed> = { format: 1, deletedAt: this.now().toISOString() };
    await writeFileAtomic(join(dir, files.trashed), JSON.stringify(note), { fs: this.fs });
  }
}
