// 一条路从“本周的演讲”走到“已打卡”（issue #14 第 7、9、13 项）：教练建好社群就看到怎么邀请成员；
// 成员为作业录音，在“录音已保存”里直接打卡，首页“查看作业”打开的是作业页；社群文件夹不在时，
// 分享会说“等文件夹恢复后分享”，自己的分享马上出现在动态里，旧的演讲说文件夹无法访问。
import { mkdir, mkdtemp, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test, waitForRecordClock } from './fixtures';
import { approveFirstApplicant, chooseFolder, createGroup, memberPage } from './groupMembers';

test.use({ actionTimeout: 20_000 });

/** 录到应用自己的计时器显示 0:02 再停。 */
async function recordTwoSeconds(page: Page) {
  await expect(page.getByRole('heading', { name: '录制', level: 1 })).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // R types in a field
  await page.keyboard.press('r');
  await waitForRecordClock(page, 2);
  await page.keyboard.press('r');
  await expect(page.getByText('录音已保存')).toBeVisible();
}

/** 在录制页起个标题录两秒，再从演讲库把它分享到社群。 */
async function recordAndShare(page: Page, title: string) {
  await page.keyboard.press('Control+2');
  await page.getByRole('textbox', { name: '标题' }).fill(title);
  await recordTwoSeconds(page);
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: `“${title}”的操作` }).click();
  await page.getByRole('menuitem', { name: '分享到社群' }).click();
}

test('教练建好社群就知道怎么邀请；成员为作业录音后直接打卡，首页“查看作业”打开作业页', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-assignment-flow-'));
  const coach = await memberPage(browser, 'zh-CN', 'Asia/Shanghai', '张教练');
  const member = await memberPage(browser, 'zh-CN', 'Asia/Shanghai', '小明');
  try {
    // 教练创建社群：马上看到“邀请成员”，有文件夹路径和三种同步方式。
    await createGroup(coach.page, folder, '周日演讲会');
    const invite = coach.page.getByRole('region', { name: '邀请成员' });
    await expect(invite.getByTestId('invite-folder')).toHaveText(folder);
    for (const tool of ['Syncthing', '坚果云', '网络盘', '成员要做什么'])
      await expect(invite.getByRole('heading', { name: tool })).toBeVisible();
    await expect(invite).toContainText('逐位核对验证码');
    await screenshot(coach.page, 'invite-panel-zh');
    await expectAccessible(coach.page, 'invite panel');
    await invite.getByRole('button', { name: '完成' }).click();
    await expect(invite).toBeHidden();
    // 之后随时可以从社群页顶部再打开。
    await coach.page.getByRole('button', { name: '邀请成员' }).click();
    await expect(
      coach.page.getByRole('region', { name: '邀请成员' }).getByTestId('invite-folder'),
    ).toHaveText(folder);
    await coach.page.getByRole('button', { name: '关闭邀请步骤' }).click();

    // 小明按面板上说的加入，教练核对验证码后批准。
    await member.page.keyboard.press('Control+5');
    await member.page.getByRole('button', { name: '加入社群' }).first().click();
    await chooseFolder(member.page, folder);
    await member.page.getByRole('checkbox', { name: '我已阅读并同意社群公约' }).check();
    await member.page.getByRole('button', { name: '申请加入' }).click();
    await expect(member.page.getByText('等待教练批准')).toBeVisible();
    await coach.page.getByRole('tab', { name: '成员' }).click();
    await approveFirstApplicant(coach.page);

    // 教练布置本周作业（每周日 21:00 截止）。
    await coach.page.getByRole('tab', { name: '作业' }).click();
    await coach.page.getByRole('button', { name: '布置作业' }).click();
    await coach.page.getByRole('button', { name: '题目灵感' }).click();
    await coach.page.getByRole('menuitem', { name: '一分钟自我介绍' }).click();
    await coach.page.getByRole('dialog').getByRole('button', { name: '布置', exact: true }).click();
    await expect(coach.page.getByTestId('assignment-card')).toContainText('一分钟自我介绍');

    // 小明为作业录音；保存后的提示里就有“打卡”，选好的正是刚录的这段。
    await member.page.keyboard.press('Control+5');
    await member.page.getByRole('tab', { name: '作业' }).click({ timeout: 30_000 });
    const card = member.page.getByTestId('assignment-card');
    await expect(card).toContainText('一分钟自我介绍', { timeout: 20_000 });
    await card.getByRole('button', { name: '为这个作业录音' }).click();
    await recordTwoSeconds(member.page);
    const saved = member.page.getByTestId('recording-saved');
    await expect(saved.getByRole('button', { name: '打卡', exact: true })).toBeVisible();
    await screenshot(member.page, 'recording-saved-check-in-zh');
    await expectAccessible(member.page, 'saved banner with check-in');
    await saved.getByRole('button', { name: '打卡', exact: true }).click();
    const dialog = member.page.getByRole('dialog', { name: '打卡：一分钟自我介绍' });
    await expect(dialog.getByRole('combobox', { name: '你的演讲' })).toHaveValue(/^一分钟自我介绍 · 0:0\d$/);
    await dialog.getByRole('button', { name: '打卡', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(saved).toContainText('已为“一分钟自我介绍”打卡');
    await expect(saved.getByRole('button', { name: '打卡', exact: true })).toBeHidden();

    // 首页：“查看作业”打开社群的作业页，这周已按时打卡。
    await member.page.keyboard.press('Control+5');
    await member.page.getByRole('tab', { name: '动态' }).click();
    await member.page.keyboard.press('Control+1');
    await member.page.getByRole('button', { name: '查看作业' }).click();
    await expect(member.page.getByRole('tab', { name: '作业' })).toHaveAttribute('aria-selected', 'true');
    await expect(card).toContainText('已按时打卡');
  } finally {
    await coach.host.close();
    await member.host.close();
  }
});

test('社群文件夹不在时分享：提示等文件夹恢复，自己的分享马上出现在动态里', async ({ browser }) => {
  test.setTimeout(150_000);
  const folder = join(await mkdtemp(join(tmpdir(), 'lectern-away-')), '网络盘');
  await mkdir(folder);
  const coach = await memberPage(browser, 'zh-CN', 'Asia/Shanghai', '张教练');
  const page = coach.page;
  try {
    await createGroup(page, folder, '周日演讲会');
    await page.getByRole('button', { name: '关闭邀请步骤' }).click();
    await recordAndShare(page, '上周的演讲');
    await expect(page.getByText('已分享到 周日演讲会')).toBeVisible();
    await expect(page.getByText('已分享到 周日演讲会')).toBeHidden({ timeout: 15_000 });

    // 网络盘断开了。
    await rename(folder, `${folder}-断开`);
    await recordAndShare(page, '断网时的演讲');
    const toast = page.getByRole('alert').filter({ hasText: '等待社群文件夹' });
    await expect(toast).toContainText(
      '已保存在这台电脑上。社群“周日演讲会”的文件夹现在无法访问，恢复后会自动分享。',
    );
    await expect(page.getByText('已分享到 周日演讲会')).toHaveCount(0);
    await screenshot(page, 'folder-away-toast-zh');

    await page.keyboard.press('Control+5');
    await page.getByRole('tab', { name: '动态' }).click();
    const mine = page.getByTestId('feed-item').filter({ hasText: '断网时的演讲' });
    await expect(mine.getByTestId('feed-waiting')).toHaveText('等文件夹恢复后分享');
    const older = page.getByTestId('feed-item').filter({ hasText: '上周的演讲' });
    await expect(older).toContainText('无法访问社群文件夹');
    await expect(older).not.toContainText('音频仍在同步中');
    await screenshot(page, 'folder-away-feed-zh');
    await expectAccessible(page, 'feed with the folder away');

    // 断网时布置作业：同样先存在这台电脑上，提示等文件夹恢复，作业马上可见。
    await page.getByRole('alert').getByRole('button', { name: '关闭' }).click();
    await page.getByRole('tab', { name: '作业' }).click();
    await page.getByRole('button', { name: '布置作业' }).click();
    await page.getByRole('button', { name: '题目灵感' }).click();
    await page.getByRole('menuitem', { name: '一分钟自我介绍' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '布置', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: '等待社群文件夹' })).toContainText('周日演讲会');
    await expect(page.getByTestId('assignment-card')).toContainText('一分钟自我介绍');
    await page.getByRole('tab', { name: '动态' }).click();

    // 网络盘回来了：写进文件夹，不再等待。
    await rename(`${folder}-断开`, folder);
    await page.getByTestId('sync-status').click();
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect(mine.getByTestId('feed-waiting')).toHaveCount(0, { timeout: 20_000 });
    await expect(mine.getByRole('button', { name: '播放' })).toBeVisible();
  } finally {
    await coach.host.close();
  }
});

test('Invite members, in English: the folder path and the steps; notifications asked from a button', async ({
  browser,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'lectern-invite-en-'));
  const coach = await memberPage(browser, 'en-US', 'Europe/Berlin', 'Coach Kim');
  const page = coach.page;
  try {
    await page.keyboard.press('Control+5');
    await page.getByRole('button', { name: 'Create a group' }).first().click();
    await chooseFolder(page, folder);
    await page.getByRole('textbox', { name: 'Group name' }).fill('Sunday Speakers');
    await page.getByRole('button', { name: 'Create group' }).click();
    const invite = page.getByRole('region', { name: 'Invite members' });
    await expect(invite.getByTestId('invite-folder')).toHaveText(folder);
    await expect(invite).toContainText('compare the code digit by digit');
    await screenshot(page, 'invite-panel-en');
    await expectAccessible(page, 'invite panel (en)');

    // Reminders ask for notifications only from their own button in Settings.
    await page.keyboard.press('Control+,');
    const reminders = page.getByRole('group', { name: 'Reminders before deadlines' });
    await expect(reminders.getByRole('button', { name: 'Allow desktop notifications' })).toBeVisible();
    await screenshot(page, 'settings-notifications-en');
    await expectAccessible(page, 'settings reminders (en)');
  } finally {
    await coach.host.close();
  }
});
