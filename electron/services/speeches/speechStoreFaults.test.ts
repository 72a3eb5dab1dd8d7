// Fault injection: SpeechStore over a FaultyFs that crashes (or fails with ENOSPC) at step k, for
// every k of finishing, importing, deleting, restoring and recovering; then a fresh store recovers
// the same folder, and the audio's bytes and exactly one entry must have survived.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LecternError } from '../../../shared/api/errors';
import { FaultyFs, SimulatedCrash, type Fault } from './faultyFs';
import {
  afterRestart,
  always,
  cleanAudio,
  committed,
  crashAt,
  finished,
  peaksFor,
  peaksOf,
  recorded,
  recording,
  split,
  stepsOf,
  uploaded,
  wav,
  wavImport,
} from './speechFaultKit';
import { SpeechStore } from './speechStore';

const parts = split(recorded, [16_000]);
const wavParts = split(wav, [7_000, 30_000]);
const recordedAudio = await cleanAudio(recording, parts);

// Each operation's steps, from a run with no fault: the tests below crash at each of them.
const finishSteps = await stepsOf(
  () => uploaded(recording, parts),
  (store, id) => store.finish(id, 3900),
);
const importSteps = await stepsOf(
  () => uploaded(wavImport, wavParts),
  (store, id) => store.finish(id),
);
// Until upload.json says that finish began, the folder is an import still uploading: dropped at
// start as before, because the member still has the original. From then on it must survive.
const committedToFinish = importSteps.findIndex((label) => /^rename .*upload\.json/.test(label)) + 1;
const deleteSteps = await stepsOf(
  () => finished(parts),
  (store, id) => store.delete(id),
);
const restoreSteps = await stepsOf(
  async () => {
    const done = await finished(parts);
    await new SpeechStore(done.root).delete(done.speechId);
    return done;
  },
  (store, id) => store.restore(id),
);
const restored = (done: string[]) => done.some((label) => label === 'rename .trash/<id> → <id>');
const recoverSteps = await stepsOf(
  () => uploaded(recording, parts),
  (store) => store.recover(),
);

beforeEach(() => {
  // Recovery logs what it could not do; a crash makes it fail on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('SpeechStore, crashed at every step', () => {
  it.each(finishSteps.map((label, k) => [k, label]))(
    'finishing a recording, crash at step %i (%s): recovered whole',
    async (k) => {
      const { root, speechId } = await uploaded(recording, parts);
      await crashAt(k, root, (store) => store.finish(speechId, 3900), committed);
      const { audio, speech, store } = await afterRestart(root, speechId);
      expect(audio.equals(recordedAudio)).toBe(true);
      expect(speech.source).toMatch(/^(recording|recovered)$/);
      expect(Buffer.from((await store.peaks(speechId)).data).equals(peaksFor(parts))).toBe(true);
    },
  );

  it('marks an import as finishing before its first step on the audio', () => {
    expect(committedToFinish).toBeGreaterThan(0);
    expect(importSteps.slice(0, committedToFinish).join()).not.toMatch(/audio/);
  });
  it.each(
    importSteps.map((label, k) => [
      k,
      label,
      k < committedToFinish ? 'still uploading: dropped, as before' : 'recovered with the original bytes',
    ]),
  )('finishing an import, crash at step %i (%s): %s', async (k) => {
    const { root, speechId } = await uploaded(wavImport, wavParts);
    await crashAt(k, root, (store) => store.finish(speechId), committed);
    if (k < committedToFinish) {
      expect(await new SpeechStore(root).recover()).toEqual([]);
      expect(await readdir(root)).toEqual([]);
      return;
    }
    const { audio, store } = await afterRestart(root, speechId);
    expect(audio.equals(wav)).toBe(true);
    expect(Buffer.from((await store.peaks(speechId)).data).equals(peaksFor(wavParts))).toBe(true);
  });

  it.each(deleteSteps.map((label, k) => [k, label]))(
    'deleting to the trash, crash at step %i (%s): in the library or the trash, and restorable',
    async (k) => {
      const { root, speechId } = await finished(parts);
      await crashAt(k, root, (store) => store.delete(speechId));
      const { store, audio, inTrash } = await afterRestart(root, speechId);
      expect(audio.equals(recordedAudio)).toBe(true);
      if (inTrash) await store.restore(speechId);
      expect((await store.list()).map((s) => s.id)).toEqual([speechId]);
    },
  );

  it.each(restoreSteps.map((label, k) => [k, label]))(
    'restoring from the trash, crash at step %i (%s): in the trash or the library',
    async (k) => {
      const { root, speechId } = await finished(parts);
      await new SpeechStore(root).delete(speechId);
      // Back in the library once the folder is renamed: what follows is only tidying.
      await crashAt(k, root, (store) => store.restore(speechId), restored);
      const { audio } = await afterRestart(root, speechId);
      expect(audio.equals(recordedAudio)).toBe(true);
    },
  );

  it.each(recoverSteps.map((label, k) => [k, label]))(
    'recovering a recording, crash at step %i (%s): the next start recovers it',
    async (k) => {
      const { root, speechId } = await uploaded(recording, parts);
      await crashAt(k, root, (store) => store.recover(), always);
      const { audio } = await afterRestart(root, speechId);
      expect(audio.equals(recordedAudio)).toBe(true);
    },
  );

  it('crash anywhere in finishing, then anywhere in recovering: still one speech, same bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: finishSteps.length }),
        fc.nat({ max: recoverSteps.length + 10 }),
        async (k1, k2) => {
          const { root, speechId } = await uploaded(recording, parts);
          await crashAt(k1, root, (store) => store.finish(speechId, 3900), committed);
          await crashAt(k2, root, (store) => store.recover(), always);
          const { audio } = await afterRestart(root, speechId);
          expect(audio.equals(recordedAudio)).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it('any chunk sizes, crash anywhere in finishing an import: the original bytes, once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 3_000, max: 40_000 }), { minLength: 1, maxLength: 6 }),
        fc.nat({ max: importSteps.length }),
        async (sizes, k) => {
          const { root, speechId } = await uploaded(wavImport, split(wav, sizes));
          await crashAt(k, root, (store) => store.finish(speechId), committed);
          if (k < committedToFinish) return;
          const { audio, speech } = await afterRestart(root, speechId);
          expect(audio.equals(wav)).toBe(true);
          expect(speech.originalName).toBe('phone.wav');
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('any chunk sizes, crash anywhere while recording: every acknowledged byte is kept', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 200, max: 20_000 }), { minLength: 1, maxLength: 5 }),
        fc.nat({ max: 60 }),
        async (sizes, k) => {
          const root = await mkdtemp(join(tmpdir(), 'lectern-faults-'));
          const store = new SpeechStore(root, () => {}, new FaultyFs({ kind: 'crash', at: k }));
          let acknowledged = 0;
          let speechId: string | undefined;
          try {
            speechId = (await store.begin(recording)).speechId;
            for (const [i, part] of split(recorded, sizes).entries()) {
              await store.append(speechId, part, peaksOf(i));
              acknowledged += part.length;
            }
          } catch (error) {
            expect(error).toBeInstanceOf(SimulatedCrash);
          }
          const [id] = await readdir(root);
          if (id === undefined) {
            expect(acknowledged).toBe(0);
            return;
          }
          const partial = await readFile(join(root, id, 'audio.partial')).catch(() => Buffer.alloc(0));
          // What is on disk is what was recorded, up to a torn last chunk, and holds every acknowledged chunk.
          expect(partial.length).toBeGreaterThanOrEqual(acknowledged);
          expect(partial.equals(Buffer.from(recorded.subarray(0, partial.length)))).toBe(true);
          // Recovery never deletes audio bytes: they become a speech, or stay for a later version.
          const [speech] = await new SpeechStore(root).recover();
          if (partial.length === 0) expect(await readdir(root)).toEqual([]);
          else if (!speech) expect(await readdir(join(root, id))).toContain('audio.partial');
          else expect(speech.id).toBe(speechId ?? id);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('SpeechStore on a full disk', () => {
  /** Steps taken by appending `parts` (with peaks) after begin, from a run with no fault. */
  async function appendSteps(pieces: Uint8Array[]): Promise<number> {
    const root = await mkdtemp(join(tmpdir(), 'lectern-faults-'));
    const { speechId } = await new SpeechStore(root).begin(recording);
    const fs = new FaultyFs();
    const store = new SpeechStore(root, () => {}, fs);
    for (const [i, part] of pieces.entries()) await store.append(speechId, part, peaksOf(i));
    return fs.steps.length;
  }

  /** Begins on the real disk, appends through a disk that fails once at step `fault.at`. */
  async function appendWithFault(pieces: Uint8Array[], fault: Fault) {
    const root = await mkdtemp(join(tmpdir(), 'lectern-faults-'));
    const { speechId } = await new SpeechStore(root).begin(recording);
    const store = new SpeechStore(root, () => {}, new FaultyFs(fault));
    const kept: number[] = [];
    const errors: unknown[] = [];
    for (const [i, part] of pieces.entries()) {
      await store.append(speechId, part, peaksOf(i)).then(
        () => kept.push(i),
        (error: unknown) => errors.push(error),
      );
    }
    const dir = join(root, speechId);
    return { root, speechId, store, kept, errors, dir };
  }

  it('cuts a chunk torn by ENOSPC back off audio.partial and says disk_full; the rest finishes', async () => {
    const perAppend = await appendSteps(parts.slice(0, 1));
    // The third append's write of audio: half of it lands, then the disk is full.
    const { store, speechId, kept, errors, dir } = await appendWithFault(parts.slice(0, 4), {
      kind: 'error',
      at: 2 * perAppend + 1,
      code: 'ENOSPC',
    });
    expect(kept).toEqual([0, 1, 3]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(LecternError);
    expect(errors[0]).toMatchObject({ code: 'disk_full', messageKey: 'errors.disk_full' });
    const partial = await readFile(join(dir, 'audio.partial'));
    const expected = Buffer.concat([parts[0]!, parts[1]!, parts[3]!]);
    expect(partial.equals(expected)).toBe(true);
    expect([...(await readFile(join(dir, 'peaks.partial')))]).toEqual([0, 0, 255, 1, 253, 3]);
    await store.discard(speechId);
  });

  it('after a full disk the recorder stops, and what was recorded until then finishes as a speech', async () => {
    const perAppend = await appendSteps(parts.slice(0, 1));
    const { store, speechId, kept } = await appendWithFault(parts.slice(0, 3), {
      kind: 'error',
      at: 2 * perAppend + 1,
      code: 'ENOSPC',
    });
    expect(kept).toEqual([0, 1]);
    const speech = await store.finish(speechId, 2000);
    const audio = await readFile((await store.mediaFile(speechId))!.path);
    expect(audio.equals(await cleanAudio(recording, parts.slice(0, 2)))).toBe(true);
    expect(speech.byteSize).toBe(audio.length);
  });

  it('any chunk sizes, a failure at any step of any append: the partial files hold exactly the accepted chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 9_000 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.constantFrom('ENOSPC', 'EDQUOT', 'EIO'),
        async (sizes, seed, code) => {
          let at0 = 0;
          const pieces = sizes.map((size) => recorded.subarray(at0, (at0 += size)));
          const at = seed % (await appendSteps(pieces));
          const { kept, errors, dir } = await appendWithFault(pieces, { kind: 'error', at, code });
          expect(errors).toHaveLength(1);
          expect(errors[0]).toMatchObject(code === 'EIO' ? { code: 'EIO' } : { code: 'disk_full' });
          const audio = await readFile(join(dir, 'audio.partial'));
          expect(audio.equals(Buffer.concat(kept.map((i) => pieces[i]!)))).toBe(true);
          const peaks = await readFile(join(dir, 'peaks.partial'));
          expect(peaks.equals(Buffer.concat(kept.map((i) => peaksOf(i))))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
