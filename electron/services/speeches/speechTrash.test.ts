// The speech trash as a member meets it: what is there and since when, restore, delete forever,
// empty, and the 30 days after which a deleted speech goes by itself (on a clock the test sets).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanAudio, finished, recorded, recording, split } from './speechFaultKit';
import { SpeechStore } from './speechStore';

const parts = split(recorded, [16_000]);
const recordedAudio = await cleanAudio(recording, parts);
const day = 86_400_000;

/** A store on a new folder whose clock reads what `clock.now` says. */
async function storeWithClock(start = '2025-03-01T09:00:00.000Z') {
  const root = await mkdtemp(join(tmpdir(), 'lectern-trash-'));
  const clock = { now: new Date(start) };
  const changes: string[] = [];
  const open = () =>
    new SpeechStore(
      root,
      () => changes.push('changed'),
      undefined,
      () => clock.now,
    );
  return { root, clock, changes, store: open(), open };
}

/** Moves the clock on by `days` (fractions allowed). */
function advance(clock: { now: Date }, days: number): void {
  clock.now = new Date(clock.now.getTime() + days * day);
}

async function speechIn(root: string): Promise<string> {
  return (await finished(parts, root)).speechId;
}

describe('the speech trash', () => {
  it('lists a deleted speech with its title, length and when it was deleted, and restores it whole', async () => {
    const { root, clock, store } = await storeWithClock();
    const id = await speechIn(root);
    await store.update(id, { speechId: id, title: '周三即兴', tags: ['即兴'] });
    expect(await store.listTrash()).toEqual([]);

    advance(clock, 2);
    await store.delete(id);
    expect(await store.list()).toEqual([]);
    const [trashed, ...others] = await store.listTrash();
    expect(others).toEqual([]);
    expect(trashed!.speech).toMatchObject({ id, title: '周三即兴', tags: ['即兴'] });
    expect(trashed!.speech.durationMs).toBeGreaterThan(3000);
    expect(trashed!.deletedAt).toBe('2025-03-03T09:00:00.000Z');
    expect(trashed!.purgeAt).toBe('2025-04-02T09:00:00.000Z');

    const speech = await store.restore(id);
    expect(speech).toMatchObject({ id, title: '周三即兴', tags: ['即兴'] });
    expect((await store.list()).map((s) => s.id)).toEqual([id]);
    expect(await store.listTrash()).toEqual([]);
    expect(await readFile((await store.mediaFile(id))!.path)).toEqual(recordedAudio);
    expect((await readdir(join(root, id))).sort(), 'no note of the deletion left').toEqual([
      'audio.webm',
      'peaks.json',
      'speech.json',
    ]);
  });

  it('lists the most recently deleted first, and a second deletion restarts the 30 days', async () => {
    const { root, clock, store } = await storeWithClock();
    const first = await speechIn(root);
    const second = await speechIn(root);
    await store.delete(first);
    advance(clock, 1);
    await store.delete(second);
    expect((await store.listTrash()).map((t) => t.speech.id)).toEqual([second, first]);

    await store.restore(first);
    advance(clock, 20);
    await store.delete(first);
    advance(clock, 20);
    // The first deletion was 41 days ago, the second 20: it stays. The other went 40 days ago.
    expect((await store.listTrash()).map((t) => t.speech.id)).toEqual([first]);
  });

  it('removes by itself, on listing and at start, each speech deleted more than 30 days ago', async () => {
    const { root, clock, store, open, changes } = await storeWithClock();
    const old = await speechIn(root);
    const recent = await speechIn(root);
    await store.delete(old);
    advance(clock, 10);
    await store.delete(recent);

    advance(clock, 20); // the old one: exactly 30 days
    expect((await store.listTrash()).map((t) => t.speech.id)).toEqual([recent, old]);
    advance(clock, 1 / 24); // 30 days and an hour
    changes.length = 0;
    expect((await store.listTrash()).map((t) => t.speech.id)).toEqual([recent]);
    expect(changes, 'other windows hear that the trash changed').toEqual(['changed']);
    expect(await readdir(join(root, '.trash'))).toEqual([recent]);

    // The next start, 21 days on: the recent one's 30 days are over too.
    advance(clock, 21);
    await open().recover();
    expect(await readdir(join(root, '.trash'))).toEqual([]);
    expect(await readdir(root)).toEqual(['.trash']);
  });

  it('deletes one speech forever and leaves the others', async () => {
    const { root, store, changes } = await storeWithClock();
    const kept = await speechIn(root);
    const gone = await speechIn(root);
    const live = await speechIn(root);
    await store.delete(kept);
    await store.delete(gone);
    changes.length = 0;

    await store.deleteForever(gone);
    expect(changes).toEqual(['changed']);
    expect((await store.listTrash()).map((t) => t.speech.id)).toEqual([kept]);
    expect(await readdir(join(root, '.trash'))).toEqual([kept]);
    expect((await store.list()).map((s) => s.id)).toEqual([live]);
    await expect(store.restore(gone)).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.deleteForever(gone)).rejects.toMatchObject({ code: 'not_found' });
    // Only what is in the trash can be deleted forever: a speech in the library stays.
    await expect(store.deleteForever(live)).rejects.toMatchObject({ code: 'not_found' });
    expect((await store.list()).map((s) => s.id)).toEqual([live]);
  });

  it('empties the trash of the speeches the member saw, keeping one deleted since', async () => {
    const { root, store, changes } = await storeWithClock();
    const [a, b, late, live] = [
      await speechIn(root),
      await speechIn(root),
      await speechIn(root),
      await speechIn(root),
    ];
    await store.delete(a);
    await store.delete(b);
    const seen = (await store.listTrash()).map((t) => t.speech.id);
    await store.delete(late);
    changes.length = 0;

    expect(await store.emptyTrash(seen)).toEqual({ removed: 2 });
    expect(changes).toEqual(['changed']);
    expect((await store.listTrash()).map((t) => t.speech.id)).toEqual([late]);
    expect((await store.list()).map((s) => s.id)).toEqual([live]);
    // Emptying again what is already gone removes nothing and says so.
    expect(await store.emptyTrash(seen)).toEqual({ removed: 0 });
    expect(await store.emptyTrash([late, live])).toEqual({ removed: 1 });
    expect(await store.listTrash()).toEqual([]);
    expect((await store.list()).map((s) => s.id)).toEqual([live]);
  });

  it('never restores over a folder that exists again under the same id', async () => {
    const { root, store } = await storeWithClock();
    const id = await speechIn(root);
    await store.delete(id);
    // A copy of the data folder brought back, say: the same id is in the library again.
    const live = join(root, id);
    await mkdir(live);
    await writeFile(join(live, 'speech.json'), '{"kept": true}');

    await expect(store.restore(id)).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.speechAlreadyInLibrary',
    });
    expect(await readdir(live)).toEqual(['speech.json']);
    expect(await readFile(join(live, 'speech.json'), 'utf8')).toBe('{"kept": true}');
    expect((await store.listTrash()).map((t) => t.speech.id)).toEqual([id]);

    // An empty folder there is refused too; once it is gone the speech comes back.
    await rm(live, { recursive: true });
    await mkdir(live);
    await expect(store.restore(id)).rejects.toMatchObject({ messageKey: 'errors.speechAlreadyInLibrary' });
    await rm(live, { recursive: true });
    expect((await store.restore(id)).id).toBe(id);
  });

  it('gives a speech deleted before the trash kept times 30 days from the first start that sees it', async () => {
    const { root, clock, open } = await storeWithClock();
    const id = await speechIn(root);
    await open().delete(id);
    await rm(join(root, '.trash', id, 'trashed.json'));

    advance(clock, 100);
    await open().recover();
    const [trashed] = await open().listTrash();
    expect(trashed).toMatchObject({ speech: { id }, deletedAt: clock.now.toISOString() });
    advance(clock, 30);
    expect(await open().listTrash()).toHaveLength(1);
    advance(clock, 1);
    expect(await open().listTrash()).toEqual([]);
  });

  it('keeps a damaged speech in the trash out of the list, and still removes it after 30 days', async () => {
    const { root, clock, store } = await storeWithClock();
    const damaged = await speechIn(root);
    const good = await speechIn(root);
    await store.delete(damaged);
    await store.delete(good);
    await writeFile(join(root, '.trash', damaged, 'speech.json'), '{"format": 1, "id": "oops"');
    expect((await store.listTrash()).map((t) => t.speech.id)).toEqual([good]);
    advance(clock, 31);
    await store.listTrash();
    expect(await readdir(join(root, '.trash'))).toEqual([]);
  });
});
