// Assignments and standings in the app, four members on four data folders sharing one group folder:
// the coach sets a weekly series, Ada checks in on time, Ben late, Chen misses; the standings and
// the coach's week view show exactly that. The hosts run in this process, so instead of waiting
// for real deadlines the test moves their clock (Date.now) forward; the pages follow the host's clock.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startLocalHost } from '../../electron/web/startLocalHost';
import type { WebHost } from '../../electron/web/webHost';
import { createProfile, expect, expectAccessible, screenshot, test } from './fixtures';

test.use({ actionTimeout: 20_000 });

const H = 3_600_000;
const realNow = Date.now.bind(Date);
let skew = 0;

async function memberPage(browser: Browser, locale: string, timezoneId: string, name: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-member-'));
  const host: WebHost = await startLocalHost({ dataDir, rendererDir: 'out/renderer' });
  const context = await browser.newContext({ locale, timezoneId, viewport: { width: 1180, height: 900 } });
  const page = await context.newPage();
  await page.goto(host.url);
  await createProfile(page, name);
  return { page, host };
}

async function chooseFolder(page: Page, folder: string) {
  await page.getByRole('button', { name: /选择…|Choose…/ }).click();
  await page.getByRole('dialog').getByRole('textbox').fill(folder);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /使用这个文件夹|Use this folder/ })
    .click();
}

async function joinGroup(page: Page, folder: string) {
  await page.keyboard.press('Control+5');
  await page.getByRole('button', { name: 'Join a group' }).click();
  await chooseFolder(page, folder);
  await page.getByRole('checkbox', { name: /agree/ }).check();
  await page.getByRole('button', { name: 'Ask to join' }).click();
  await expect(page.getByText('Waiting for a coach to approve')).toBeVisible();
}

async function recordSpeech(page: Page) {
  await page.keyboard.press('r');
  await page.waitForTimeout(2500);
  await page.keyboard.press('r');
  await expect(page.getByText('Recording saved')).toBeVisible();
}

async function openAssignments(page: Page) {
  await page.keyboard.press('Control+5');
  await page.getByRole('tab', { name: 'Assignments' }).click();
}

/** Wall-clock parts of an instant in Shanghai, as the coach types them. */
function shanghai(millis: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(millis)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'][
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!)
  ]!;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday,
  };
}

test('coach sets a weekly series; on time, late and missed show in standings and the week view', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  Date.now = () => realNow() + skew;
  const folder = await mkdtemp(join(tmpdir(), 'lectern-rules-'));
  const coach = await memberPage(browser, 'zh-CN', 'Asia/Shanghai', '张教练');
  const ada = await memberPage(browser, 'en-US', 'Europe/Berlin', 'Ada');
  const ben = await memberPage(browser, 'en-US', 'Asia/Shanghai', 'Ben');
  const chen = await memberPage(browser, 'en-US', 'America/New_York', 'Chen');
  try {
    await coach.page.keyboard.press('Control+5');
    await coach.page.getByRole('button', { name: '创建社群' }).first().click();
    await chooseFolder(coach.page, folder);
    await coach.page.getByRole('textbox', { name: '社群名称' }).fill('周日演讲会');
    await coach.page.getByRole('button', { name: '创建社群' }).click();
    await expect(coach.page.getByRole('heading', { name: '周日演讲会', level: 1 })).toBeVisible();
    for (const m of [ada, ben, chen]) await joinGroup(m.page, folder);
    await coach.page.getByRole('tab', { name: '成员' }).click();
    await expect(coach.page.getByText('加入申请（3）')).toBeVisible({ timeout: 20_000 });
    for (const left of [2, 1, 0]) {
      await coach.page.getByRole('button', { name: '批准' }).first().click();
      await expect(coach.page.getByRole('button', { name: '批准' })).toHaveCount(left);
    }

    // The coach sets a weekly series: due in two hours, critiques a day later (group time).
    const due = shanghai(realNow() + 2 * H);
    const critique = shanghai(realNow() + 26 * H);
    await coach.page.getByRole('tab', { name: '作业' }).click();
    await coach.page.getByRole('button', { name: '布置作业' }).click();
    await coach.page.getByRole('button', { name: '题目灵感' }).click();
    await coach.page.getByRole('menuitem', { name: '一分钟自我介绍' }).click();
    await coach.page.getByRole('textbox', { name: '目标时长下限（分钟）' }).fill('1');
    await coach.page.getByRole('textbox', { name: '目标时长上限（分钟）' }).fill('1.5');
    await coach.page.getByLabel('第一周开始日期').fill(due.date);
    await coach.page.getByRole('combobox', { name: '提交日' }).click();
    await coach.page.getByRole('option', { name: due.weekday, exact: true }).click();
    await coach.page.getByLabel('截止时间').first().fill(due.time);
    await coach.page.getByRole('combobox', { name: '点评日' }).click();
    await coach.page.getByRole('option', { name: critique.weekday, exact: true }).click();
    await coach.page.getByLabel('截止时间').last().fill(critique.time);
    await screenshot(coach.page, 'assignment-form-zh');
    await expectAccessible(coach.page, 'assignment form');
    await coach.page.getByRole('button', { name: '布置', exact: true }).click();
    await expect(coach.page.getByTestId('assignment-card')).toContainText('一分钟自我介绍');
    await screenshot(coach.page, 'assignment-coach-zh');

    // Ada records for the assignment (its target preset) and checks in on time.
    await openAssignments(ada.page);
    await expect(ada.page.getByTestId('assignment-card')).toContainText('一分钟自我介绍', {
      timeout: 20_000,
    });
    await expect(ada.page.getByTestId('assignment-card')).toContainText('your time');
    await ada.page.getByRole('button', { name: 'Record for this assignment' }).click();
    await recordSpeech(ada.page);
    await openAssignments(ada.page);
    await ada.page.getByRole('button', { name: 'Check in', exact: true }).click();
    await ada.page.getByRole('dialog').getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(ada.page.getByTestId('assignment-card')).toContainText('Checked in on time');
    await expectAccessible(ada.page, 'assignment card');
    await screenshot(ada.page, 'assignment-member-en');

    // Three hours later the deadline has passed: Ben checks in late.
    skew = 3 * H;
    await ben.page.keyboard.press('Control+2');
    await recordSpeech(ben.page);
    await openAssignments(ben.page);
    await ben.page.getByRole('button', { name: 'Check in late' }).click();
    await expect(ben.page.getByRole('dialog')).toContainText('counts as late');
    await ben.page.getByRole('dialog').getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(ben.page.getByTestId('assignment-card')).toContainText('Checked in late');

    // Two days later critiques are closed too: Chen, who did nothing, missed.
    skew = 50 * H;
    await coach.page.getByRole('tab', { name: '积分榜' }).click();
    const rows = coach.page.getByTestId('standing-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText(/Ada\s*10\s*1/);
    await expect(rows.nth(1)).toContainText(/Ben\s*5\s*1/);
    await expect(rows.nth(2)).toContainText(/Chen\s*-5\s*0/);
    await expectAccessible(coach.page, 'standings');
    await screenshot(coach.page, 'standings-zh');

    await coach.page.getByRole('tab', { name: '作业' }).click();
    const week = coach.page.getByTestId('week-review');
    await expect(week.getByTestId('week-summary')).toContainText('按时：1');
    await expect(week.getByTestId('week-summary')).toContainText('迟交：1');
    await expect(week.getByTestId('week-summary')).toContainText('缺交：1');
    await expect(week.getByTestId('week-row').filter({ hasText: 'Ada' })).toContainText('按时');
    await expect(week.getByTestId('week-row').filter({ hasText: 'Ben' })).toContainText('迟交');
    await expect(week.getByTestId('week-row').filter({ hasText: 'Chen' })).toContainText(/缺交.*|有风险/);
    await expect(week.getByTestId('week-row').filter({ hasText: 'Chen' })).toContainText('有风险');
    await expectAccessible(coach.page, 'week review');
    await screenshot(coach.page, 'week-review-zh');

    const download = coach.page.waitForEvent('download');
    await week.getByRole('button', { name: '导出本周 CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/1,Ada,[0-9a-f]{64},active,10,/);

    // Ada's standings and history, and her Home screen, in English.
    await ada.page.getByRole('tab', { name: 'Standings' }).click();
    await expect(ada.page.getByTestId('history-chart')).toBeVisible();
    await screenshot(ada.page, 'standings-en');
    await ada.page.keyboard.press('Control+1');
    await expect(ada.page.getByTestId('home-assignment')).toContainText('一分钟自我介绍');
    await expectAccessible(ada.page, 'home');
    await screenshot(ada.page, 'home-assignment-en');
  } finally {
    Date.now = realNow;
    for (const m of [coach, ada, ben, chen]) await m.host.close();
  }
});
