// Forms say what is wrong instead of changing what was typed (issue #14, items 5 and 6), in Chinese:
// a reflection longer than a shared one may be is not sent, with its length, the limit and what to do;
// a 10,000-character title stays 10,000 characters and is named too long, −3 minutes stays −3, a series
// starting in 2020 is refused beside its date, −10 points stays −10, and renaming a speech to nothing
// says why instead of greying out Save. Nothing is written until the fields are right.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test, waitForRecordClock } from './fixtures';
import { fillDate } from './dateFields';
import { createGroup, memberPage } from './groupMembers';

test.use({ actionTimeout: 20_000 });

async function coachWithGroup(browser: Parameters<typeof memberPage>[0]) {
  const folder = await mkdtemp(join(tmpdir(), 'lectern-forms-'));
  const coach = await memberPage(browser, 'zh-CN', 'Asia/Shanghai', '张教练');
  await createGroup(coach.page, folder, '周日演讲会');
  return coach;
}

/** A journal entry with this title and text, saved. */
async function writeEntry(page: Page, title: string, text: string) {
  await page.keyboard.press('Control+4');
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('textbox', { name: '标题' })).toHaveValue('');
  await page.getByRole('textbox', { name: '标题' }).fill(title);
  await page.getByRole('textbox', { name: '反思' }).fill(text);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

test('分享超过两万字的反思：先说明有多长、上限多少、该怎么办，不发送', async ({ browser }) => {
  test.setTimeout(120_000);
  const coach = await coachWithGroup(browser);
  const page = coach.page;
  try {
    await writeEntry(page, '一篇很长的反思', '长'.repeat(20_001));
    await page.getByRole('button', { name: '分享到社群' }).click();
    await page.getByRole('menuitem', { name: '周日演讲会' }).click();
    const notice = page.getByRole('alert').filter({ hasText: '没有分享' });
    await expect(notice).toContainText('这篇反思有 20,001 个字符，超过了分享的上限 20,000 个');
    await expect(notice).toContainText('删减到 20,000 个字符以内，或分成几篇分别分享');
    await expect(page.getByText('应用发送了不正确的数据')).toHaveCount(0);
    await expectAccessible(page, 'reflection too long to share');
    await screenshot(page, 'share-too-long-zh');

    // Nothing reached the group; one character fewer, and it is shared.
    await page.keyboard.press('Control+5');
    await expect(page.getByText('还没有人分享内容')).toBeVisible();
    await writeEntry(page, '刚好两万字', '长'.repeat(20_000));
    await page.getByRole('button', { name: '分享到社群' }).click();
    await page.getByRole('menuitem', { name: '周日演讲会' }).click();
    await expect(page.getByText('已分享到 周日演讲会')).toBeVisible();
  } finally {
    await coach.host.close();
  }
});

test('表单不会悄悄改掉输入的值：超长标题、负数时长、2020 年开始、负分、空标题都在字段旁说明', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const coach = await coachWithGroup(browser);
  const page = coach.page;
  const dialog = page.getByRole('dialog');
  try {
    await page.getByRole('tab', { name: '作业' }).click();
    await page.getByRole('button', { name: '布置作业' }).click();
    const title = dialog.getByRole('textbox', { name: '标题' });
    await title.fill('题'.repeat(10_000));
    await expect(title).toHaveValue('题'.repeat(10_000)); // not cut to 200
    await expect(dialog).toContainText('太长了：最多 200 个字符，现在有 10,000 个。');
    const shortest = dialog.getByRole('textbox', { name: '目标时长下限（分钟）' });
    await shortest.fill('-3');
    await shortest.blur();
    await expect(shortest).toHaveValue('-3'); // not turned into 0
    await expect(dialog).toContainText('不能小于 0。');
    await fillDate(dialog, '第一周开始日期', '2020-01-06');
    await expect(dialog).toContainText('第一周不能早于今天');
    await expectAccessible(page, 'assignment form with problems');
    await screenshot(page, 'assignment-form-problems-zh');
    await dialog.getByRole('button', { name: '布置', exact: true }).click();
    await expect(dialog).toContainText('请先改正上面标出的问题，再保存。');
    await expect(page.getByTestId('assignment-card')).toHaveCount(0);
    await page.keyboard.press('Escape');

    // −10 points stays −10, with the reason beside it; the rules stay as they were.
    await page.getByRole('tab', { name: '积分榜' }).click();
    await page.getByRole('button', { name: '修改规则' }).click();
    const penalty = dialog.getByRole('textbox', { name: '缺交扣分', exact: true });
    await penalty.fill('-10');
    await penalty.blur();
    await expect(penalty).toHaveValue('-10');
    await expect(dialog).toContainText('不能小于 0。');
    await dialog.getByRole('button', { name: '从现在起生效' }).click();
    await expect(dialog).toContainText('请先改正上面标出的问题，再保存。');
    await screenshot(page, 'rules-form-problems-zh');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('rules-panel')).toContainText('初始规则');

    // Renaming a speech to nothing: Save is there to press, and says why not.
    await page.keyboard.press('Control+2');
    await page.keyboard.press('r');
    await waitForRecordClock(page, 1);
    await page.keyboard.press('r');
    await expect(page.getByText('录音已保存')).toBeVisible();
    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: /^“.+”的操作$/ }).click();
    await page.getByRole('menuitem', { name: '重命名' }).click();
    await dialog.getByRole('textbox', { name: '标题' }).fill('');
    const save = dialog.getByRole('button', { name: '保存' });
    await expect(save).toBeEnabled();
    await save.click();
    await expect(dialog).toContainText('请填写这一项。');
    await expectAccessible(page, 'rename with an empty title');
    await screenshot(page, 'rename-empty-zh');
  } finally {
    await coach.host.close();
  }
});
