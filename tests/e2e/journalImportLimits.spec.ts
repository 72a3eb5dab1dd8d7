// Journal import within its limits, in a real browser (the zip is read in the import worker): a zip
// bomb whose header lies is refused, naming the file; a zip with too many files is refused, saying the
// limit and what to do; nothing of either is written; a normal zip of Chinese entries still imports.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Page } from '@playwright/test';
import { entryToMarkdown } from '../../shared/journal/frontMatter';
import { journalImportLimits } from '../../shared/journal/journalImport';
import { testEntry } from '../../shared/journal/testEntries';
import { rawZip, storedEntry, zerosDeflated } from '../../shared/journal/testZips';
import { createProfile, expect, expectAccessible, screenshot, test } from './fixtures';

const MiB = 1024 * 1024;

/** A good entry, then one that declares 1 MiB and inflates to 900 MiB. */
const bomb = () =>
  Buffer.from(
    rawZip([
      storedEntry('journal/好的.md', strToU8('这一篇没有问题。')),
      { name: 'journal/炸弹.md', data: zerosDeflated(900), method: 8, size: MiB, crc: 0 },
    ]),
  );

async function openJournal(page: Page) {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^(日志|Journal)$/ })
    .click();
}

/** Waits until notices have finished sliding in, so a screenshot shows them whole. */
async function settled(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished),
    ),
  );
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/zip', buffer });
}

test.describe('journal import limits on a Chinese system', () => {
  test.use({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

  test('refuses a zip bomb and a zip of too many files, then imports a normal zip', async ({
    page,
    lectern,
  }) => {
    await page.goto(lectern.url);
    await createProfile(page, '李伟');
    await openJournal(page);
    await expect(page.getByRole('heading', { name: '日志还是空的' })).toBeVisible();

    await importFile(page, '日志备份.zip', bomb());
    const bombNotice = page.locator('.mantine-Notification-root', {
      hasText: '日志备份.zip：没有导入任何内容',
    });
    await expect(bombNotice).toContainText('“journal/炸弹.md”的实际内容超过了文件头声明的 1 MB');
    await expect(bombNotice).toContainText('请用原始文件重新制作 zip 文件');
    await expect(page.getByRole('heading', { name: '日志还是空的' })).toBeVisible();
    await expectAccessible(page, 'journal import refused');
    await settled(page);
    await screenshot(page, 'journal-import-bomb-zh');
    await bombNotice.getByRole('button', { name: '关闭' }).click();
    await expect(bombNotice).toBeHidden();

    const many: Zippable = {};
    for (let i = 0; i <= journalImportLimits.maxEntries; i++) many[`journal/${i}.md`] = strToU8(`第${i}篇`);
    await importFile(page, '太多了.zip', Buffer.from(zipSync(many, { level: 0 })));
    const manyNotice = page.locator('.mantine-Notification-root', {
      hasText: '太多了.zip：没有导入任何内容',
    });
    await expect(manyNotice).toContainText(
      '其中有 10,001 个文件，一次最多导入 10,000 个。请把它拆成几个较小的 zip 文件，逐个导入。',
    );
    await settled(page);
    await screenshot(page, 'journal-import-too-many-zh');
    await manyNotice.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByRole('heading', { name: '日志还是空的' })).toBeVisible();

    const entries = Array.from({ length: 250 }, (_, i) =>
      testEntry({ id: `entry-${i}`, title: `第${i + 1}次演讲`, body: `开场${i}，结尾很好。` }),
    );
    const good: Zippable = Object.fromEntries(
      entries.map((e) => [`journal/${e.title}.md`, strToU8(entryToMarkdown(e, 'Asia/Shanghai'))]),
    );
    await importFile(page, '好的备份.zip', Buffer.from(zipSync(good)));
    await expect(page.getByText('已导入：新增 250 篇，更新 0 篇，0 篇未变。')).toBeVisible();
    await expect(page.getByText('显示 250 篇')).toBeVisible();
    await expect(page.getByRole('list', { name: '日志列表' }).getByText('第1次演讲')).toBeVisible();
  });
});

test.describe('journal import limits in English', () => {
  test.use({ locale: 'en-US' });

  test('names the lying file of a zip bomb', async ({ page, lectern }) => {
    await page.goto(lectern.url);
    await createProfile(page, 'Ada');
    await openJournal(page);
    await importFile(page, 'backup.zip', bomb());
    const notice = page.locator('.mantine-Notification-root', {
      hasText: 'Nothing imported from backup.zip',
    });
    await expect(notice).toContainText('“journal/炸弹.md” holds more than the 1 MB its header declares.');
    await expect(page.getByRole('heading', { name: 'Your journal is empty' })).toBeVisible();
    await settled(page);
    await screenshot(page, 'journal-import-bomb-en');
  });
});
