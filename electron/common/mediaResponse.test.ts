import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mediaResponse, parseRange } from './mediaResponse';

async function collect(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream ?? []) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=500-', 1000, { start: 500, end: 999 }],
    ['bytes=-100', 1000, { start: 900, end: 999 }],
    ['bytes=900-5000', 1000, { start: 900, end: 999 }],
    ['bytes=1000-', 1000, 'unsatisfiable'],
    ['bytes=5-2', 1000, 'unsatisfiable'],
    ['bytes=-0', 1000, 'unsatisfiable'],
    ['items=0-1', 1000, undefined],
    [undefined, 1000, undefined],
  ] as const)('%s of %i bytes → %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('mediaResponse', () => {
  it('returns exactly the requested bytes for any satisfiable range', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-media-'));
    const content = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256));
    const path = join(dir, 'audio.webm');
    await writeFile(path, content);
    await fc.assert(
      fc.asyncProperty(fc.nat(4999), fc.nat(6000), async (start, length) => {
        const answer = await mediaResponse(path, 'audio/webm', `bytes=${start}-${start + length}`);
        const end = Math.min(start + length, 4999);
        expect(answer.status).toBe(206);
        expect(answer.headers['Content-Range']).toBe(`bytes ${start}-${end}/5000`);
        expect((await collect(answer.body)).equals(content.subarray(start, end + 1))).toBe(true);
      }),
      { numRuns: 60 },
    );
    const whole = await mediaResponse(path, 'audio/webm', undefined);
    expect(whole.status).toBe(200);
    expect(whole.headers['Accept-Ranges']).toBe('bytes');
    expect((await collect(whole.body)).equals(content)).toBe(true);
    expect((await mediaResponse(path, 'audio/webm', 'bytes=6000-')).status).toBe(416);
  });
});
