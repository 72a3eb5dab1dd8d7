// 分享视频演讲：小林（成员）有一段摄像头录的视频演讲，先只分享音频（小得多），再连同画面分享；
// 王教练（教练）在社群动态里看到两条，类型和大小都对。教练在规则里把单个文件上限设为 1 MB（比视频小），
// 小林再分享视频时被拒绝，提示写明上限并建议只分享音频；只分享音频照常成功。
// 分享选择和上限设置都截了中英文、浅色和深色的图。
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LecternError } from '../../shared/api/errors';
import { pageApi } from './colourVideo';
import { chooseSegment, expect, screenshot, screenshotBothSchemes, test } from './fixtures';
import { approveFirstApplicant, createGroup, joinGroup, memberPage } from './groupMembers';

const GROUP = '视频演讲社';
const TITLE = '镜头前的即兴演讲';
const MB = 1024 * 1024;

/** 8 s of a noisy test picture (VP8, about 1.5 MB: it does not compress) with a tone (Opus), by ffmpeg. */
function cameraWebm(dir: string): string {
  const file = join(dir, 'camera.webm');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25,noise=alls=40:allf=t'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=220:sample_rate=48000', '-t', '8'],
    ...['-c:v', 'libvpx', '-b:v', '1500k', '-deadline', 'realtime', '-cpu-used', '8'],
    ...['-c:a', 'libopus', '-b:a', '32k', file],
  ]);
  return file;
}

/** Opens the library's share action for the speech; a video asks how to share it. */
async function openShare(page: Page, actions: RegExp, share: RegExp) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // keys go to the app
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: actions }).click();
  await page.getByRole('menuitem', { name: share }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('share-size')).toHaveCount(2); // the sizes are known
}

test('视频演讲可以只分享音频或连同画面分享，教练能限制单个文件的大小', async ({ browser }) => {
  test.setTimeout(180_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-video-share-'));
  const coach = await memberPage(browser, 'zh-CN', undefined, '王教练');
  const member = await memberPage(browser, 'zh-CN', undefined, '小林');
  const c = coach.page;
  const m = member.page;
  try {
    // 王教练建社群，小林申请加入，教练批准。
    await createGroup(c, folder, GROUP);
    await joinGroup(m, folder);
    await c.getByRole('tab', { name: '成员' }).click();
    await approveFirstApplicant(c);
    await expect(m.getByRole('tab', { name: '动态' })).toBeVisible({ timeout: 15_000 });

    // 小林的视频演讲：通过页面所用的 speeches 接口放进演讲库（开始、写入字节和波形、完成）。
    const memberApi = await pageApi(m, member.host.origin);
    const bytes = await readFile(cameraWebm(folder));
    const sampleRate = 48_000;
    const { speechId } = await memberApi.call('speeches.begin', {
      source: 'recording',
      mimeType: 'video/webm',
      title: TITLE,
      language: 'zh',
      sampleRate,
      samplesPerPixel: sampleRate / 100,
    });
    const peaks = new Int8Array(8 * 100 * 2).map((_, i) => (i % 2 ? 50 : -50));
    await memberApi.call('speeches.append', {
      speechId,
      audio: new Uint8Array(bytes),
      peaks: new Uint8Array(peaks.buffer),
    });
    const speech = await memberApi.call('speeches.finish', { speechId, durationMs: 8000 });
    expect(speech.byteSize).toBeGreaterThan(MB);

    // 分享时先问：连同画面，还是只分享音频；两种都写出大小（音频是估算的，“约”）。
    const actions = new RegExp(`${TITLE}”的操作`);
    await openShare(m, actions, /^分享到社群/);
    const dialog = m.getByRole('dialog');
    const videoChoice = dialog.getByRole('radio', { name: /视频（含声音）/ });
    const audioChoice = dialog.getByRole('radio', { name: /只分享音频/ });
    await expect(videoChoice).toBeChecked();
    await expect(dialog.getByTestId('share-video').getByTestId('share-size')).toHaveText(/^1\.\d\sMB$/);
    await expect(dialog.getByTestId('share-audio').getByTestId('share-size')).toHaveText(
      /^约 \d+(\.\d)?\skB$/,
    );
    await screenshotBothSchemes(m, 'video-share-choice-zh', { checked: ['light'], window: true });

    // 先只分享音频。
    await audioChoice.click();
    await dialog.getByRole('button', { name: '分享', exact: true }).click();
    await expect(m.getByText(`已分享到 ${GROUP}`)).toBeVisible();
    await expect(dialog).toBeHidden();
    // 再连同画面分享。
    await openShare(m, actions, /^分享到社群/);
    await expect(videoChoice).toBeChecked();
    await dialog.getByRole('button', { name: '分享', exact: true }).click();
    await expect(dialog).toBeHidden();

    // 王教练在动态里看到两条：一条视频、一条音频，大小都对。
    await c.getByRole('tab', { name: '动态' }).click();
    await expect(c.getByTestId('feed-item')).toHaveCount(2, { timeout: 15_000 });
    const media = c.getByTestId('feed-media');
    await expect(media).toHaveText([/^ · 视频，1\.\d\sMB$/, /^ · 音频，\d+(\.\d)?\skB$/]);
    const coachApi = await pageApi(c, coach.host.origin);
    const { groupId } = (await coachApi.call('group.list', {}))[0]!;
    const shared = async () =>
      (await coachApi.call('group.view', { groupId })).feed.flatMap((f) =>
        f.type === 'recording' ? [{ mime: f.mime, byteSize: f.byteSize }] : [],
      );
    const [video, audio] = await shared(); // newest first
    expect(video).toEqual({ mime: 'video/webm', byteSize: speech.byteSize });
    expect(audio!.mime).toBe('audio/webm');
    expect(audio!.byteSize).toBeLessThan(speech.byteSize / 10);

    // 教练在规则里设上限：1 MB，比视频小、比音频大。
    await c.getByRole('tab', { name: '积分榜' }).click();
    await c.getByRole('button', { name: '修改规则' }).click();
    const rules = c.getByRole('dialog');
    const cap = rules.getByRole('textbox', { name: '成员分享的单个文件上限' });
    await expect(cap).toHaveValue(''); // 留空：不限
    await cap.fill('1');
    await screenshotBothSchemes(c, 'share-limit-setting-zh', { checked: ['light'], window: true });
    await rules.getByRole('button', { name: '从现在起生效' }).click();
    await expect(rules).toBeHidden();
    const panel = c.getByTestId('rules-panel');
    await expect(panel.getByRole('row', { name: /成员分享的单个文件上限/ })).toContainText(/1\sMB/);

    // 小林再分享视频：超出上限，分享前就被拒绝，提示写明上限和视频大小，并建议只分享音频。
    await memberApi.call('group.syncNow', { groupId });
    await openShare(m, actions, /^分享到社群/);
    await expect(dialog.getByTestId('share-limit')).toHaveText(/^本社群每个文件最大 1\sMB。$/);
    await expect(audioChoice).toBeChecked(); // 视频超出上限：默认选音频
    await expect(dialog.getByTestId('share-video')).toContainText('超出上限');
    await videoChoice.click();
    await expect(dialog.getByRole('alert')).toHaveText(
      /^本社群每个文件最大 1\sMB，这段视频有 1\.\d\sMB，所以没有分享。可以改为只分享音频：文件小得多。$/,
    );
    await expect(dialog.getByRole('button', { name: '分享', exact: true })).toBeDisabled();
    await screenshotBothSchemes(m, 'video-share-over-limit-zh', { checked: ['light'], window: true });
    // 绕过界面直接调用也一样：主进程在复制任何内容之前就拒绝。
    const refused = await memberApi.call('group.shareSpeech', { groupId, speechId, picture: true }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(LecternError);
    expect(refused).toMatchObject({
      messageKey: 'errors.shareTooLargeVideo',
      details: { maxBytes: MB, byteSize: speech.byteSize },
    });

    // 只分享音频照常成功。
    await audioChoice.click();
    await expect(dialog.getByRole('alert')).toBeHidden();
    await dialog.getByRole('button', { name: '分享', exact: true }).click();
    await expect(dialog).toBeHidden();
    await c.getByRole('tab', { name: '动态' }).click();
    await expect(c.getByTestId('feed-item')).toHaveCount(3, { timeout: 15_000 });
    expect((await shared()).map((r) => r.mime)).toEqual(['audio/webm', 'video/webm', 'audio/webm']);
    await c.getByTestId('feed-item').first().scrollIntoViewIfNeeded();
    await screenshot(c, 'video-share-feed-zh', { window: true });

    // 英文界面的截图：小林的分享选择，教练的上限设置。
    await m.keyboard.press('Control+,');
    await chooseSegment(m, 'English');
    await openShare(m, /^Actions for/, /^Share with group/);
    await m
      .getByRole('dialog')
      .getByRole('radio', { name: /Video with sound/ })
      .click();
    await expect(m.getByRole('dialog').getByRole('alert')).toContainText(
      /This group takes files of at most 1\sMB, and this video is/,
    );
    await screenshotBothSchemes(m, 'video-share-over-limit-en', { window: true });
    await m
      .getByRole('dialog')
      .getByRole('radio', { name: /Audio only/ })
      .click();
    await screenshotBothSchemes(m, 'video-share-choice-en', { window: true });

    await c.keyboard.press('Control+,');
    await chooseSegment(c, 'English');
    await c.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await c.keyboard.press('Control+5');
    await c.getByRole('tab', { name: 'Standings' }).click();
    await expect(c.getByTestId('rules-panel').getByRole('row', { name: /Largest file/ })).toContainText(
      /1\sMB/,
    );
    await c.getByRole('button', { name: 'Change the rules' }).click();
    await expect(
      c.getByRole('dialog').getByRole('textbox', { name: 'Largest file a member may share' }),
    ).toHaveValue('1 MB');
    await screenshotBothSchemes(c, 'share-limit-setting-en', { window: true });
  } finally {
    await coach.host.close();
    await member.host.close();
  }
});
