// Critique threads end to end, two members on two data folders sharing one group folder: the member
// (A, English) records and shares a speech; the coach (B, 中文) comments at 0:02 and on a stretch with
// an evaluation form; A gets a notification and an unread count, sees the markers where B put them,
// replies and resolves; B sees the reply, then names the group's own evaluation criteria. Screenshots
// of the player with regions in both languages; B opens A's reply from the inbox at its moment.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { WebHost } from '../../electron/web/webHost';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import {
  approveFirstApplicant,
  chooseFolder,
  memberPage,
  recordAndShare,
  withdrawOwnSpeech,
} from './groupMembers';

/** Lets the page raise notifications and records the ones it raises. */
async function recordNotifications(context: BrowserContext, host: WebHost) {
  await context.grantPermissions(['notifications'], { origin: host.origin });
  await context.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(title);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded });
  });
}

/** Where `ms` falls on the waveform, as a fraction of its width (recordings vary by a second on a busy machine). */
async function fractionAt(page: Page, ms: number) {
  const durationMs = Number(await page.getByTestId('waveform').getAttribute('data-duration-ms'));
  return ms / durationMs;
}

/** A point on the waveform at `fraction` of its width. */
async function waveformAt(page: Page, fraction: number) {
  // As a person would: scroll the waveform into view first (the fixed header may cover it).
  await page.getByTestId('waveform').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await page.getByTestId('waveform').boundingBox())!;
  return { x: box.x + box.width * fraction, y: box.y + 40 };
}

/** Mantine's Rating hides its radios behind labels: click the star's label. */
async function clickStar(page: Page, name: string) {
  const id = await page.getByRole('radio', { name }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

/** Where a marker or region sits on the waveform, as fractions of its width. */
async function placeOf(region: Locator) {
  return region.evaluate((el: HTMLElement) => ({
    left: parseFloat(el.style.left) / 100,
    right: 1 - parseFloat(el.style.right) / 100,
  }));
}

test('a member shares, the coach critiques at moments and with a form, the member replies and resolves', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-critique-group-'));
  const coach = await memberPage(browser, 'zh-CN', undefined, '张教练', recordNotifications);
  const member = await memberPage(browser, 'en-US', undefined, 'Ada', recordNotifications);
  try {
    // The coach creates the group, the member joins and is approved.
    await coach.page.keyboard.press('Control+5');
    await coach.page.getByRole('button', { name: '创建社群' }).first().click();
    await chooseFolder(coach.page, folder);
    await coach.page.getByRole('textbox', { name: '社群名称' }).fill('周日演讲会');
    await coach.page.getByRole('button', { name: '创建社群' }).click();
    await member.page.keyboard.press('Control+5');
    await member.page.getByRole('button', { name: 'Join a group' }).click();
    await chooseFolder(member.page, folder);
    await member.page.getByRole('checkbox', { name: /agree/ }).check();
    await member.page.getByRole('button', { name: 'Ask to join' }).click();
    await coach.page.getByRole('tab', { name: '成员' }).click();
    await approveFirstApplicant(coach.page);
    await expect(member.page.getByRole('tab', { name: 'Feed' })).toBeVisible({ timeout: 15_000 });

    // A records about four and a half seconds and shares it.
    await recordAndShare(member.page, 4500, '周日演讲会');
    await member.page.keyboard.press('Control+1'); // away from the feed: the inbox still listens

    // B opens it, clicks the waveform past 0:02 and presses C.
    const b = coach.page;
    await b.getByRole('tab', { name: '动态' }).click();
    await b.getByTestId('feed-item').getByRole('button', { name: '播放' }).click({ timeout: 15_000 });
    await expect(b.getByTestId('waveform').locator('canvas').first()).toBeVisible();
    const moment = await fractionAt(b, 2_500);
    const at = await waveformAt(b, moment);
    await b.mouse.click(at.x, at.y);
    await expect(b.getByTestId('player-time')).toHaveText(/^0:02 \//);
    await b.keyboard.press('c');
    await expect(b.getByTestId('kindness-guide')).toBeVisible();
    // C moves the focus into the words, so typing goes there, not to the Play button.
    await expect(b.getByRole('textbox', { name: '你在 0:02 处的点评' })).toBeFocused();
    await b.keyboard.type('这里的停顿很有力量。');
    await b.getByRole('button', { name: '发送' }).click();
    await expect(b.locator('[part~="marker"]')).toHaveCount(1);

    // A stretch, dragged on the waveform, with an evaluation form.
    const [fromFraction, toFraction] = [await fractionAt(b, 300), await fractionAt(b, 1_500)];
    const from = await waveformAt(b, fromFraction);
    const to = await waveformAt(b, toFraction);
    await b.mouse.move(from.x, from.y);
    await b.mouse.down();
    for (let i = 1; i <= 10; i++) await b.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y);
    await b.mouse.up();
    await expect(b.getByTestId('comment-composer')).toContainText(/你对 0:00–0:01 的点评/);
    await expect(b.getByTestId('kindness-guide')).toBeHidden(); // shown only before the first critique
    await b.getByRole('checkbox', { name: '附上评估表' }).check();
    await b.getByRole('textbox', { name: '给评估表配几句话（可选）' }).fill('开场很抓人。');
    await clickStar(b, '清晰度：4 分（满分 5 分）');
    await clickStar(b, '节奏：3 分（满分 5 分）');
    await b.getByRole('textbox', { name: /亮点/ }).fill('故事讲得生动');
    await b.getByRole('button', { name: '保存评估' }).click();
    await expect(b.locator('[part~="region"]')).toHaveCount(1);
    await expect(b.getByTestId('summary-criterion')).toHaveCount(2);
    await expect(b.getByRole('article')).toHaveCount(2);
    await b.mouse.move(0, 0);
    await screenshot(b, 'critique-player-zh');
    await expectAccessible(b, 'critique player (coach)');
    // B closes the player: what comes back to B arrives in the inbox.
    await b.getByRole('button', { name: '关闭播放器' }).click();

    // A hears about it: a notification, an unread count on the navigation, the inbox.
    const a = member.page;
    await expect(a.getByTestId('nav-critique-unread')).toHaveText('2', { timeout: 15_000 });
    await expect
      .poll(() =>
        a.evaluate(() =>
          (window as unknown as { shownNotifications: string[] }).shownNotifications.join('\n'),
        ),
      )
      .toMatch(/^New critique on “.+”$/m);
    await a.keyboard.press('Control+5');
    await expect(a.getByTestId('inbox-item')).toHaveCount(2);
    await expect(a.getByTestId('feed-unread')).toHaveText('2 new critiques');
    await a.getByTestId('inbox-item').first().getByRole('button', { name: 'Open' }).click();

    // The markers sit where B put them.
    const marker = a.locator('[part~="marker"]');
    const region = a.locator('[part~="region"]');
    await expect(marker).toHaveCount(1);
    await expect(region).toHaveCount(1);
    const markerAt = await placeOf(marker);
    expect(markerAt.left).toBeCloseTo(moment, 1);
    const stretch = await placeOf(region);
    expect(stretch.left).toBeCloseTo(fromFraction, 1);
    expect(stretch.right).toBeCloseTo(toFraction, 1);
    await expect(a.getByTestId('nav-critique-unread')).toBeHidden(); // opened, so read

    // Clicking a comment's time seeks there; the comment is the current one.
    await a.getByRole('button', { name: 'Play from 0:02' }).click();
    await expect(a.getByTestId('player-time')).toHaveText(/^0:02 \//);
    const thread = a.locator('article[aria-current="true"]');
    await expect(thread).toContainText('这里的停顿很有力量。');

    // A replies and resolves.
    await thread.getByRole('button', { name: 'Reply' }).click();
    await a.getByRole('textbox', { name: 'Reply to 张教练' }).fill('Thank you! I practised that pause.');
    await a.getByRole('button', { name: 'Send' }).click();
    await expect(thread).toContainText('Thank you! I practised that pause.');
    await thread.getByRole('button', { name: 'Mark resolved' }).click();
    await expect(thread.getByText('Resolved', { exact: true })).toBeVisible();
    await expect(a.getByText('Clarity', { exact: true }).first()).toBeVisible();
    await a.mouse.move(0, 0); // no hover state in the picture or the contrast check
    await screenshot(a, 'critique-player-en');
    await expectAccessible(a, 'critique player (speaker)');

    // B sees the reply in the inbox (through the folder watcher); opening it goes to its comment's
    // moment, 0:02, with that comment current, and the thread resolved.
    const reply = b.getByTestId('inbox-item').filter({ hasText: 'Thank you! I practised that pause.' });
    await expect(reply).toBeVisible({ timeout: 15_000 });
    await reply.getByRole('button', { name: '打开' }).click();
    await expect(b.getByTestId('player-time')).toHaveText(/^0:02 \//);
    const current = b.locator('article[aria-current="true"]');
    await expect(current).toContainText('这里的停顿很有力量。');
    await expect(current).toContainText('Thank you! I practised that pause.');
    await expect(b.getByText('已解决', { exact: true })).toBeVisible();
    await b.mouse.move(0, 0);
    await screenshot(b, 'critique-inbox-opened-zh');

    // B names the group's own criteria: the speech's form asks for them; saved scores keep their names.
    await b.getByRole('tab', { name: '积分榜' }).click({ timeout: 10_000 });
    await b.getByRole('button', { name: '修改规则' }).click({ timeout: 10_000 });
    const criteria = b.getByRole('combobox', { name: '评估项' });
    for (const name of ['眼神交流', '开场']) {
      await criteria.fill(name);
      await criteria.press('Enter');
    }
    await criteria.press('Tab'); // leaves the field, closing its suggestions
    await screenshot(b, 'rules-criteria-zh');
    await b.getByRole('button', { name: '从现在起生效' }).click({ timeout: 10_000 });
    await expect(b.getByText('新规则已从现在起生效。')).toBeVisible();
    await b.getByRole('tab', { name: '动态' }).click({ timeout: 10_000 });
    await b.getByTestId('feed-item').getByRole('button', { name: '播放' }).click({ timeout: 10_000 });
    await b.getByRole('button', { name: '点评整篇演讲' }).click({ timeout: 10_000 });
    await b.getByRole('checkbox', { name: '附上评估表' }).check({ timeout: 10_000 });
    await expect(b.getByRole('radio', { name: '眼神交流：5 分（满分 5 分）' })).toBeAttached();
    await expect(b.getByRole('radio', { name: '开场：5 分（满分 5 分）' })).toBeAttached();
    await expect(b.getByRole('radio', { name: '清晰度：5 分（满分 5 分）' })).toHaveCount(0);
    await expect(b.getByTestId('summary-criterion').first()).toContainText('清晰度');
    await screenshot(b, 'critique-custom-criteria-zh');

    // Ada withdraws the speech while the coach has it open: in place of the player a calm notice
    // says it is no longer shared, with the coach's own critiques handed back; no error appears.
    await withdrawOwnSpeech(a);
    const gone = b.getByTestId('recording-gone');
    await expect(gone).toBeVisible({ timeout: 15_000 });
    await expect(gone).toContainText(/已不再分享/);
    await expect(b.getByTestId('waveform')).toHaveCount(0);
    await expect(
      gone.getByTestId('undelivered-comment').filter({ hasText: '这里的停顿很有力量。' }),
    ).toContainText('0:02 处');
    await expect(b.getByText('出了点问题')).toHaveCount(0);
    await screenshot(b, 'critique-recording-gone-zh');
    await expectAccessible(b, 'withdrawn speech notice');
    await gone.getByRole('button', { name: '关闭' }).click();
    await expect(gone).toBeHidden();
  } finally {
    await coach.host.close();
    await member.host.close();
  }
});
