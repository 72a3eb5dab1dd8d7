// A member key file that cannot be read, as the member meets it in the browser: the app starts as
// usual, says what happened (the file was kept, nothing deleted) and what to do (restore a backup in
// Settings), in their language; group features wait; the broken bytes stay on disk.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProfile, expect, expectAccessible, screenshot, test } from './fixtures';

const torn = '{"version": 1, "keyId": "4b79814073f5", "secretKey": "a1b2';

test.describe('a damaged member key', () => {
  test.use({ locale: 'en-US' });

  test('the app starts, says what happened and leads to restoring a backup', async ({ page, lectern }) => {
    const identityDir = join(lectern.dataDir, 'identity');
    await mkdir(identityDir, { recursive: true });
    await writeFile(join(identityDir, 'member-key.json'), torn);
    await lectern.restart();

    await page.goto(lectern.url);
    await createProfile(page, 'Ada');
    const alert = page.getByRole('alert').filter({ hasText: 'Your member key could not be opened' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/kept the file as identity\/member-key\.unreadable-.+\.json/);
    await expect(alert).toContainText('restore your key from a backup in Settings');
    await expectAccessible(page, 'home with an unreadable key');
    await screenshot(page, 'identity-unreadable-home');

    // A group feature says why it waits.
    await page.keyboard.press('Control+5');
    await page.getByRole('button', { name: 'Create a group' }).first().click();
    await page.getByRole('button', { name: /Choose…/ }).click();
    await page.getByRole('dialog').getByRole('textbox').fill(lectern.dataDir);
    await page.getByRole('dialog').getByRole('button', { name: 'Use this folder' }).click();
    await page.getByRole('textbox', { name: 'Group name' }).fill('Sunday speakers');
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect(
      page.getByText('Your member key could not be read, so group features are paused.'),
    ).toBeVisible();

    await page.keyboard.press('Control+1');
    await alert.getByRole('button', { name: 'Restore from a backup' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'could not read your member key' })).toBeVisible();
    await screenshot(page, 'identity-unreadable-settings');

    const kept = (await readdir(identityDir)).filter((n) => n.startsWith('member-key.unreadable-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(identityDir, kept[0]!), 'utf8')).toBe(torn);
  });
});

test.describe('the key at rest in the browser version', () => {
  test.use({ locale: 'zh-CN' });

  test('Settings says the key is kept unencrypted here, and to protect the account', async ({
    page,
    lectern,
  }) => {
    await page.goto(lectern.url);
    await createProfile(page, '李伟');
    await page.keyboard.press('Control+,');
    await expect(
      page.getByText('你的密钥以未加密的形式保存在这台电脑上；请保护好这台电脑的账户。'),
    ).toBeVisible();
    await screenshot(page, 'identity-plaintext-settings-zh');
    const file = JSON.parse(await readFile(join(lectern.dataDir, 'identity', 'member-key.json'), 'utf8'));
    expect(file).toMatchObject({ version: 1, installation: { dataDir: expect.any(String) } });
  });
});
