// 哼哈官（Ah-Counter）端到端：讲者 Ada（英文界面）录一篇演讲分享到社群；成员小林（中文）一边听一边按 F
// 标记口头禅（三次，其中一次选“嗯”），播放不停；标记落在波形上，评估汇总里出现每分钟口头禅；讲者打开
// 自己的演讲看到同样的标记，首页的“成长”里有每分钟口头禅的曲线和练习热力图；教练在积分榜看到社群的趋势，
// 包括每人最近几篇分享的表达指标（中文演讲的语速按字/分钟，不和英文的音节/秒混在一起）。
// 截图：播放器（中文，浅色和深色）、讲者的播放器和成长（英文，浅色和深色）、教练的社群趋势（中英文，浅色和深色）。
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chooseSegment, expect, screenshot, screenshotBothSchemes, test } from './fixtures';
import {
  approveFirstApplicant,
  chooseFolder,
  createGroup,
  joinGroup,
  memberPage,
  recordAndShare,
  recordSpeech,
} from './groupMembers';

test.use({ actionTimeout: 20_000 });

/** 中文成员申请加入 `folder` 里的社群。 */
async function joinInChinese(page: Page, folder: string) {
  await page.keyboard.press('Control+5');
  await page.getByRole('button', { name: '加入社群' }).first().click();
  await chooseFolder(page, folder);
  await page.getByRole('checkbox', { name: '我已阅读并同意社群公约' }).check();
  await page.getByRole('button', { name: '申请加入' }).click();
  await expect(page.getByText('等待教练批准')).toBeVisible();
}

test('哼哈官边听边按 F 标记口头禅，讲者和教练都看得到', async ({ browser }) => {
  test.setTimeout(240_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-ah-counter-'));
  const coach = await memberPage(browser, 'zh-CN', undefined, '王老师');
  const speaker = await memberPage(browser, 'en-US', undefined, 'Ada');
  const counter = await memberPage(browser, 'zh-CN', undefined, '小林');
  try {
    // 教练建社群，Ada 和小林加入，教练逐个批准。
    await createGroup(coach.page, folder, '周日演讲会');
    await joinGroup(speaker.page, folder);
    await coach.page.getByRole('tab', { name: '成员' }).click();
    await approveFirstApplicant(coach.page);
    await joinInChinese(counter.page, folder);
    await approveFirstApplicant(coach.page);
    await expect(speaker.page.getByRole('tab', { name: 'Feed' })).toBeVisible({ timeout: 15_000 });

    // Ada 录了八秒，分享到社群（够长：小林标完三个口头禅时还在播放）。
    await recordAndShare(speaker.page, 8000, '周日演讲会');

    // 小林打开 Ada 的演讲，从头播放。
    const c = counter.page;
    await expect(c.getByRole('tab', { name: '动态' })).toBeVisible({ timeout: 15_000 });
    await c.getByRole('tab', { name: '动态' }).click();
    await c.getByTestId('feed-item').getByRole('button', { name: '播放' }).click({ timeout: 15_000 });
    await expect(c.getByTestId('waveform').locator('canvas').first()).toBeVisible();
    const wave = (await c.getByTestId('waveform').boundingBox())!;
    await c.mouse.click(wave.x + 2, wave.y + 40); // 回到开头，焦点进入播放器
    const state = c.getByTestId('player-state');
    const playButton = c.getByTestId('critique-player').getByRole('button', { name: '播放', exact: true });
    if (await playButton.isVisible()) await playButton.click();
    await expect(state).toHaveText('正在播放');

    // 听到“嗯”：按 F，再按 1 选“嗯”；之后又两次，只按 F（第二次按 F 时，前一个记作“口头禅”）。
    await c.keyboard.press('f');
    await expect(c.getByRole('group', { name: /处的口头禅：是哪个词？/ })).toBeVisible();
    await expect(state).toHaveText('正在播放'); // 标记不会让播放停下
    await c.keyboard.press('1');
    await c.waitForTimeout(700);
    await c.keyboard.press('f');
    await c.waitForTimeout(700);
    await c.keyboard.press('f');
    await expect(state).toHaveText('正在播放');
    // 不选词也行：几秒后这个标记自己记作“口头禅”，选词框收起。
    await expect(c.getByTestId('filler-picker')).toBeHidden({ timeout: 10_000 });

    // 三个标记落在波形上（一个写着“嗯”），评估汇总里出现每分钟口头禅和小林的计数。
    const ticks = c.getByTestId('filler-tick');
    await expect(ticks).toHaveCount(3);
    await expect(ticks.filter({ hasText: '嗯' })).toHaveCount(1);
    const times = await ticks.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.atMs)));
    expect(times[1]! - times[0]!).toBeGreaterThan(300); // 各自是按键那一刻，不是同一刻
    await expect(c.getByTestId('filler-rate')).toContainText(/每分钟 [\d.]+ 个口头禅/);
    await expect(c.getByTestId('filler-counter')).toHaveText(/^小林：3 个 · 每分钟 [\d.]+ 个$/);
    await expect(c.getByText('嗯 × 1')).toBeVisible();
    await expect(c.getByText('口头禅 × 2')).toBeVisible();
    await screenshotBothSchemes(c, 'ah-counter-player-zh', { checked: ['light'] });

    // 小林撤回最后一个标记，又标回来：只有自己的标记能撤回。
    const mine = c.getByRole('group', { name: '你的标记' });
    await expect(mine.getByRole('button', { name: /^撤回 .+ 处的标记$/ })).toHaveCount(3);
    await mine
      .getByRole('button', { name: /^撤回 .+ 处的标记$/ })
      .last()
      .click();
    await expect(ticks).toHaveCount(2);
    await c.getByRole('button', { name: '标记口头禅 (F)' }).click();
    await c.getByRole('button', { name: '只记口头禅' }).click();
    await expect(ticks).toHaveCount(3);

    // Ada 打开自己的演讲：同样的三个标记和每分钟口头禅，但没有可撤回的（不是她标的）。
    const a = speaker.page;
    await a.keyboard.press('Control+5');
    await a.getByRole('tab', { name: 'Feed' }).click();
    await a.getByTestId('feed-item').getByRole('button', { name: 'Play' }).click({ timeout: 15_000 });
    await expect(a.getByTestId('filler-tick')).toHaveCount(3, { timeout: 15_000 });
    await expect(a.getByTestId('filler-rate')).toContainText(/[\d.]+ fillers per minute/);
    await expect(a.getByTestId('filler-counter')).toHaveText(/^小林: 3 fillers · [\d.]+\/min$/);
    await expect(a.getByRole('group', { name: 'Your marks' })).toHaveCount(0);
    await expect(a.getByRole('img', { name: /^Fillers per minute: [\d.]+ on 1 speech$/ })).toBeVisible();
    await a
      .getByRole('button', { name: 'Pause' })
      .click()
      .catch(() => undefined);
    await a.mouse.move(0, 0);
    await screenshot(a, 'ah-counter-speaker-en');

    // Ada 又练了一篇，这篇用中文讲（在演讲页改了语言），也分享了。首页的成长：时长和各项指标连成线，
    // 每分钟口头禅来自社群，还有练习热力图。
    await a.keyboard.press('Control+2');
    await recordSpeech(a, 2500);
    await a.keyboard.press('Control+3');
    await expect(a.getByTestId('speech-row')).toHaveCount(2);
    await a
      .getByTestId('speech-row')
      .first()
      .getByRole('button', { name: /^Practice / })
      .click();
    await chooseSegment(a, 'Chinese');
    // Saved (the rate now reads in characters a minute) before it is shared: its metrics travel with it.
    await expect(a.getByText(/^\d+ ± \d+ characters\/min$/)).toBeVisible();
    await a
      .getByTestId('speech-row')
      .first()
      .getByRole('button', { name: /^Actions for/ })
      .click();
    await a.getByRole('menuitem', { name: 'Share with group' }).click();
    await expect(a.getByText('Shared with 周日演讲会')).toBeVisible();
    await a.keyboard.press('Control+1');
    const growth = a.getByRole('region', { name: 'Growth' });
    await expect(growth).toBeVisible();
    await expect(
      growth.getByRole('img', { name: /^Duration: from 0:\d\d to 0:0\d over 2 speeches$/ }),
    ).toBeVisible();
    await expect(growth.locator('[data-series="fillersPerMinute"]')).toBeVisible({ timeout: 15_000 });
    await expect(
      growth.getByRole('img', { name: 'Days with a speech in the last 26 weeks: 1' }),
    ).toBeVisible();
    await expect(
      growth.getByTestId('personal-best').filter({ hasText: /^Fillers per minute: [\d.]+ \(/ }),
    ).toHaveCount(1);
    await screenshotBothSchemes(a, 'growth-home-en', { checked: ['light'] });
    await a.keyboard.press('Control+,');
    await chooseSegment(a, '简体中文');
    await a.getByRole('navigation').getByRole('link', { name: '首页' }).click();
    await expect(
      a.getByRole('region', { name: '成长' }).getByRole('img', { name: '最近 26 周有演讲的天数：1' }),
    ).toBeVisible();
    await a.mouse.move(0, 0);
    await screenshot(a, 'growth-home-zh');

    // 教练在积分榜看到社群的成长趋势：Ada 有两篇演讲，每分钟口头禅有了数；说话占比看两篇（有变化和小曲线），
    // 语速只看最近那篇中文的（字/分钟），不和前一篇英文的音节/秒相比。
    const b = coach.page;
    await b.getByRole('tab', { name: '积分榜' }).click();
    const trends = b.getByRole('region', { name: '社群成长趋势' });
    await expect(trends).toBeVisible();
    const ada = trends.getByTestId('group-trend-row').filter({ hasText: 'Ada' });
    await expect(ada.getByRole('cell').nth(1)).toHaveText('2');
    await expect(ada.locator('[data-trend="speechRate"]')).toHaveText(/^\d+ 字\/分钟$/, { timeout: 15_000 });
    await expect(ada.locator('[data-trend="speakingPercent"]')).toHaveText(/^\d+ （([+-]\d+|0)）$/);
    await expect(ada.locator('[data-trend="speakingPercent"] .recharts-surface')).toBeVisible();
    const lin = trends.getByTestId('group-trend-row').filter({ hasText: '小林' });
    await expect(lin.locator('[data-trend="speechRate"]')).toHaveText('—');
    await expect(ada.getByRole('cell').nth(3)).toHaveText(/^[\d.]+$/, { timeout: 15_000 });
    await expect(trends.getByTestId('group-trend-row')).toHaveCount(2); // 王老师是教练、没有演讲：不列
    await b.getByRole('button', { name: '完成' }).click(); // 收起建群后的邀请步骤
    await screenshotBothSchemes(b, 'group-trends-zh', { checked: ['light'] });
    await b.keyboard.press('Control+,');
    await chooseSegment(b, 'English');
    await b.getByRole('navigation').getByRole('link', { name: 'Group' }).click();
    await b.getByRole('tab', { name: 'Standings' }).click();
    const trendsEn = b.getByRole('region', { name: 'The group’s trends' });
    await expect(
      trendsEn.getByTestId('group-trend-row').filter({ hasText: 'Ada' }).locator('[data-trend="speechRate"]'),
    ).toHaveText(/^\d+ chars\/min$/);
    await screenshotBothSchemes(b, 'group-trends-en');

    // The coach listens to Ada's speech through and hears no filler: a count of zero, a counter like any.
    await b.getByRole('tab', { name: 'Feed' }).click();
    await b.getByTestId('feed-item').first().getByRole('button', { name: 'Play' }).click();
    await b.getByRole('button', { name: 'I listened through and heard no fillers (count 0)' }).click();
    await expect(b.getByTestId('filler-zero')).toHaveText(/You listened through and counted 0 fillers/);
    await expect(b.getByTestId('filler-counter').filter({ hasText: '王老师' })).toHaveText(
      '王老师: 0 fillers · 0/min',
    );
    await expect(b.getByTestId('filler-rate')).toBeVisible();
    await screenshotBothSchemes(b, 'ah-counter-zero-en');

    // 换成中文再打开：计为 0 的记录还在，说的是中文。
    await b.keyboard.press('Control+,');
    await chooseSegment(b, '简体中文');
    await b.getByRole('navigation').getByRole('link', { name: '社群' }).click();
    await b.getByRole('tab', { name: '动态' }).click();
    await b.getByTestId('feed-item').first().getByRole('button', { name: '播放' }).click();
    await expect(b.getByTestId('filler-zero')).toHaveText(/你听完了整篇，计为 0 个口头禅/);
    await expect(b.getByTestId('filler-counter').filter({ hasText: '王老师' })).toContainText('王老师');
    await b.mouse.move(0, 0);
    await screenshot(b, 'ah-counter-zero-zh');
  } finally {
    await coach.host.close();
    await speaker.host.close();
    await counter.host.close();
  }
});
