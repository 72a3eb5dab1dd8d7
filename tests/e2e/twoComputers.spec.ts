// Two computers as a real group runs them: the coach and a member each on their own data folder and
// their own copy of the group folder, two real Syncthing instances on 127.0.0.1 moving files between
// the copies, the coach's side receiving slowly (a small segment lands well before the big audio).
// The coach's feed offers 播放 once the audio has landed, with no click; then the member withdraws
// the speech while the coach has it open, and the coach's player gives way to a calm notice; last, a
// file written on both computers while Syncthing was paused leaves a conflict copy the status lists.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSyncthing, SyncthingPair } from '../integration/syncthing/syncthingPair';
import { expect, screenshot, test } from './fixtures';
import { fakeMicrophoneWav } from './fakeMicrophone';
import { approveFirstApplicant, createGroup, joinGroup, memberPage, withdrawOwnSpeech } from './groupMembers';

const syncthing = findSyncthing();
/**
 * The coach's side receives at most this many KiB a second (after Syncthing's burst of about half a
 * MiB): the 3 MB speech takes some 25 s to land, its event segment a moment.
 */
const COACH_RECEIVE_KIBPS = 100;

/** A speech recorded on a phone, about 3 MB: the fake microphone's words, 16 s of 48 kHz stereo WAV. */
function phoneRecording(dir: string): string {
  const file = join(dir, '手机录音.wav');
  execFileSync('sox', [
    fakeMicrophoneWav,
    '-r',
    '48000',
    '-c',
    '2',
    '-b',
    '16',
    file,
    'repeat',
    '3',
    'trim',
    '0',
    '16',
  ]);
  return file;
}

test.skip(!syncthing, 'needs Debian’s syncthing (.ci/run installs it)');

test('两台电脑、两份文件夹、Syncthing 在中间：音频一到就能播放，撤回的演讲在教练那里平静收起', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const base = await mkdtemp(join(tmpdir(), 'lectern-two-computers-'));
  const pair = new SyncthingPair(base, syncthing!, { a: COACH_RECEIVE_KIBPS });
  await pair.start();
  const coach = await memberPage(browser, 'zh-CN', undefined, '王老师');
  const member = await memberPage(browser, 'en-US', undefined, 'Ada');
  try {
    // 教练在自己那份文件夹里建社群；Syncthing 把它带到 Ada 那份，Ada 从她那份加入。
    await createGroup(coach.page, pair.a.folder, '双机演讲会');
    await expect.poll(() => existsSync(join(pair.b.folder, 'group.json')), { timeout: 30_000 }).toBe(true);
    await joinGroup(member.page, pair.b.folder);
    const b = coach.page;
    await b.getByRole('tab', { name: '成员' }).click();
    await approveFirstApplicant(b);
    await expect(member.page.getByRole('tab', { name: 'Feed' })).toBeVisible({ timeout: 30_000 });

    // Ada 导入手机上的一段录音（约 3 MB）分享出去。教练这边先收到小小的事件段：动态里有这篇演讲，音频仍在同步中……
    const phone = phoneRecording(base);
    expect(statSync(phone).size).toBeGreaterThan(2_500_000);
    const a = member.page;
    await a.keyboard.press('Control+3');
    await a.locator('input[type=file]').setInputFiles(phone);
    await expect(a.getByTestId('speech-row')).toHaveCount(1, { timeout: 30_000 });
    await a.getByRole('button', { name: /^Actions for/ }).click();
    await a.getByRole('menuitem', { name: 'Share with group' }).click();
    await expect(a.getByText('Shared with 双机演讲会')).toBeVisible();
    await b.getByRole('tab', { name: '动态' }).click();
    const item = b.getByTestId('feed-item').filter({ hasText: '手机录音' });
    await expect(item.getByText('音频仍在同步中')).toBeVisible({ timeout: 30_000 });
    const audioLanded = Date.now();
    await screenshot(b, 'two-computers-audio-arriving-zh');
    // ……音频一落地，不用点任何东西，“播放”就出现了。
    await expect(item.getByRole('button', { name: '播放' })).toBeVisible({ timeout: 60_000 });
    console.log(
      `two computers: 播放 appeared ${((Date.now() - audioLanded) / 1000).toFixed(1)} s after the badge`,
    );
    const blobs = await readdir(pair.a.folder, { recursive: true });
    expect(blobs.filter((name) => /blobs\/[0-9a-f]{64}$/.test(name.replaceAll('\\', '/')))).toHaveLength(2);

    // 教练打开它；Ada 撤回。教练的播放器收起，原处说明它已不再分享，没有报错。
    await item.getByRole('button', { name: '播放' }).click();
    await expect(b.getByTestId('waveform').locator('canvas').first()).toBeVisible();
    await withdrawOwnSpeech(a);
    const gone = b.getByTestId('recording-gone');
    await expect(gone).toBeVisible({ timeout: 30_000 });
    await expect(b.getByTestId('waveform')).toHaveCount(0);
    await expect(b.getByText('出了点问题')).toHaveCount(0);
    await screenshot(b, 'two-computers-withdrawn-zh');

    // 两台电脑写了同一个文件（像两台电脑用着同一个讲台数据文件夹）：Syncthing 暂停时两边各写一份，
    // 恢复后它留下一份冲突副本。教练的同步状态把它列出来，说明是什么、该怎么办。
    const segments = (await readdir(join(pair.a.folder, 'devices'), { recursive: true }))
      .map((name) => name.replaceAll('\\', '/'))
      .find((name) => name.endsWith('/segments'));
    expect(segments).toBeDefined();
    const twice = join('devices', segments!, '999999999998-999999999999.json');
    const folderPath = `/rest/config/folders/${pair.folderId}`;
    for (const side of [pair.a, pair.b]) await side.rest(folderPath, 'PATCH', { paused: true });
    await writeFile(join(pair.a.folder, twice), '{"written":"on the coach\'s computer"}');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // Ada's copy is the newer one
    await writeFile(join(pair.b.folder, twice), '{"written":"on Ada\'s computer, a little later"}');
    for (const side of [pair.a, pair.b]) await side.rest(folderPath, 'PATCH', { paused: false });
    await expect
      .poll(
        async () =>
          (await readdir(pair.a.folder, { recursive: true })).some((n) => n.includes('.sync-conflict-')),
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
    await b.getByTestId('sync-status').click();
    await expect(b.getByText(/^发现 1 个同步冲突副本/)).toBeVisible({ timeout: 15_000 });
    // Named twice: as a conflict copy, and among the files set aside (what was written is no segment).
    await expect(b.getByText(/999999999998-999999999999\.sync-conflict-/)).toHaveCount(2);
    await screenshot(b, 'two-computers-conflict-copy-zh');
  } finally {
    await coach.host.close();
    await member.host.close();
    await pair.stop();
    await rm(base, { recursive: true, force: true });
  }
});
