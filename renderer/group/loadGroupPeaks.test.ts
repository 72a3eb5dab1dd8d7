// @vitest-environment happy-dom
// A shared speech's peaks from the group folder: the compact file any Lectern writes, another valid
// layout of the same document, and a file that is not peaks at all (a clear error, no crash).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { peaksFromBytes } from '../../shared/audio/peaks';
import { loadGroupPeaks } from './loadGroupPeaks';

vi.hoisted(() => {
  window.lectern = { invoke: async () => ({}), subscribe: () => () => {} } as never;
});

const peaks = peaksFromBytes(new Uint8Array(Int8Array.from([-128, 127, 0, -1, 5, 42]).buffer), 48_000, 480);

function serve(body: string, ok = true) {
  vi.stubGlobal('fetch', async () => new Response(body, { status: ok ? 200 : 404 }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadGroupPeaks', () => {
  it('reads the peaks a member shared, compact or pretty-printed', async () => {
    serve(JSON.stringify(peaks));
    expect(Array.from(await loadGroupPeaks('/media/group/peaks'))).toEqual([-128, 127, 0, -1, 5, 42]);
    serve(JSON.stringify(peaks, null, 2));
    expect(Array.from(await loadGroupPeaks('/media/group/peaks'))).toEqual([-128, 127, 0, -1, 5, 42]);
  });

  it('says the audio is unreadable when the file is not peaks, and that it is on its way when missing', async () => {
    serve('{"version":2,"data":[1,2,300');
    await expect(loadGroupPeaks('/media/group/peaks')).rejects.toMatchObject({ code: 'invalid_input' });
    serve('not json');
    await expect(loadGroupPeaks('/media/group/peaks')).rejects.toMatchObject({ code: 'invalid_input' });
    serve('', false);
    await expect(loadGroupPeaks('/media/group/peaks')).rejects.toMatchObject({ code: 'unavailable' });
  });
});
