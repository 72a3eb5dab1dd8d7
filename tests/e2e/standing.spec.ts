// Where a member stands, in Chinese (issue #14, item 4): 小林 checks in on time with a reflection (the
// group's feed and the coach's week show it with her speech), misses a week (at risk), misses another
// (out: a check-in now reads "not counted", never "on time"), and the coach revives her on written
// terms, which she and the whole group read. Home is photographed in each state, in both languages and
// both themes. The hosts run in this process, so instead of waiting for deadlines the test moves their
// clock (Date.now) forward; the pages follow the host's clock.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chooseSegment, expect, expectAccessible, screenshot, test, waitForRecordClock } from './fixtures';
import { fillDate, fillTime } from './dateFields';
import { approveFirstApplicant, chooseFolder, createGroup, memberPage, shanghai } from './groupMembers';

test.use({ actionTimeout: 20_000 });

const H = 3_600_000;
const DAY = 24 * H;
const realNow = Date.now.bind(Date);
let skew = 0;

/** A member in Chinese asks to join the group in `folder`. */
async function joinInChinese(page: Page, folder: string) {
  await page.keyboard.press('Control+5');
  await page.getByRole('button', { name: '加入社群' }).first().click();
  await chooseFolder(page, folder);
  await page.getByRole('checkbox', { name: '我已阅读并同意社群公约' }).check();
  await page.getByRole('button', { name: '申请加入' }).click();
  await expect(page.getByText('等待教练批准')).toBeVisible();
}

/** Records until the app's own timer reads 0:02, then stops. */
async function recordTwoSeconds(page: Page) {
  await page.keyboard.press('Control+2');
  await page.keyboard.press('r');
  await waitForRecordClock(page, 2);
  await page.keyboard.press('r');
  await expect(page.getByText('录音已保存')).toBeVisible();
}

/** Home, read afresh (the overview is reloaded when Home mounts). */
async function openHome(page: Page) {
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: /^(录制|Record)$/ }).click();
  await nav.getByRole('link', { name: /^(首页|Home)$/ }).click();
}

/** Home in 简体中文 and English, light and dark, each checked with axe and photographed. */
async function photographHome(page: Page, state: string) {
  const shoot = async (language: 'zh' | 'en') => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
      await expect(page.getByTestId('my-standing')).toBeVisible();
      await expectAccessible(page, `home, ${state} (${language}, ${colorScheme})`);
      await screenshot(page, `home-${state}-${language}-${colorScheme}`);
    }
  };
  await shoot('zh');
  await page.keyboard.press('Control+,');
  await chooseSegment(page, 'English');
  await openHome(page);
  await expect(page.getByTestId('my-standing')).toContainText('Where you stand');
  await shoot('en');
  await page.keyboard.press('Control+,');
  await chooseSegment(page, '简体中文');
  await page.emulateMedia({ colorScheme: 'light' });
  await openHome(page);
  await expect(page.getByTestId('my-standing')).toContainText('我的状态');
}

test('成员一直知道自己的状态：按时、有出局风险、出局、复活（附复活条件），打卡反思和演讲一起显示', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  Date.now = () => realNow() + skew;
  const folder = await mkdtemp(join(tmpdir(), 'lectern-standing-'));
  const coach = await memberPage(browser, 'zh-CN', 'Asia/Shanghai', '张教练');
  const lin = await memberPage(browser, 'zh-CN', 'Asia/Shanghai', '小林');
  try {
    await createGroup(coach.page, folder, '周日演讲会');
    await joinInChinese(lin.page, folder);
    await coach.page.getByRole('tab', { name: '成员' }).click();
    await approveFirstApplicant(coach.page);

    // Two misses in a row put a member out, from now on.
    await coach.page.getByRole('tab', { name: '积分榜' }).click();
    await coach.page.getByRole('button', { name: '修改规则' }).click();
    const dialog = coach.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '连续缺交几次出局', exact: true }).fill('2');
    await dialog.getByRole('button', { name: '从现在起生效' }).click();
    await expect(coach.page.getByTestId('rules-panel')).toContainText('第 1 版');

    // A weekly series: due in two hours, critiques a day later (group time).
    const due = shanghai(realNow() + 2 * H);
    const critique = shanghai(realNow() + 26 * H);
    await coach.page.getByRole('tab', { name: '作业' }).click();
    await coach.page.getByRole('button', { name: '布置作业' }).click();
    await coach.page.getByRole('button', { name: '题目灵感' }).click();
    await coach.page.getByRole('menuitem', { name: '一分钟自我介绍' }).click();
    await fillDate(dialog, '第一周开始日期', due.date);
    await dialog.getByRole('combobox', { name: '提交日' }).click();
    await coach.page.getByRole('option', { name: due.weekday, exact: true }).click();
    await fillTime(dialog, '提交截止', due.time);
    await dialog.getByRole('combobox', { name: '点评日' }).click();
    await coach.page.getByRole('option', { name: critique.weekday, exact: true }).click();
    await fillTime(dialog, '点评截止', critique.time);
    await dialog.getByRole('button', { name: '布置', exact: true }).click();
    await expect(coach.page.getByTestId('assignment-card')).toContainText('一分钟自我介绍');

    // 小林 records and checks in on time, with a reflection.
    await recordTwoSeconds(lin.page);
    await lin.page.keyboard.press('Control+5');
    await lin.page.getByRole('tab', { name: '作业' }).click();
    await lin.page.getByRole('button', { name: '打卡', exact: true }).click({ timeout: 30_000 });
    const linDialog = lin.page.getByRole('dialog');
    await linDialog.getByRole('textbox', { name: '反思（可选）' }).fill('第一次打卡，有点紧张，开场太快。');
    await linDialog.getByRole('button', { name: '打卡', exact: true }).click();
    await expect(lin.page.getByTestId('assignment-card')).toContainText('已按时打卡');

    // The reflection is shown with her speech, in the feed and in the coach's week.
    await lin.page.getByRole('tab', { name: '动态' }).click();
    const speech = lin.page.getByTestId('feed-item').filter({ hasText: '打卡：一分钟自我介绍' });
    await expect(speech).toContainText('第一次打卡，有点紧张，开场太快。');
    await expect(speech.getByTestId('feed-check-in-reflection')).toBeVisible();

    // The deadline passes: on time, and Home says so.
    skew = 3 * H;
    await openHome(lin.page);
    const standing = lin.page.getByTestId('my-standing');
    await expect(standing).toContainText('正常');
    await expect(standing).toContainText('一切正常');
    await expect(lin.page.getByTestId('home-check-in')).toHaveText('已按时打卡');
    await photographHome(lin.page, 'on-time');

    await coach.page.keyboard.press('Control+5');
    await coach.page.getByRole('tab', { name: '作业' }).click();
    const week = coach.page.getByTestId('week-review');
    await expect(week.getByTestId('week-row').filter({ hasText: '小林' })).toContainText(
      '反思：第一次打卡，有点紧张，开场太快。',
      { timeout: 20_000 },
    );
    await expectAccessible(coach.page, 'week review with a reflection');
    await screenshot(coach.page, 'week-review-reflection-zh');

    // Week 2 comes and goes without her: one more miss would put her out.
    skew = 7 * DAY + 27 * H;
    await openHome(lin.page);
    await expect(standing).toContainText('有出局风险');
    await expect(standing).toContainText('再缺交 1 次就会出局');
    await photographHome(lin.page, 'at-risk');

    // Week 3 too: she is out. Home says so, and a check-in for week 4 does not read "on time".
    skew = 14 * DAY + 27 * H;
    await openHome(lin.page);
    await expect(standing).toContainText('出局');
    await expect(standing).toContainText('你已出局');
    await lin.page.keyboard.press('Control+5');
    await expect(lin.page.getByTestId('my-standing')).toContainText('你已出局');
    await lin.page.getByRole('tab', { name: '作业' }).click();
    await lin.page.getByRole('button', { name: '打卡', exact: true }).click();
    await linDialog.getByRole('button', { name: '打卡', exact: true }).click();
    await expect(lin.page.getByText('已打卡，但你已出局')).toBeVisible();
    await expect(lin.page.getByTestId('assignment-card')).toContainText('已打卡·出局不计分');
    await openHome(lin.page);
    await expect(lin.page.getByTestId('home-check-in')).toContainText('出局期间的打卡不计分');
    await expect(lin.page.getByTestId('home-assignment')).not.toContainText('已按时打卡');
    await photographHome(lin.page, 'out');

    // The coach revives her on terms the whole group reads.
    await coach.page.getByRole('tab', { name: '积分榜' }).click();
    const linRow = coach.page.getByTestId('standing-row').filter({ hasText: '小林' });
    await expect(linRow).toContainText('出局');
    await linRow.getByRole('button', { name: '对小林的操作' }).click();
    await coach.page.getByRole('menuitem', { name: '复活' }).click();
    await dialog.getByRole('textbox', { name: '复活条件' }).fill('本周交两篇演讲');
    await dialog.getByRole('button', { name: '复活', exact: true }).click();
    await expect(linRow).toContainText('复活条件：本周交两篇演讲');
    await expect(linRow).toContainText('已复活');

    await openHome(lin.page);
    await expect(standing).toContainText('已复活', { timeout: 20_000 });
    await expect(standing.getByTestId('revival-terms')).toHaveText('本周交两篇演讲');
    // Revived before week 4's deadline, her check-in counts again.
    await expect(lin.page.getByTestId('home-check-in')).toHaveText('已按时打卡');
    await photographHome(lin.page, 'revived');
    await lin.page.keyboard.press('Control+5');
    await lin.page.getByRole('tab', { name: '积分榜' }).click();
    await expect(lin.page.getByTestId('standing-row').filter({ hasText: '小林' })).toContainText(
      '复活条件：本周交两篇演讲',
    );
    await expectAccessible(lin.page, 'standings with a revival');
    await screenshot(lin.page, 'standings-revived-zh');
  } finally {
    Date.now = realNow;
    for (const m of [coach, lin]) await m.host.close();
  }
});
