import { describe, expect, it } from 'vitest';
import { blobPath, classifyPath, isLayoutDirectory, segmentPath } from './folderLayout';

const dev = '0123456789abcdef';
const sha = 'a'.repeat(64);

describe('folder layout', () => {
  it('names and recognises segments, blobs and the genesis file', () => {
    expect(segmentPath(dev, 1, 12)).toBe(`devices/${dev}/segments/000000000001-000000000012.json`);
    expect(classifyPath(segmentPath(dev, 1, 12))).toEqual({
      type: 'segment',
      deviceId: dev,
      first: 1,
      last: 12,
      conflictCopy: false,
    });
    expect(classifyPath(blobPath(dev, sha))).toEqual({
      type: 'blob',
      deviceId: dev,
      sha256: sha,
      conflictCopy: false,
    });
    expect(classifyPath('group.json')).toEqual({ type: 'genesis', conflictCopy: false });
  });

  it('reads conflict copies as the file they copy', () => {
    const seg = `devices/${dev}/segments/000000000003-000000000003`;
    expect(classifyPath(`${seg}.sync-conflict-20261126-120501-ABCDEF7.json`)).toMatchObject({
      type: 'segment',
      first: 3,
      conflictCopy: true,
    });
    expect(classifyPath(`${seg} (conflicted copy 2026-11-26).json`)).toMatchObject({
      type: 'segment',
      conflictCopy: true,
    });
    expect(classifyPath(`${seg} (Ana's conflicted copy 2026-11-26).json`)).toMatchObject({
      type: 'segment',
      conflictCopy: true,
    });
    expect(classifyPath('group.sync-conflict-20261126-120501-ABCDEF7.json')).toEqual({
      type: 'genesis',
      conflictCopy: true,
    });
  });

  it("skips files in flight and sync tools' own files", () => {
    expect(classifyPath(`devices/${dev}/segments/.syncthing.000000000001-000000000001.json.tmp`)).toEqual({
      type: 'in-flight',
      tool: 'syncthing',
    });
    expect(classifyPath(`devices/${dev}/segments/.000000000001-000000000001.json.icloud`)).toEqual({
      type: 'in-flight',
      tool: 'icloud',
    });
    expect(classifyPath(`devices/${dev}/segments/.lectern-abc.tmp`)).toEqual({
      type: 'in-flight',
      tool: 'lectern',
    });
    expect(classifyPath('.stfolder')).toEqual({ type: 'tool-file' });
    expect(classifyPath('.stversions/x')).toEqual({ type: 'tool-file' });
  });

  it('calls anything else unexpected', () => {
    for (const p of [
      'notes.txt',
      `devices/${dev}/segments/1.json`,
      `devices/XYZ/segments/000000000001-000000000001.json`,
      `devices/${dev}/blobs/${sha}.mp3`,
      `devices/${dev}/other/x`,
    ]) {
      expect(classifyPath(p)).toEqual({ type: 'unexpected' });
    }
    expect(isLayoutDirectory('devices')).toBe(true);
    expect(isLayoutDirectory(`devices/${dev}/blobs`)).toBe(true);
    expect(isLayoutDirectory(`devices/${dev}/x`)).toBe(false);
  });
});
