// The Syncthing setting (off by default) and the line it adds to the group's sync status: pointed at a
// port where nothing listens, the popover says Syncthing did not answer and what to check.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseSegment, expect, expectAccessible, screenshot, test } from './fixtures';
import { freePort } from '../integration/syncthing/syncthingPair';
import { createGroup, memberPage } from './groupMembers';

test('Syncthing off by default; turned on, the sync status says when it does not answer', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-group-'));
  const { page, host } = await memberPage(browser, 'zh-CN', undefined, '张教练');
  try {
    await createGroup(page, folder, '周日演讲会');
    const openStatus = async () => {
      await page.getByTestId('sync-status').click();
      return page.getByRole('dialog');
    };

    // Off: the popover says only what the app knows itself.
    const popover = await openStatus();
    await expect(popover.getByText('本机的社群文件夹已读取', { exact: false })).toBeVisible();
    await expect(popover.getByTestId('sync-tool-status')).toHaveCount(0);
    await page.keyboard.press('Escape');

    // Settings: the Syncthing section, off; on, it asks for the key first.
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    const section = page.getByRole('form', { name: 'Syncthing' });
    const toggle = section.getByRole('switch', { name: '向 Syncthing 询问社群文件夹的状态' });
    await expect(toggle).not.toBeChecked();
    await toggle.click({ force: true });
    await section.getByRole('textbox', { name: '图形界面端口' }).fill(String(await freePort()));
    await section.getByRole('button', { name: '保存' }).click();
    await expect(section.getByText('请输入 Syncthing 的 API 密钥。')).toBeVisible();
    await section.getByLabel('API 密钥').fill('not-a-real-key');
    await section.getByRole('button', { name: '保存' }).click();
    await expect(section.getByRole('status')).toHaveText('已保存');
    // The saved key is not shown again: the field is empty, saying it is kept.
    await expect(section.getByLabel('API 密钥')).toHaveValue('');
    await expect(section.getByLabel('API 密钥')).toHaveAttribute('placeholder', '已保存；留空则保持不变');
    await expectAccessible(page, 'settings with Syncthing on');
    await screenshot(page, 'syncthing-settings-zh');

    // The group's sync status asks Syncthing when it opens: nothing answers at that port.
    await page.keyboard.press('Control+5');
    const asked = await openStatus();
    await expect(asked.getByTestId('sync-tool-status')).toHaveText(
      'Syncthing 没有响应。请检查 Syncthing 是否在运行，以及设置里的端口和 API 密钥。',
    );
    await expectAccessible(page, 'sync status with Syncthing');
    await screenshot(page, 'syncthing-status-unreachable-zh');
    await page.keyboard.press('Escape');

    // The same in English.
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await chooseSegment(page, 'English');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await screenshot(page, 'syncthing-settings-en');
    await page.getByRole('navigation').getByRole('link', { name: 'Group' }).click();
    await expect((await openStatus()).getByTestId('sync-tool-status')).toHaveText(
      'Syncthing did not answer. Check that Syncthing is running, and the port and API key in Settings.',
    );
    await screenshot(page, 'syncthing-status-unreachable-en');
    await page.keyboard.press('Escape');

    // Off again: the line is gone.
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page
      .getByRole('form', { name: 'Syncthing' })
      .getByRole('switch', { name: 'Ask Syncthing about group folders' })
      .click({ force: true });
    await expect(page.getByRole('form', { name: 'Syncthing' }).getByRole('status')).toHaveText('Saved');
    await page.getByRole('navigation').getByRole('link', { name: 'Group' }).click();
    await expect((await openStatus()).getByText(/^This computer's copy of the group folder/)).toBeVisible();
    await expect(page.getByTestId('sync-tool-status')).toHaveCount(0);
  } finally {
    await page.context().close();
    await host.close();
  }
});
