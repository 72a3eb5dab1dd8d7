// Reading whether a WebM already has its duration and cues: a file from a finishing muxer does; what
// MediaRecorder writes, any cut-off copy, and bytes that are not a WebM at all do not, and never throw.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webmIsSeekable } from './webmSeekable';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');
const finished = await readFile(join(fixtures, 'phone-en.webm'));
const dir = await mkdtemp(join(tmpdir(), 'lectern-webm-'));

async function seekable(bytes: Uint8Array): Promise<boolean> {
  const path = join(dir, 'file.webm');
  await writeFile(path, bytes);
  return webmIsSeekable(path);
}

describe('webmIsSeekable', () => {
  it('is true for a finished WebM, false for MediaRecorder’s audio and video', async () => {
    expect(await webmIsSeekable(join(fixtures, 'phone-en.webm'))).toBe(true);
    expect(await webmIsSeekable(join(fixtures, 'recorded-zh.webm'))).toBe(false);
    expect(await webmIsSeekable(join(fixtures, 'recorded-video.webm'))).toBe(false);
  });

  it('is false for any cut-off copy of a finished WebM (its cues or blocks are missing)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: finished.length - 1 }), async (length) => {
        expect(await seekable(finished.subarray(0, length))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('answers, never throws, for a finished WebM with bytes changed anywhere in its head', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (changes) => {
          const bytes = Uint8Array.from(finished);
          for (const [at, value] of changes) bytes[at] = value;
          expect(typeof (await seekable(bytes))).toBe('boolean');
        },
      ),
      { numRuns: 150 },
    );
  });
});
