// What the fault-injection tests share: real audio cut into chunks, stores that build speeches on a
// temporary folder, a run that crashes at step k, and the check made after the next start.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Speech } from '../../../shared/domain/speech';
import { FaultyFs, SimulatedCrash } from './faultyFs';
import { SpeechStore } from './speechStore';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');
export const recorded = new Uint8Array(await readFile(join(fixtures, 'recorded-zh.webm')));
export const wav = new Uint8Array(await readFile(join(fixtures, 'phone-en.wav')));

export const recording = {
  source: 'recording' as const,
  mimeType: 'audio/webm' as const,
  title: '周三练习',
  sampleRate: 48000,
  samplesPerPixel: 480,
};
export const wavImport = {
  ...recording,
  source: 'import' as const,
  mimeType: 'audio/wav' as const,
  originalName: 'phone.wav',
};

export function split(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

/** The peaks a chunk carries: one pair per chunk, telling the chunks apart. */
export const peaksOf = (i: number) => new Uint8Array([-(i % 100) & 0xff, i % 100]);

export const peaksFor = (chunks: Uint8Array[]) => Buffer.concat(chunks.map((_, i) => peaksOf(i)));

/** The clock of a store; the real one unless a test sets the day. */
export type Clock = () => Date;
const realClock: Clock = () => new Date();

/** A folder holding one upload, begun and fed its chunks by a store on the real disk. */
export async function uploaded(
  input: typeof recording | typeof wavImport,
  parts: Uint8Array[],
  root?: string,
) {
  root ??= await mkdtemp(join(tmpdir(), 'lectern-faults-'));
  const store = new SpeechStore(root);
  const { speechId } = await store.begin(input);
  for (const [i, part] of parts.entries()) await store.append(speechId, part, peaksOf(i));
  return { root, speechId };
}

/** A finished recording, in a new folder or (given `root`) beside what is there. */
export async function finished(parts: Uint8Array[], root?: string) {
  const done = await uploaded(recording, parts, root);
  await new SpeechStore(done.root).finish(done.speechId, 3900);
  return done;
}

/** What a finish with no fault writes: the reference every crashed-then-recovered run must match. */
export async function cleanAudio(
  input: typeof recording | typeof wavImport,
  parts: Uint8Array[],
): Promise<Buffer> {
  const { root, speechId } = await uploaded(input, parts);
  const store = new SpeechStore(root);
  await store.finish(speechId);
  return readFile((await store.mediaFile(speechId))!.path);
}

/** A crashed run may report success only once its speech is committed; recover() logs and goes on. */
export const committed = (done: string[]) => done.some((label) => /^link .*speech\.json$/.test(label));
export const never = () => false;
export const always = () => true;

/** Runs `op` on a store whose disk dies at step `at`: it must fail with the crash, or be allowed to succeed. */
export async function crashAt(
  at: number,
  root: string,
  op: (store: SpeechStore) => Promise<unknown>,
  maySucceed: (stepsDone: string[]) => boolean = never,
  now: Clock = realClock,
): Promise<FaultyFs> {
  const fs = new FaultyFs({ kind: 'crash', at }, root);
  await op(new SpeechStore(root, () => {}, fs, now)).then(
    () => {
      if (fs.crashed) expect(maySucceed(fs.steps.slice(0, at)), 'success reported after a crash').toBe(true);
    },
    (error: unknown) => expect(error).toBeInstanceOf(SimulatedCrash),
  );
  return fs;
}

/** The labels of an operation's steps, from a run with no fault. */
export async function stepsOf(
  setup: () => Promise<{ root: string; speechId: string }>,
  op: (store: SpeechStore, speechId: string) => Promise<unknown>,
  now: Clock = realClock,
): Promise<string[]> {
  const { root, speechId } = await setup();
  const fs = new FaultyFs(undefined, root);
  await op(new SpeechStore(root, () => {}, fs, now), speechId);
  return fs.steps;
}

/** The files a finished speech's folder holds, and nothing else (no partial files, no temporaries). */
export function speechFiles(speech: Speech, inTrash: boolean): string[] {
  const audio = speech.mimeType === 'audio/wav' ? 'audio.wav' : 'audio.webm';
  return [audio, 'peaks.json', 'speech.json', ...(inTrash ? ['trashed.json'] : [])].sort();
}

/** Checks one folder holds the speech whole: its speech.json, and audio matching its hash. */
export async function wholeSpeechIn(dir: string, speechId: string, inTrash: boolean) {
  const speech = JSON.parse(await readFile(join(dir, 'speech.json'), 'utf8')) as Speech;
  expect(speech.id).toBe(speechId);
  const audio = await readFile(join(dir, speech.mimeType === 'audio/wav' ? 'audio.wav' : 'audio.webm'));
  expect(speech.sha256).toBe(createHash('sha256').update(audio).digest('hex'));
  expect(speech.byteSize).toBe(audio.length);
  expect((await readdir(dir)).sort(), 'no partial files or temporaries left').toEqual(
    speechFiles(speech, inTrash),
  );
  return { speech, audio };
}

/** What is in the trash folder (speech ids and anything else), nothing if there is none. */
export const trashFolder = (root: string) => readdir(join(root, '.trash')).catch(() => [] as string[]);

/** After the next start's recovery: the one speech, its audio's bytes, and nothing else left around. */
export async function afterRestart(root: string, speechId: string, now: Clock = realClock) {
  const store = new SpeechStore(root, () => {}, undefined, now);
  await store.recover();
  expect(await store.recover(), 'recovery is done in one start').toEqual([]);
  const listed = await store.list();
  const inTrash = (await trashFolder(root)).includes(speechId);
  expect(listed.length + (inTrash ? 1 : 0), 'exactly one entry, in the library or the trash').toBe(1);
  expect(await readdir(root)).toEqual(expect.not.arrayContaining([expect.stringMatching(/^\.removing-/)]));
  if (inTrash) {
    // A speech in the trash is listed there, with the time it was deleted.
    expect((await store.listTrash()).map((each) => each.speech.id)).toEqual([speechId]);
  }
  const dir = inTrash ? join(root, '.trash', speechId) : join(root, speechId);
  const { speech, audio } = await wholeSpeechIn(dir, speechId, inTrash);
  return { store, speech, audio, inTrash };
}
