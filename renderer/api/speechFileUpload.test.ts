// The desktop's way to move an imported file: main copies it from the path Electron names (its bytes
// never cross IPC); a file with no path (made in memory) crosses in chunks; cancelling stops it.
import { describe, expect, it } from 'vitest';
import type { Contract, Events } from '../../shared/api/contract';
import type { ApiClient } from '../../shared/api/contractTypes';
import { createDesktopUpload } from './speechFileUpload';

const speechId = '00000000-0000-4000-8000-000000000001';

function fakes(path: string) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const api = {
    call: async (name: string, input: Record<string, unknown>) => {
      calls.push({ name, input });
      return { audioBytes: 0 };
    },
    on: () => () => {},
  } as unknown as ApiClient<Contract, Events>;
  const bridge = {
    invoke: async () => ({ ok: true as const, value: null }),
    subscribe: () => () => {},
    pathForFile: () => path,
  };
  return { calls, upload: createDesktopUpload(bridge, api) };
}

const file = new File([new Uint8Array(9 * 1024 * 1024).fill(7)], 'talk.mp3');

describe('createDesktopUpload', () => {
  it('has main copy a file from its path, sending no bytes', async () => {
    const { calls, upload } = fakes('/home/me/talk.mp3');
    const progress: number[] = [];
    await upload(speechId, file, { onProgress: (fraction) => progress.push(fraction) });
    expect(calls).toEqual([
      { name: 'speeches.importFrom', input: { speechId, path: '/home/me/talk.mp3', bytes: file.size } },
    ]);
    expect(progress).toEqual([1]);
  });

  it('sends a file with no path in chunks that add up to it', async () => {
    const { calls, upload } = fakes('');
    await upload(speechId, file);
    expect(calls.every((call) => call.name === 'speeches.append')).toBe(true);
    const sizes = calls.map((call) => (call.input.audio as Uint8Array).byteLength);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(file.size);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('stops when cancelled, sending nothing more', async () => {
    const { calls, upload } = fakes('');
    const controller = new AbortController();
    controller.abort();
    await expect(upload(speechId, file, { signal: controller.signal })).rejects.toThrow();
    expect(calls).toEqual([]);
  });
});
