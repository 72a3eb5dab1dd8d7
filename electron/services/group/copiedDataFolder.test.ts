// A data folder copied to another place (another computer, another path) keeps the member's key but
// not the device id: the copy gets its own, its clock goes on, the member is told once, and the
// original in place keeps its device id.
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../groupFolder/testGroupFolder';
import { MemberIdentity } from './memberIdentity';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('copied'));
});
afterEach(() => cleanup());

const keyFile = (dataDir: string) => path.join(dataDir, 'identity', 'member-key.json');

describe('a copied data folder', () => {
  it('gets a new device id with the same key and a later clock, and a notice shown until read', async () => {
    const original = path.join(root, 'laptop');
    const laptop = new MemberIdentity(original);
    const device = await laptop.current();
    const last = device.event('profile.update', { bio: 'hi' }, Date.parse('2030-01-01T00:00:00Z'));
    await laptop.save();
    const identity = new MemberIdentity(original);
    await identity.current();
    // The original, opened again in place: nothing changes, nothing to tell.
    expect(await identity.report()).toMatchObject({ deviceId: device.deviceId, notice: null });

    const copy = path.join(root, 'new-computer');
    await cp(original, copy, { recursive: true });
    const copied = new MemberIdentity(copy);
    const report = await copied.report();
    expect(report.keyId).toBe(device.key.keyId);
    expect(report.deviceId).not.toBe(device.deviceId);
    expect(report.notice).toMatchObject({ kind: 'device-renewed', previousDeviceId: device.deviceId });
    const copyDevice = await copied.current();
    const next = copyDevice.event('profile.update', { bio: 'later' }, Date.parse('2029-01-01T00:00:00Z'));
    // The clock goes on from the copy's, whatever the new computer's wall clock says.
    expect(next.hlc.slice(0, 29) > last.hlc.slice(0, 29)).toBe(true);

    // Until the member has read it, the notice survives a restart; after, it is gone for good.
    expect((await new MemberIdentity(copy).report()).notice).not.toBeNull();
    expect((await new MemberIdentity(copy).report()).deviceId).toBe(report.deviceId);
    const reopened = new MemberIdentity(copy);
    await reopened.dismissNotice();
    expect((await reopened.report()).notice).toBeNull();
    expect(await new MemberIdentity(copy).report()).toMatchObject({
      notice: null,
      deviceId: report.deviceId,
      keyId: device.key.keyId,
    });
    // The original stays what it was.
    expect((await new MemberIdentity(original).report()).deviceId).toBe(device.deviceId);
  });

  it('sets the previous device’s outbox aside, so the copy never publishes as that device', async () => {
    const original = path.join(root, 'a');
    const { deviceId } = await new MemberIdentity(original).current();
    const groupDir = path.join(original, 'groups', 'f'.repeat(64));
    await mkdir(path.join(groupDir, 'outbox'), { recursive: true });
    await writeFile(path.join(groupDir, 'outbox', '000000000001-000000000001.json'), 'segment');
    const copy = path.join(root, 'b');
    await cp(original, copy, { recursive: true });
    await new MemberIdentity(copy).current();
    const copiedGroup = path.join(copy, 'groups', 'f'.repeat(64));
    expect(await readdir(copiedGroup)).toEqual([`outbox.device-${deviceId}`]);
    expect(
      await readFile(
        path.join(copiedGroup, `outbox.device-${deviceId}`, '000000000001-000000000001.json'),
        'utf8',
      ),
    ).toBe('segment');
    // The original keeps its outbox where it is.
    expect(await readdir(groupDir)).toEqual(['outbox']);
    expect(JSON.parse(await readFile(keyFile(original), 'utf8')).deviceId).toBe(deviceId);
  });
});
