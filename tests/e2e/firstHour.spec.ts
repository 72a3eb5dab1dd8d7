// The first hour of a coach, in Chinese (issue #14): what they write is never thrown away, the target
// they record against is the one the assignment set, and no assignment the group has goes missing.
// The host runs in this process, so a coach's clock that runs a few minutes fast is Date.now moved.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chooseSegment, expect, expectAccessible, screenshot, test, waitForRecordClock } from './fixtures';
import { fillDateTime } from './dateFields';
import { createGroup, memberPage, shanghai } from './groupMembers';

test.use({ actionTimeout: 20_000 });

const MIN = 60_000;
const H = 60 * MIN;
const realNow = Date.now.bind(Date);

/** A coach in Shanghai with a group of their own, on its Assignments tab. */
async function coachWithGroup(browser: Parameters<typeof memberPage>[0]) {
  const folder = await mkdtemp(join(tmpdir(), 'lectern-first-hour-'));
  const coach = await memberPage(browser, 'zh-CN', 'Asia/Shanghai', '张教练');
  await createGroup(coach.page, folder, '周日演讲会');
  return coach;
}

/** Records until the app's own timer reads 0:02, then stops. */
async function recordTwoSeconds(page: Page) {
  await page.keyboard.press('r');
  await waitForRecordClock(page, 2);
  await page.keyboard.press('r');
  await expect(page.getByText('录音已保存')).toBeVisible();
}

/** The coach sets a one-off assignment from the Assignments tab. */
async function setOneOff(
  page: Page,
  title: string,
  minutes: [string, string],
  submitBy: number,
  critiqueBy: number,
) {
  await page.getByRole('tab', { name: '作业' }).click();
  await page.getByRole('button', { name: '布置作业' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '标题' }).fill(title);
  await dialog.getByRole('textbox', { name: '目标时长下限（分钟）' }).fill(minutes[0]);
  await dialog.getByRole('textbox', { name: '目标时长上限（分钟）' }).fill(minutes[1]);
  await chooseSegment(page, '一次');
  const local = (ms: number) => `${shanghai(ms).date}T${shanghai(ms).time}`;
  await fillDateTime(dialog, '提交截止', local(submitBy));
  await fillDateTime(dialog, '点评截止', local(critiqueBy));
  return dialog;
}

test('写了一半的点评，勾选“附上评估表”再取消，写下的字一直都在', async ({ browser }) => {
  test.setTimeout(120_000);
  const coach = await coachWithGroup(browser);
  const page = coach.page;
  try {
    await page.keyboard.press('Control+2');
    await recordTwoSeconds(page);
    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: /^“.+”的操作$/ }).click();
    await page.getByRole('menuitem', { name: '分享到社群' }).click();
    await expect(page.getByText('已分享到 周日演讲会')).toBeVisible();
    await expect(page.getByText('已分享到 周日演讲会')).toBeHidden({ timeout: 15_000 }); // the toast, out of the picture

    await page.keyboard.press('Control+5');
    await page.getByRole('tab', { name: '动态' }).click();
    await page.getByTestId('feed-item').getByRole('button', { name: '播放' }).click();
    const waveform = page.getByTestId('waveform');
    await expect(waveform.locator('canvas').first()).toBeVisible();
    const box = (await waveform.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + 40);
    await page.keyboard.press('c');

    const words = '开场的停顿很有力量，眼神也很坚定。';
    await page.getByRole('textbox', { name: /^你在 0:0\d 处的点评$/ }).fill(words);
    await page.getByRole('checkbox', { name: '附上评估表' }).check();
    const note = page.getByRole('textbox', { name: '给评估表配几句话（可选）' });
    await expect(note).toHaveValue(words);
    await note.press('End');
    await note.pressSequentially('结尾可以再慢一点。');
    await screenshot(page, 'first-hour-composer-evaluation-zh');
    await expectAccessible(page, 'composer with the evaluation form');
    await page.getByRole('checkbox', { name: '附上评估表' }).uncheck();
    await expect(page.getByRole('textbox', { name: /^你在 0:0\d 处的点评$/ })).toHaveValue(
      `${words}结尾可以再慢一点。`,
    );
    await page.getByRole('button', { name: '发送' }).click();
    await expect(page.getByRole('article')).toContainText(`${words}结尾可以再慢一点。`);
  } finally {
    await coach.host.close();
  }
});

test('为作业录音时，目标时长就是作业的时长；自己选的目标下次还在', async ({ browser }) => {
  test.setTimeout(150_000);
  const coach = await coachWithGroup(browser);
  const page = coach.page;
  try {
    for (const [title, minutes] of [
      ['三分钟的故事', ['3', '4']],
      ['一分钟即兴', ['0', '1']],
    ] as const) {
      const dialog = await setOneOff(page, title, [...minutes], realNow() + 2 * H, realNow() + 26 * H);
      await dialog.getByRole('button', { name: '布置', exact: true }).click();
      await expect(page.getByTestId('assignment-card').filter({ hasText: title })).toBeVisible();
    }
    const target = page.getByRole('combobox', { name: '目标时长' });
    const light = page.locator('[data-light]').getByRole('status');

    // The 3–4 min assignment: the field names it, and the timer waits for its minimum.
    await page
      .getByTestId('assignment-card')
      .filter({ hasText: '三分钟的故事' })
      .getByRole('button', { name: '为这个作业录音' })
      .click();
    await expect(target).toHaveValue('3–4 分钟');
    await expect(page.getByText('作业“三分钟的故事”的目标时长')).toBeVisible();
    await expect(light).toHaveText('尚未达到最短时长');
    await screenshot(page, 'first-hour-record-assignment-zh');
    await expectAccessible(page, 'record for an assignment');
    await recordTwoSeconds(page);
    // That recording done, the field is the member's own choice again.
    await expect(target).toHaveValue('5–7 分钟（标准演讲）');

    // The 0–1 min assignment: no minimum, so the light is green from the start.
    await page.keyboard.press('Control+5');
    await page.getByRole('tab', { name: '作业' }).click();
    await page
      .getByTestId('assignment-card')
      .filter({ hasText: '一分钟即兴' })
      .getByRole('button', { name: '为这个作业录音' })
      .click();
    await expect(target).toHaveValue('0–1 分钟');
    await expect(light).toHaveText('绿灯 · 已达到最短时长');

    // The member's own choice is remembered from visit to visit, "no target" included.
    await page.goto(coach.host.newEntryUrl());
    await page.getByRole('link', { name: '录制' }).click();
    await expect(target).toHaveValue('5–7 分钟（标准演讲）');
    await target.click();
    await page.getByRole('option', { name: '8–10 分钟（进阶）' }).click();
    await page.goto(coach.host.newEntryUrl());
    await page.getByRole('link', { name: '录制' }).click();
    await expect(target).toHaveValue('8–10 分钟（进阶）');
    await target.click();
    await page.getByRole('option', { name: '不设目标' }).click();
    await expect(light).toHaveText('未设目标时长');
    await page.goto(coach.host.newEntryUrl());
    await page.getByRole('link', { name: '录制' }).click();
    await expect(target).toHaveValue('不设目标');
    await expect(light).toHaveText('未设目标时长');
  } finally {
    await coach.host.close();
  }
});

test('截止时间已过的作业布置不了；已经存在的也看得见、改得了', async ({ browser }) => {
  test.setTimeout(150_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-first-hour-'));
  const coach = await memberPage(browser, 'zh-CN', 'Asia/Shanghai', '张教练');
  const page = coach.page;
  try {
    // The coach's computer clock runs eight minutes fast while the group is made.
    Date.now = () => realNow() + 8 * MIN;
    await createGroup(page, folder, '周日演讲会');
    Date.now = realNow;

    // A deadline two days ago is refused, beside the field, and nothing is set.
    const dialog = await setOneOff(
      page,
      '上周的即兴演讲',
      ['1', '2'],
      realNow() - 48 * H,
      realNow() - 24 * H,
    );
    const submitBy = dialog.getByLabel('提交截止', { exact: true });
    await expect(submitBy).toHaveAttribute('aria-invalid', 'true');
    await expect(submitBy).toHaveAccessibleDescription(/这个时间已经过去了/);
    await screenshot(page, 'first-hour-form-past-deadline-zh');
    await expectAccessible(page, 'assignment form with a past deadline');
    await dialog.getByRole('button', { name: '布置', exact: true }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('assignment-card')).toHaveCount(0);
    await expect(page.getByTestId('past-assignment')).toHaveCount(0);

    // Due in five minutes by the right clock, but set "after" it by the coach's fast one: it never opens,
    // yet it is listed as ended, with what the coach can still do.
    const soon = await setOneOff(
      page,
      '五分钟后截止的作业',
      ['1', '2'],
      realNow() + 5 * MIN,
      realNow() + 24 * H,
    );
    await soon.getByRole('button', { name: '布置', exact: true }).click();
    await expect(soon).toBeHidden();
    const row = page.getByTestId('past-assignment').filter({ hasText: '五分钟后截止的作业' });
    await expect(row).toContainText('已结束');
    await expect(row).toContainText('从未开放');
    await expect(page.getByTestId('assignment-card')).toHaveCount(0);
    await screenshot(page, 'first-hour-past-assignments-zh');
    await expectAccessible(page, 'past assignments');

    // The coach postpones it to next week: it opens as this week's card.
    await row.getByRole('button', { name: '“五分钟后截止的作业”的教练操作' }).click();
    await expect(page.getByRole('menuitem')).toHaveText(['编辑', '延期', '结束作业']);
    await page.getByRole('menuitem', { name: '延期' }).click();
    const postpone = page.getByRole('dialog');
    const local = (ms: number) => `${shanghai(ms).date}T${shanghai(ms).time}`;
    await fillDateTime(postpone, '新的提交截止（社群时间）', local(realNow() + 7 * 24 * H));
    await fillDateTime(postpone, '新的点评截止（社群时间）', local(realNow() + 8 * 24 * H));
    await postpone.getByRole('button', { name: '延期' }).click();
    await expect(page.getByTestId('assignment-card')).toContainText('五分钟后截止的作业');
    await expect(page.getByTestId('past-assignment')).toHaveCount(0);
  } finally {
    Date.now = realNow;
    await coach.host.close();
  }
});
