// Fault injection for the trash's own writes: deleting forever, emptying, the 30-day sweep and the
// note of when a speech was deleted. A crash at any step, then the next start: each speech is whole
// in the trash (restorable, with its time) or gone entirely, and nothing else was touched.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  afterRestart,
  always,
  cleanAudio,
  crashAt,
  finished,
  recorded,
  recording,
  split,
  stepsOf,
  trashFolder,
  wholeSpeechIn,
  type Clock,
} from './speechFaultKit';
import { SpeechStore } from './speechStore';

const parts = split(recorded, [16_000]);
const recordedAudio = await cleanAudio(recording, parts);

const deletedOn = new Date('2025-03-01T09:00:00.000Z');
const onDeletionDay: Clock = () => deletedOn;
/** Past the 30 days of what was deleted on `deletedOn`. */
const fiveWeeksOn: Clock = () => new Date(deletedOn.getTime() + 35 * 86_400_000);

/** A folder with speeches `trashed` deleted on `deletedOn`, and one left in the library. */
async function withTrash(trashed: number) {
  const { root, speechId: live } = await finished(parts);
  const ids: string[] = [];
  for (let i = 0; i < trashed; i++) ids.push((await finished(parts, root)).speechId);
  const store = new SpeechStore(root, () => {}, undefined, onDeletionDay);
  for (const id of ids) await store.delete(id);
  return { root, speechId: ids[0]!, ids, live };
}

/**
 * After the next start: the speech in the library is untouched, and each of `ids` is either whole in
 * the trash (listed there, restorable) or gone without a trace. Returns those still in the trash.
 */
async function afterRestartWithTrash(root: string, live: string, ids: string[], now: Clock) {
  const store = new SpeechStore(root, () => {}, undefined, now);
  await store.recover();
  expect((await store.list()).map((s) => s.id)).toEqual([live]);
  await wholeSpeechIn(join(root, live), live, false);
  expect(await readdir(root)).toEqual(expect.not.arrayContaining([expect.stringMatching(/^\.removing-/)]));
  const left = await trashFolder(root);
  expect(ids, 'nothing in the trash but these speeches').toEqual(expect.arrayContaining(left));
  for (const id of left) await wholeSpeechIn(join(root, '.trash', id), id, true);
  expect((await store.listTrash()).map((t) => t.speech.id).sort()).toEqual([...left].sort());
  return { store, left };
}

const deleteForeverSteps = await stepsOf(
  () => withTrash(1),
  (store, id) => store.deleteForever(id),
);
const emptySteps = await stepsOf(
  async () => {
    const { root, ids } = await withTrash(2);
    return { root, speechId: ids.join(' ') };
  },
  (store, ids) => store.emptyTrash(ids.split(' ')),
);
const sweepSteps = await stepsOf(
  () => withTrash(2),
  (store) => store.recover(),
  fiveWeeksOn,
);
/** A speech in the trash with no note of when it was deleted, as an older version left it. */
async function withoutNote() {
  const done = await finished(parts);
  await new SpeechStore(done.root).delete(done.speechId);
  await rm(join(done.root, '.trash', done.speechId, 'trashed.json'));
  return done;
}
const noteSteps = await stepsOf(withoutNote, (store) => store.recover(), onDeletionDay);

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('the speech trash, crashed at every step', () => {
  it('has steps to crash at', () => {
    for (const steps of [deleteForeverSteps, emptySteps, sweepSteps, noteSteps])
      expect(steps.length).toBeGreaterThan(0);
  });

  it.each(deleteForeverSteps.map((label, k) => [k, label]))(
    'deleting forever, crash at step %i (%s): whole in the trash, or gone',
    async (k) => {
      const { root, speechId, ids, live } = await withTrash(1);
      await crashAt(k, root, (store) => store.deleteForever(speechId));
      const { store, left } = await afterRestartWithTrash(root, live, ids, onDeletionDay);
      if (left.includes(speechId)) {
        await store.restore(speechId);
        expect(await store.list()).toHaveLength(2);
      }
    },
  );

  it.each(emptySteps.map((label, k) => [k, label]))(
    'emptying the trash, crash at step %i (%s): each whole in the trash, or gone; emptying again finishes',
    async (k) => {
      const { root, ids, live } = await withTrash(2);
      await crashAt(k, root, (store) => store.emptyTrash(ids));
      const { store, left } = await afterRestartWithTrash(root, live, ids, onDeletionDay);
      expect(await store.emptyTrash(left)).toEqual({ removed: left.length });
      expect(await trashFolder(root)).toEqual([]);
    },
  );

  it.each(sweepSteps.map((label, k) => [k, label]))(
    'removing what is past 30 days at start, crash at step %i (%s): the next start finishes',
    async (k) => {
      const { root, ids, live } = await withTrash(2);
      await crashAt(k, root, (store) => store.recover(), always, fiveWeeksOn);
      await afterRestartWithTrash(root, live, ids, onDeletionDay);
      // The start after, still five weeks on: all of the expired are gone, the library untouched.
      const { left } = await afterRestartWithTrash(root, live, ids, fiveWeeksOn);
      expect(left).toEqual([]);
    },
  );

  it.each(noteSteps.map((label, k) => [k, label]))(
    'noting when an older deletion happened, crash at step %i (%s): whole in the trash, with its time',
    async (k) => {
      const { root, speechId } = await withoutNote();
      await crashAt(k, root, (store) => store.recover(), always, onDeletionDay);
      const { inTrash, audio, store } = await afterRestart(root, speechId, onDeletionDay);
      expect(inTrash).toBe(true);
      expect(audio.equals(recordedAudio)).toBe(true);
      expect((await store.listTrash())[0]!.deletedAt).toBe(deletedOn.toISOString());
    },
  );
});
