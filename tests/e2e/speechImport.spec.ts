// Importing in the browser: the file's bytes reach the speech in one streamed upload (byte for byte)
// while its sound is analysed, the progress row tells both stages, the speech plays; an import
// cancelled mid-way (Esc on its row, or its button) leaves the library as it was.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createProfile, expect, screenshot, test } from './fixtures';

const phone = resolve('tests/fixtures/phone-en.mp3');
/** About 40 minutes of the phone recording, looped without re-encoding: made in beforeAll. */
let scratch = '';
let long = '';

test.beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lectern-import-e2e-'));
  long = join(scratch, 'long-talk.mp3');
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-stream_loop',
    '820',
    '-i',
    phone,
    '-c',
    'copy',
    long,
  ]);
});
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every folder in the data folder's speeches/, finished or not. */
function speechFolders(dataDir: string): string[] {
  const root = join(dataDir, 'speeches');
  return existsSync(root) ? readdirSync(root).filter((name) => !name.startsWith('.trash')) : [];
}

/**
 * Holds the file's upload where it is (as a slow disk or network drive would), so a cancel lands while
 * the import is still under way however fast this machine decodes.
 */
async function holdUploads(page: Page) {
  await page.route('**/upload/speeches/**', () => undefined);
}

async function openLibrary(page: Page, url: string, name: string, heading: RegExp) {
  await page.goto(url);
  await createProfile(page, name);
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('an imported file arrives byte for byte and plays', async ({ page, lectern }) => {
    await openLibrary(page, lectern.url, '陈静', /^演讲库$/);
    await page.locator('input[type=file]').setInputFiles(phone);
    await expect(page.getByText('已导入 phone-en.mp3')).toBeVisible({ timeout: 30_000 });
    const [id] = speechFolders(lectern.dataDir);
    expect(sha256(join(lectern.dataDir, 'speeches', id!, 'audio.mp3'))).toBe(sha256(phone));
    const speech = JSON.parse(readFileSync(join(lectern.dataDir, 'speeches', id!, 'speech.json'), 'utf8'));
    expect(speech.sha256).toBe(sha256(phone));
    await page.getByTestId('speech-row').first().getByRole('button', { name: /播放/ }).click();
    await expect(page.getByTestId('player-state')).toHaveText('正在播放');
    await expect(page.getByTestId('player-time')).not.toHaveText(/^0:00 \//, { timeout: 5000 });
  });

  test('cancelling with the button discards the half-made speech', async ({ page, lectern }) => {
    await openLibrary(page, lectern.url, '陈静', /^演讲库$/);
    await holdUploads(page);
    await page.locator('input[type=file]').setInputFiles(long);
    const row = page.getByTestId('import-progress');
    await expect(row).toContainText(/复制 \d+% · 分析 [1-9]\d*%/, { timeout: 20_000 });
    await screenshot(page, 'library-import-progress-zh');
    await row.getByRole('button', { name: '取消导入 long-talk.mp3' }).click();
    await expect(row).toHaveCount(0);
    await expect(page.getByText('已取消导入 long-talk.mp3，没有保存任何内容。')).toBeVisible();
    await expect(page.getByText('无法导入 long-talk.mp3')).toHaveCount(0);
    await expect(page.getByTestId('speech-row')).toHaveCount(0);
    await expect.poll(() => speechFolders(lectern.dataDir)).toEqual([]);
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('Esc on a large import mid-way leaves the library as it was', async ({ page, lectern }) => {
    await openLibrary(page, lectern.url, 'Jing Chen', /^Library$/);
    await page.locator('input[type=file]').setInputFiles(phone);
    await expect(page.getByTestId('speech-row')).toHaveCount(1, { timeout: 30_000 });
    const before = speechFolders(lectern.dataDir);
    expect(before).toHaveLength(1);

    await holdUploads(page);
    await page.locator('input[type=file]').setInputFiles(long);
    const row = page.getByTestId('import-progress');
    await expect(row).toContainText(/Copying \d+ % · Analysing [1-9]\d* %/, { timeout: 20_000 });
    await screenshot(page, 'library-import-progress-en');
    await row.getByRole('button', { name: 'Cancel importing long-talk.mp3' }).focus();
    await page.keyboard.press('Escape');
    await expect(row).toHaveCount(0);
    await expect(page.getByText('Import of long-talk.mp3 cancelled: nothing was kept.')).toBeVisible();
    await expect(page.getByTestId('speech-row')).toHaveCount(1);
    await expect.poll(() => speechFolders(lectern.dataDir)).toEqual(before);
    await screenshot(page, 'library-import-cancelled-en');
  });
});
