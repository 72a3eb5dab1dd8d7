// Notes from other apps, imported through the journal's import button in a real browser: a Day One
// export (Journal.json and an m4a ffmpeg makes here, zipped with fflate) becomes an entry dated the
// day of its creation in its own time zone, linked to a speech that plays in the library; Obsidian
// and Joplin notes import with their dates and tags; the report says per file what was read and left out.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dayOneZip } from '../../shared/journal/testDayOne';
import { createProfile, expect, expectAccessible, screenshot, test } from './fixtures';

/** Made in beforeAll (not when Playwright lists the spec), removed in afterAll. */
let media = '';
let recording = new Uint8Array();

test.beforeAll(() => {
  media = mkdtempSync(join(tmpdir(), 'lectern-dayone-'));
  const file = join(media, 'voice.m4a');
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100:duration=3'],
    ...['-c:a', 'aac', '-b:a', '64k', file],
  ]);
  recording = new Uint8Array(readFileSync(file));
});

test.afterAll(() => rmSync(media, { recursive: true, force: true }));

function dayOneExport(): Buffer {
  const md5 = createHash('md5').update(recording).digest('hex');
  return Buffer.from(
    dayOneZip([
      {
        uuid: '5B1C0E6F8A2D4E3F9C7B6A5D4E3F2A1B',
        // 16:30 UTC on 1 May: 00:30 on 2 May in Shanghai, where it was written; still 1 May in
        // Los Angeles, where this computer is.
        creationDate: '2024-05-01T16:30:00Z',
        modifiedDate: '2024-05-01T16:45:00Z',
        timeZone: 'Asia/Shanghai',
        tags: ['即兴', '演讲'],
        text: '# 第一次即兴演讲\n\n开场有点紧张\\. 结尾很好\\!\n\n![](dayone-moment:/audio/VOICE1)\n\n![](dayone-moment://PHOTO1)\n',
        audios: [{ identifier: 'VOICE1', md5, format: 'm4a', bytes: recording }],
        extra: { starred: true, location: { localityName: '上海' } },
      },
    ]),
  );
}

const obsidianNote =
  '---\ntags: [演讲, practice]\ncreated: 2024-04-20\naliases: []\n---\n今天练习了开场白。\n';
const joplinNote =
  '---\ntitle: 周五的备稿演讲\nupdated: 2024-04-27 02:00:00Z\ncreated: 2024-04-26 12:00Z\nlatitude: 31.23040000\nlongitude: 121.47370000\ntags:\n  - 备稿\n---\n结构清楚。\n';

async function importNotes(page: Page) {
  await page.locator('input[type=file]').setInputFiles([
    { name: 'Day One 导出.zip', mimeType: 'application/zip', buffer: dayOneExport() },
    { name: '开场练习.md', mimeType: 'text/markdown', buffer: Buffer.from(obsidianNote) },
    { name: 'joplin.md', mimeType: 'text/markdown', buffer: Buffer.from(joplinNote) },
  ]);
}

async function openJournal(page: Page) {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^(日志|Journal)$/ })
    .click();
}

/** Waits until dialogs and notices have finished sliding in, so a screenshot shows them whole. */
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

test.describe('notes from other apps on a Chinese system', () => {
  test.use({ locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });

  test('a Day One zip becomes an entry dated in its own time zone, linked to a speech that plays', async ({
    page,
    lectern,
  }) => {
    test.setTimeout(90_000);
    await page.goto(lectern.url);
    await createProfile(page, '李伟');
    await openJournal(page);
    await importNotes(page);

    const report = page.getByRole('dialog', { name: '导入报告' });
    await expect(report).toBeVisible({ timeout: 30_000 });
    await expect(report).toContainText('已导入：新增 3 篇，更新 0 篇，0 篇未变。');
    await expect(report).toContainText('1 段录音已放入演讲库，并关联到对应的日志。');
    const dayOne = report.getByRole('region', { name: 'Day One 导出.zip/Journal.json' });
    await expect(dayOne).toContainText('“第一次即兴演讲”，日期 2024-05-02');
    await expect(dayOne).toContainText('dayone-moment://PHOTO1：导入的文件中没有这个附件');
    await expect(dayOne).toContainText('starred：讲台没有这个字段');
    const obsidian = report.getByRole('region', { name: '开场练习.md' });
    await expect(obsidian).toContainText('“开场练习”，日期 2024-04-20');
    await expect(obsidian).toContainText('aliases：讲台没有这个字段');
    // 12:00 UTC on 26 April is 05:00 that morning here.
    await expect(report.getByRole('region', { name: 'joplin.md' })).toContainText(
      '“周五的备稿演讲”，日期 2024-04-26',
    );
    await expectAccessible(page, 'journal import report');
    await settled(page);
    await screenshot(page, 'journal-import-report-zh');
    await report.getByRole('button', { name: '关闭' }).click();

    const list = page.getByRole('list', { name: '日志列表' });
    const entry = list.getByRole('button', { name: /第一次即兴演讲/ });
    await expect(entry).toContainText('2024-05-02');
    await expect(entry).toContainText('#即兴');
    await entry.click();
    await expect(page.getByRole('textbox', { name: '标题' })).toHaveValue('第一次即兴演讲');
    await expect(page.getByRole('textbox', { name: '反思' })).toHaveValue('开场有点紧张. 结尾很好!\n');
    await expect(page.getByText(/^第一次即兴演讲 · /)).toBeVisible();
    await screenshot(page, 'journal-dayone-entry-zh');

    await page.getByRole('navigation').getByRole('link', { name: '演讲库' }).click();
    const row = page.getByTestId('speech-row').filter({ hasText: '第一次即兴演讲' });
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: /播放/ }).click();
    await expect(page.getByTestId('player-state')).toHaveText('正在播放');
    await expect(page.getByTestId('player-time')).not.toHaveText(/^0:00 \//, { timeout: 5000 });

    // The same export again changes nothing: no second speech.
    await openJournal(page);
    await page.locator('input[type=file]').setInputFiles({
      name: 'Day One 导出.zip',
      mimeType: 'application/zip',
      buffer: dayOneExport(),
    });
    await expect(page.getByRole('dialog', { name: '导入报告' })).toContainText(
      '已导入：新增 0 篇，更新 0 篇，1 篇未变。',
    );
    await page.getByRole('dialog', { name: '导入报告' }).getByRole('button', { name: '关闭' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '演讲库' }).click();
    await expect(page.getByTestId('speech-row')).toHaveCount(1);
  });
});

test.describe('notes from other apps in English', () => {
  test.use({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });

  test('the import report says per file what was read and what was left out', async ({ page, lectern }) => {
    test.setTimeout(90_000);
    await page.goto(lectern.url);
    await createProfile(page, 'Ada');
    await openJournal(page);
    await importNotes(page);
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toBeVisible({ timeout: 30_000 });
    await expect(report).toContainText('1 recording became a speech in the Library, linked to its entry.');
    await expect(report.getByRole('region', { name: 'joplin.md' })).toContainText(
      'latitude: Lectern has no such field',
    );
    await expectAccessible(page, 'journal import report (en)');
    await settled(page);
    await screenshot(page, 'journal-import-report-en');
  });
});
