// The app shell in a real browser over the loopback host: first run, languages, theme, navigation,
// keyboard shortcuts, persistence across reloads and host restarts, and accessibility of every screen.
import { join } from 'node:path';
import { chooseSegment, createProfile, expect, expectAccessible, screenshot, test } from './fixtures';

const screens = [
  { hash: 'home', zh: '首页', en: 'Home' },
  { hash: 'record', zh: '录制', en: 'Record' },
  { hash: 'library', zh: '演讲库', en: 'Library' },
  { hash: 'journal', zh: '日志', en: 'Journal' },
  { hash: 'group', zh: '社群', en: 'Group' },
  { hash: 'settings', zh: '设置', en: 'Settings' },
];

test.describe('on a Chinese system', () => {
  test.use({ locale: 'zh-CN' });

  test('first run in 简体中文 creates a profile that survives a reload and a host restart', async ({
    page,
    lectern,
  }) => {
    await page.goto(lectern.url);
    await expect(page.getByRole('heading', { name: '欢迎使用讲台' })).toBeVisible();
    await expectAccessible(page, 'first run');
    await screenshot(page, 'first-run-zh');

    await page.getByRole('button', { name: '开始练习' }).click();
    await expect(page.getByText('请输入显示名称。')).toBeVisible();

    await createProfile(page, '李伟');
    await expect(page.getByRole('heading', { name: '你好，李伟' })).toBeVisible();
    await screenshot(page, 'home-zh');

    await page.reload();
    await expect(page.getByRole('heading', { name: '你好，李伟' })).toBeVisible();

    await lectern.restart();
    await page.goto(lectern.url);
    await expect(page.getByRole('heading', { name: '你好，李伟' })).toBeVisible();
  });

  test('every screen is reachable by click and keyboard, and accessible in both themes', async ({
    page,
    lectern,
  }) => {
    await page.goto(lectern.url);
    await createProfile(page, '王芳');
    for (const screen of screens) {
      await page.getByRole('navigation').getByRole('link', { name: screen.zh }).click();
      await expect(page).toHaveURL(new RegExp(`#/${screen.hash}$`));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, `${screen.hash} (light)`);
      await screenshot(page, `${screen.hash}-zh`);
    }
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('heading', { name: '录制', level: 1 })).toBeVisible();
    await page.keyboard.press('Control+4');
    await expect(page.getByRole('heading', { name: '日志还是空的' })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/#\/record$/);

    await page.keyboard.press('Control+,');
    await chooseSegment(page, '深色');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    for (const screen of screens) {
      await page.getByRole('navigation').getByRole('link', { name: screen.zh }).click();
      await expectAccessible(page, `${screen.hash} (dark)`);
    }
    await screenshot(page, 'settings-dark-zh');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  });

  test('switching to English and back changes every label and is remembered', async ({ page, lectern }) => {
    await page.goto(lectern.url);
    await createProfile(page, '陈静');
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await chooseSegment(page, 'English');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Library' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await screenshot(page, 'settings-en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

    await chooseSegment(page, '简体中文');
    await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('renaming in Settings shows everywhere and rejects an empty name', async ({ page, lectern }) => {
    await page.goto(lectern.url);
    await createProfile(page, '赵强');
    await page.keyboard.press('Control+,');
    // The browser cannot open a folder: the web host's logs folder (in its data folder) is shown to copy.
    await page.getByRole('button', { name: '打开运行日志文件夹' }).click();
    await expect(page.getByTestId('logs-folder')).toHaveText(join(lectern.dataDir, 'logs'));
    await expect(page.getByRole('button', { name: '复制路径' })).toBeVisible();
    await expectAccessible(page, 'settings with the logs folder');
    await screenshot(page, 'settings-logs-zh');

    const name = page.getByRole('textbox', { name: '显示名称' });
    await name.fill('   ');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('请输入显示名称。')).toBeVisible();
    await name.fill('赵老师');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('已保存');
    await expect(page.getByRole('banner').getByText('赵老师')).toBeVisible();
    await expect(page.getByText(lectern.dataDir, { exact: true })).toBeVisible();
  });
});

test.describe('on an English system', () => {
  test.use({ locale: 'en-US' });

  test('first run appears in English', async ({ page, lectern }) => {
    // At start the window warms its media pipeline with a fifth of a second of silence from the
    // app's own files (renderer/shell/warmMediaPipeline.ts): served, and as audio.
    const silence = page.waitForResponse((response) => new URL(response.url()).pathname === '/silence.webm');
    await page.goto(lectern.url);
    const warmUp = await silence;
    expect(warmUp.status()).toBe(200);
    expect(warmUp.headers()['content-type']).toBe('audio/webm');
    await expect(page.getByRole('heading', { name: 'Welcome to Lectern' })).toBeVisible();
    await screenshot(page, 'first-run-en');
    await createProfile(page, 'Ada');
    await expect(page.getByRole('heading', { name: 'Hello, Ada' })).toBeVisible();
    await expectAccessible(page, 'home (en)');
    await screenshot(page, 'home-en');
  });

  test('an address that was used already (or never printed) is locked, in both languages', async ({
    page,
    lectern,
  }) => {
    const response = await page.goto(`${lectern.origin}/?token=used-or-guessed`);
    expect(response?.status()).toBe(401);
    await expect(page.getByText(/this address was used already/)).toBeVisible();
    await expect(page.getByText(/这个地址已经用过/)).toBeVisible();
  });
});
