// The journal in a real browser over the loopback host: writing in Chinese survives a reload (even
// before the autosave fired), search finds words inside longer Chinese words, tags filter, export
// downloads Markdown and zip files that import back, the trash restores, "Reflect now" keeps its
// chosen template, an entry links to an imported speech by its title, and both languages are
// accessible and photographed.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { chooseSegment, createProfile, expect, expectAccessible, screenshot, test } from './fixtures';

async function openJournal(page: Page) {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^(日志|Journal)$/ })
    .click();
}

async function newEntry(page: Page, title: string, body: string, tags: string[]) {
  await page.keyboard.press('Control+n');
  const titleBox = page.getByRole('textbox', { name: '标题' });
  await expect(titleBox).toHaveValue('');
  await titleBox.fill(title);
  await page.getByRole('textbox', { name: '反思' }).fill(body);
  for (const tag of tags) {
    await page.getByRole('combobox', { name: '标签', exact: true }).fill(tag);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

const entryList = (page: Page, name = '日志列表') => page.getByRole('list', { name });

test.describe('journal on a Chinese system', () => {
  test.use({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

  test('write in Chinese, reload, search, filter by tag, export, import, trash', async ({
    page,
    lectern,
  }) => {
    test.setTimeout(120_000); // a long story: 35–50 s on a busy 2-core machine
    await page.goto(lectern.url);
    await createProfile(page, '李伟');
    await openJournal(page);
    await expect(page.getByRole('heading', { name: '日志还是空的' })).toBeVisible();
    await expectAccessible(page, 'journal empty');

    // Typed text survives a reload that comes before the debounced save.
    await page.keyboard.press('Control+n');
    await page.getByRole('textbox', { name: '标题' }).fill('第一次正式演讲');
    await page.getByRole('textbox', { name: '反思' }).fill('今天练习了演讲技巧，大家互相点评。开场太快。');
    await page.reload();
    await expect(entryList(page).getByText('第一次正式演讲')).toBeVisible();
    await entryList(page).getByText('第一次正式演讲').click();
    await expect(page.getByRole('textbox', { name: '反思' })).toHaveValue(
      '今天练习了演讲技巧，大家互相点评。开场太快。',
    );
    await page.getByRole('combobox', { name: '标签', exact: true }).fill('开场');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

    await newEntry(page, 'Tuesday club night', 'Good eye contact, too many fillers.', [
      'english',
      'delivery',
    ]);
    await newEntry(page, '即兴练习', '题目是“我的家乡”，用了故事开头。', ['即兴']);
    await expect(entryList(page).getByRole('listitem')).toHaveCount(3);

    // Search: 演讲 finds 演讲技巧 (and marks it); 点评 finds 互相点评.
    await page.keyboard.press('Control+f');
    await expect(page.getByRole('searchbox', { name: '搜索日志' })).toBeFocused();
    await page.keyboard.type('演讲');
    await expect(entryList(page).getByRole('listitem')).toHaveCount(1);
    await expect(entryList(page).locator('mark').first()).toHaveText('演讲');
    await page.getByRole('searchbox', { name: '搜索日志' }).fill('点评');
    await expect(entryList(page).getByRole('listitem')).toHaveCount(1);
    await page.getByRole('searchbox', { name: '搜索日志' }).fill('filler');
    await expect(entryList(page).getByText('Tuesday club night')).toBeVisible();
    await page.getByRole('button', { name: '清除搜索' }).click();

    // Tag filter.
    await page.getByRole('combobox', { name: '按标签筛选' }).click();
    await page.getByRole('option', { name: '即兴' }).click();
    await expect(entryList(page).getByRole('listitem')).toHaveCount(1);
    await expect(entryList(page).getByText('即兴练习')).toBeVisible();
    await expectAccessible(page, 'journal filtered');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(entryList(page).getByRole('listitem')).toHaveCount(3);

    // Export: all shown as a zip, one entry as Markdown with front matter.
    const zipDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出显示的日志（.zip）' }).click();
    const zip = await zipDownload;
    expect(zip.suggestedFilename()).toMatch(/^lectern-journal-\d{4}-\d{2}-\d{2}\.zip$/);
    const zipBytes = await readFile((await zip.path())!);
    expect(zipBytes.subarray(0, 2).toString()).toBe('PK');

    await entryList(page).getByText('第一次正式演讲').click();
    const mdDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出这篇（.md）' }).click();
    const md = await mdDownload;
    expect(md.suggestedFilename()).toMatch(/第一次正式演讲.*\.md$/);
    const mdPath = (await md.path())!;
    const text = await readFile(mdPath, 'utf8');
    expect(text).toMatch(/^---\nformat: lectern-journal\/1\n/);
    expect(text).toContain('tags:\n  - 开场\n');
    expect(text).toContain('---\n今天练习了演讲技巧，大家互相点评。开场太快。');

    // Trash and restore, then delete forever and bring it back by importing the exported file.
    await page.getByRole('button', { name: '移到回收站' }).click();
    await expect(entryList(page).getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: '回收站' }).click();
    const trash = page.getByRole('dialog', { name: '回收站' });
    await expect(trash.getByText('第一次正式演讲')).toBeVisible();
    await screenshot(page, 'journal-trash-zh');
    await trash.getByRole('button', { name: '永久删除' }).click();
    await page.keyboard.press('Escape');
    await expect(trash).toBeHidden();
    await page.locator('input[type=file]').setInputFiles({
      name: md.suggestedFilename(),
      mimeType: 'text/markdown',
      buffer: Buffer.from(text),
    });
    await expect(entryList(page).getByRole('listitem')).toHaveCount(3);
    await entryList(page).getByText('第一次正式演讲').click();
    await expect(page.getByRole('textbox', { name: '反思' })).toHaveValue(
      '今天练习了演讲技巧，大家互相点评。开场太快。',
    );

    await chooseSegment(page, '日历');
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByText('已导入：新增 1 篇，更新 0 篇，0 篇未变。')).toBeVisible();
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
    await expectAccessible(page, 'journal calendar');
    await screenshot(page, 'journal-zh');

    // "Reflect now" can start from another template; the choice outlives a reload.
    await page.getByRole('button', { name: '从模板开始' }).click();
    await page.getByRole('menuitem', { name: '管理模板…' }).click();
    const templates = page.getByRole('dialog', { name: '模板' });
    const reflectFrom = templates.getByRole('combobox', { name: '“现在写反思”使用的模板' });
    await expect(reflectFrom).toHaveValue('做得好 / 要改进 / 新挑战');
    await reflectFrom.click();
    await page.getByRole('option', { name: '我的感受' }).click();
    await expect(reflectFrom).toHaveValue('我的感受');
    await expectAccessible(page, 'journal templates');
    await screenshot(page, 'journal-templates-zh');
    await page.reload();
    await page.getByRole('button', { name: '从模板开始' }).click();
    await page.getByRole('menuitem', { name: '管理模板…' }).click();
    await expect(reflectFrom).toHaveValue('我的感受');
    await page.keyboard.press('Escape');
    await expect(templates).toBeHidden();
  });

  test('很长的中文标题在列表里换行收起，热力图标出本周才开始的 12 月，编辑器工具栏的提示都是中文', async ({
    page,
    lectern,
  }) => {
    // Thursday 3 December: December began inside the heatmap's last, unfinished week.
    await page.clock.setFixedTime(new Date('2026-12-03T10:00:00+08:00'));
    await page.goto(lectern.url);
    await createProfile(page, '李伟');
    await openJournal(page);
    await page.getByRole('button', { name: '新建日志', exact: true }).click();
    const long = '第一次在社群里完整地讲完一篇演讲之后的反思'.repeat(22);
    await page.getByRole('textbox', { name: '标题' }).fill(long);
    await page.getByRole('textbox', { name: '反思' }).fill('开场太快。');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

    // The list does not scroll sideways: the title wraps into two lines, the whole of it in the tooltip.
    const row = entryList(page).getByRole('listitem');
    await expect(row.getByTitle(long)).toBeVisible();
    const sideways = await entryList(page).evaluate((list) => {
      const viewport = list.closest('.mantine-ScrollArea-viewport') as HTMLElement;
      return viewport.scrollWidth - viewport.clientWidth;
    });
    expect(sideways).toBeLessThanOrEqual(1);
    expect((await row.boundingBox())!.height).toBeLessThan(140);

    // Every month of the heatmap is named, December too.
    await expect(page.getByTestId('heatmap-months').locator('p').last()).toHaveText('12月');
    await expect(page.getByTestId('heatmap-months')).toHaveText('6月7月8月9月10月11月12月');

    // The Markdown toolbar speaks Chinese, headings included.
    await expect(page.getByRole('button', { name: '粗体（Ctrl/⌘+B）' })).toHaveAttribute(
      'title',
      '粗体（Ctrl/⌘+B）',
    );
    await page.getByRole('button', { name: '标题', exact: true }).click();
    await expect(page.getByRole('button', { name: '1 级标题（Ctrl/⌘+1）' })).toHaveText('1 级标题');
    const tips = await page
      .locator('.w-md-editor-toolbar button[title]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('title') ?? ''));
    expect(tips.filter((tip) => /title|Heading|Insert|Add /.test(tip))).toEqual([]);
    await expectAccessible(page, 'journal, long title and heading menu');
    await screenshot(page, 'journal-long-title-zh');
  });
});

test.describe('journal in English', () => {
  test.use({ locale: 'en-US' });

  test('shows the journal in English with a template and the streak', async ({ page, lectern }) => {
    await page.goto(lectern.url);
    await createProfile(page, 'Ada');
    await page.getByRole('navigation').getByRole('link', { name: 'Library' }).click();
    await page.locator('input[type=file]').setInputFiles(resolve('tests/fixtures/phone-en.mp3'));
    await expect(page.getByTestId('speech-row')).toHaveCount(1, { timeout: 30_000 });
    await openJournal(page);
    await expect(page.getByRole('heading', { name: 'Your journal is empty' })).toBeVisible();
    await page.getByRole('button', { name: 'Start from a template' }).click();
    await page.getByRole('menuitem', { name: 'Went well / improve / challenge' }).click();
    await expect(page.getByRole('textbox', { name: 'Reflection' })).toHaveValue(/## What went well/);
    await page.getByRole('textbox', { name: 'Title' }).fill('Club night: my icebreaker');
    await page.locator('label', { has: page.locator('[aria-label="Good"]') }).click();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

    // Link the imported speech by its title; the link survives a reload.
    const linked = page.getByRole('combobox', { name: 'Linked speeches' });
    await linked.fill('phone');
    await page.getByRole('option', { name: /^phone-en · / }).click();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    await page.reload();
    await entryList(page, 'Entries').getByText('Club night: my icebreaker').click();
    await expect(page.getByText(/^phone-en · /)).toBeVisible();
    await expect(page.getByTestId('heatmap-months').locator('p')).not.toHaveCount(0);
    // The pointer rests on the selected entry: its hover colour must keep the text readable (AA).
    await entryList(page, 'Entries').getByText('Club night: my icebreaker').hover();

    await expect(page.getByText('Days in a row: 1')).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Entries' }).getByRole('img', { name: 'Good' }),
    ).toBeVisible();
    await expectAccessible(page, 'journal (en)');
    await screenshot(page, 'journal-en');
    await page.getByRole('button', { name: 'Start from a template' }).click();
    await page.getByRole('menuitem', { name: 'Manage templates…' }).click();
    await expect(page.getByRole('combobox', { name: '“Reflect now” starts from' })).toHaveValue(
      'Went well / improve / challenge',
    );
    await screenshot(page, 'journal-templates-en');
    await page.keyboard.press('Escape');

    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await chooseSegment(page, 'Dark');
    await openJournal(page);
    await entryList(page, 'Entries').getByText('Club night: my icebreaker').click();
    await expectAccessible(page, 'journal (en, dark)');
    await screenshot(page, 'journal-dark-en');
  });
});
