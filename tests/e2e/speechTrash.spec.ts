// The speech trash end to end: delete a speech, find it in the trash with its length and the days it
// has left, restore it, delete it again, delete one forever, empty the trash; and the trash survives a
// restart of the host, in English too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createProfile, expect, expectAccessible, screenshot, test } from './fixtures';

const wav = readFileSync(resolve('tests/fixtures/phone-en.wav'));
const mp3 = readFileSync(resolve('tests/fixtures/phone-en.mp3'));

/** Imports the phone recordings under these names, as a member picking files would. */
async function importSpeeches(page: Page, files: { name: string; buffer: Buffer; mimeType: string }[]) {
  const before = await page.getByTestId('speech-row').count();
  await page.locator('input[type=file]').setInputFiles(files);
  await expect(page.getByTestId('speech-row')).toHaveCount(before + files.length, { timeout: 30_000 });
}

/** Deletes a speech from the library the usual way: its menu, then the confirmation. */
async function deleteFromLibrary(page: Page, title: string, actions: string, deleteLabel: string) {
  await page.getByRole('button', { name: actions.replace('{{title}}', title) }).click();
  await page.getByRole('menuitem', { name: deleteLabel }).click();
  await page.getByRole('dialog', { name: deleteLabel }).getByRole('button', { name: deleteLabel }).click();
  await expect(page.getByTestId('speech-row').filter({ hasText: title })).toHaveCount(0);
}

/** The speech folders on disk: in the library, and in the trash (each with its note of when). */
function onDisk(dataDir: string) {
  const root = join(dataDir, 'speeches');
  const ids = (dir: string) =>
    existsSync(dir) ? readdirSync(dir).filter((name) => /^[0-9a-f-]{36}$/.test(name)) : [];
  const title = (dir: string) =>
    (JSON.parse(readFileSync(join(dir, 'speech.json'), 'utf8')) as { title: string }).title;
  return {
    library: ids(root)
      .map((id) => title(join(root, id)))
      .sort(),
    trash: ids(join(root, '.trash'))
      .map((id) => {
        const dir = join(root, '.trash', id);
        expect(existsSync(join(dir, 'trashed.json')), `${id} notes when it was deleted`).toBe(true);
        return title(dir);
      })
      .sort(),
  };
}

test.describe('on a Chinese system', () => {
  test.use({ locale: 'zh-CN' });

  test('deleted speeches wait in the trash: restore, delete again, delete forever, empty', async ({
    page,
    lectern,
  }) => {
    await page.goto(lectern.url);
    await createProfile(page, '李伟');
    await page.keyboard.press('Control+3');
    await expect(page.getByRole('heading', { name: '演讲库', level: 1 })).toBeVisible();

    // An empty trash says what it is for.
    const trashButton = page.getByRole('button', { name: /^回收站/ });
    await trashButton.click();
    const trash = page.getByRole('dialog', { name: '回收站', exact: true });
    await expect(trash.getByText('回收站是空的')).toBeVisible();
    await expect(trash.getByText(/删除的演讲会先在这里保留 30 天/)).toBeVisible();
    await expectAccessible(page, 'empty speech trash');
    await screenshot(page, 'speech-trash-empty-zh');
    await page.keyboard.press('Escape');
    await expect(trash).toBeHidden();

    await importSpeeches(page, [
      { name: '周三即兴.wav', mimeType: 'audio/wav', buffer: wav },
      { name: '自我介绍.mp3', mimeType: 'audio/mpeg', buffer: mp3 },
    ]);
    await deleteFromLibrary(page, '周三即兴', '“{{title}}”的操作', '删除');
    expect(onDisk(lectern.dataDir)).toEqual({ library: ['自我介绍'], trash: ['周三即兴'] });
    await expect(page.getByRole('button', { name: '回收站，1 段演讲' })).toBeVisible();

    // The notices of the import and the deletion, closed as a member would.
    const notices = page.getByRole('button', { name: '关闭', exact: true });
    // A notice fading out is still there for a moment: click the first one left until none is.
    await expect(async () => {
      if ((await notices.count()) > 0) await notices.first().click({ force: true, timeout: 1000 });
      expect(await notices.count()).toBe(0);
    }).toPass();
    // Opened from the keyboard: the speech, its length, when it was deleted and the days it has left.
    await trashButton.focus();
    await page.keyboard.press('Enter');
    await expect(trash).toBeVisible();
    const rows = trash.getByRole('listitem');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('周三即兴');
    await expect(rows.first()).toContainText(/0:02 · 删除于 .+ · 还剩 30 天/);
    await expectAccessible(page, 'speech trash');
    await screenshot(page, 'speech-trash-zh');

    await trash.getByRole('button', { name: '恢复“周三即兴”' }).click();
    await expect(page.getByText('“周三即兴”已恢复到演讲库。')).toBeVisible();
    await expect(trash.getByText('回收站是空的')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('speech-row')).toHaveCount(2);
    expect(onDisk(lectern.dataDir)).toEqual({ library: ['周三即兴', '自我介绍'], trash: [] });
    await expect(page.getByRole('button', { name: '回收站', exact: true })).toBeVisible();

    // Both deleted; one deleted forever, asked first and answered from the keyboard.
    await deleteFromLibrary(page, '周三即兴', '“{{title}}”的操作', '删除');
    await deleteFromLibrary(page, '自我介绍', '“{{title}}”的操作', '删除');
    await expect(page.getByRole('button', { name: '回收站，2 段演讲' })).toBeVisible();
    await page.getByRole('button', { name: '回收站，2 段演讲' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.first(), 'the most recently deleted first').toContainText('自我介绍');
    await trash.getByRole('button', { name: '永久删除“自我介绍”' }).click();
    const confirm = page.getByRole('dialog', { name: '永久删除' });
    await expect(confirm).toContainText('要永久删除“自我介绍”吗？删除后录音将无法恢复。');
    await expectAccessible(page, 'delete-forever confirmation');
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('周三即兴');
    expect(onDisk(lectern.dataDir)).toEqual({ library: [], trash: ['周三即兴'] });

    // Cancelling changes nothing; emptying asks with the count, then removes it for good.
    await trash.getByRole('button', { name: '清空回收站' }).click();
    const emptying = page.getByRole('dialog', { name: '清空回收站' });
    await expect(emptying).toContainText('要永久删除回收站中的 1 段演讲吗？删除后将无法恢复。');
    await emptying.getByRole('button', { name: '取消' }).click();
    await expect(rows).toHaveCount(1);
    await trash.getByRole('button', { name: '清空回收站' }).click();
    await emptying.getByRole('button', { name: '清空回收站' }).click();
    await expect(trash.getByText('回收站是空的')).toBeVisible();
    expect(onDisk(lectern.dataDir)).toEqual({ library: [], trash: [] });
    expect(readdirSync(join(lectern.dataDir, 'speeches', '.trash'))).toEqual([]);
  });
});

test.describe('on an English system', () => {
  test.use({ locale: 'en-US' });

  test('the trash and the time a speech was deleted survive a restart', async ({ page, lectern }) => {
    await page.goto(lectern.url);
    await createProfile(page, 'Ada');
    await page.keyboard.press('Control+3');
    await importSpeeches(page, [
      { name: 'Tuesday table topics.wav', mimeType: 'audio/wav', buffer: wav },
      { name: 'Icebreaker.mp3', mimeType: 'audio/mpeg', buffer: mp3 },
    ]);
    await deleteFromLibrary(page, 'Tuesday table topics', 'Actions for {{title}}', 'Delete');
    await deleteFromLibrary(page, 'Icebreaker', 'Actions for {{title}}', 'Delete');
    await page.getByRole('button', { name: 'Trash, 2 speeches' }).click();
    const trash = page.getByRole('dialog', { name: 'Trash', exact: true });
    const rows = trash.getByRole('listitem');
    await expect(rows).toHaveCount(2);
    const before = await rows.allTextContents();
    expect(before.join('\n')).toMatch(/0:02 · Deleted .+ · 30 days left/);

    await lectern.restart();
    await page.goto(lectern.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Library' }).click();
    await page.getByRole('button', { name: 'Trash, 2 speeches' }).click();
    await expect(rows).toHaveCount(2);
    expect(await rows.allTextContents(), 'the same speeches, deleted at the same times').toEqual(before);
    await expectAccessible(page, 'speech trash in English');
    await screenshot(page, 'speech-trash-en');

    await trash.getByRole('button', { name: 'Restore: “Tuesday table topics”' }).click();
    await expect(page.getByText('“Tuesday table topics” is back in the library.')).toBeVisible();
    await trash.getByRole('button', { name: 'Empty trash' }).click();
    await expect(page.getByRole('dialog', { name: 'Empty trash' })).toContainText(
      'Delete the 1 speech in the trash forever? It cannot be brought back.',
    );
    await page.keyboard.press('Enter');
    await expect(trash.getByText('The trash is empty')).toBeVisible();
    await screenshot(page, 'speech-trash-empty-en');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('speech-row')).toHaveCount(1);
    expect(onDisk(lectern.dataDir)).toEqual({ library: ['Tuesday table topics'], trash: [] });
  });
});
