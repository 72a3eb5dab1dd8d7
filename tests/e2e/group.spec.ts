// The group in the app, two members on two data folders sharing one group folder (as a sync tool
// would give them): the coach creates, the member joins, the coach approves, the member shares a
// recorded speech, the coach sees it in the feed and plays it. Then the folder goes away and returns.
// Approving compares the verification code the member sees with the one the coach's dialog shows.
import { copyFile, mkdtemp, readdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { chooseFolder, createGroup, joinGroup, memberPage, recordAndShare } from './groupMembers';

test('coach creates, member joins and shares a speech, coach plays it from the feed', async ({ browser }) => {
  test.setTimeout(120_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-group-'));
  const coach = await memberPage(browser, 'zh-CN', undefined, '张教练');
  const member = await memberPage(browser, 'en-US', undefined, 'Ada');
  try {
    // Coach creates the group.
    await coach.page.keyboard.press('Control+5');
    await screenshot(coach.page, 'group-welcome-zh');
    await expectAccessible(coach.page, 'group welcome');
    await coach.page.getByRole('button', { name: '创建社群' }).first().click();
    await chooseFolder(coach.page, folder);
    await coach.page.getByRole('textbox', { name: '社群名称' }).fill('周日演讲会');
    await screenshot(coach.page, 'group-create-zh');
    await coach.page.getByRole('button', { name: '创建社群' }).click();
    await expect(coach.page.getByRole('heading', { name: '周日演讲会', level: 1 })).toBeVisible();
    await expect(coach.page.getByTestId('sync-status')).toContainText('本机副本已读取');

    // Member joins.
    await member.page.keyboard.press('Control+5');
    await member.page.getByRole('button', { name: 'Join a group' }).click();
    await chooseFolder(member.page, folder);
    await expect(member.page.getByRole('heading', { name: '周日演讲会' })).toBeVisible();
    await member.page.getByRole('checkbox', { name: /agree/ }).check();
    await member.page.getByRole('button', { name: 'Ask to join' }).click();
    await expect(member.page.getByText('Waiting for a coach to approve')).toBeVisible();
    await expect(member.page.getByText('Your verification code')).toBeVisible();
    const code = (await member.page.getByTestId('verification-code').textContent()) ?? '';
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    await screenshot(member.page, 'group-waiting-en');

    // Coach approves (the request arrives through the folder watcher).
    await coach.page.getByRole('tab', { name: '成员' }).click();
    await expect(coach.page.getByText('加入申请（1）')).toBeVisible({ timeout: 15_000 });
    await screenshot(coach.page, 'group-roster-zh');
    const approve = coach.page.getByRole('dialog', { name: '批准 Ada 加入？' });
    await coach.page.getByRole('button', { name: '批准' }).click();
    await approve.getByRole('button', { name: '取消' }).click(); // Cancel leaves the request waiting
    await expect(approve).toBeHidden();
    await expect(coach.page.getByText('加入申请（1）')).toBeVisible();
    await coach.page.getByRole('button', { name: '批准' }).click();
    await expect(approve.getByTestId('verification-code')).toHaveText(code);
    await expectAccessible(coach.page, 'approve dialog');
    await screenshot(coach.page, 'group-approve-zh');
    await approve.getByRole('button', { name: '批准' }).click();
    await expect(approve).toBeHidden();
    await expect(coach.page.getByTestId('roster-member')).toHaveCount(2);
    await expect(
      coach.page.getByTestId('roster-member').filter({ hasText: 'Ada' }).getByTestId('verification-code'),
    ).toHaveText(code);

    // The member is in; records a speech and shares it from the library.
    await expect(member.page.getByRole('tab', { name: 'Feed' })).toBeVisible({ timeout: 15_000 });
    await recordAndShare(member.page, 3000, '周日演讲会');

    // The coach sees it in the feed and plays it, straight from the folder.
    await coach.page.getByRole('tab', { name: '动态' }).click();
    await expect(coach.page.getByTestId('feed-item')).toHaveCount(1, { timeout: 15_000 });
    await coach.page.getByTestId('feed-item').getByRole('button', { name: '播放' }).click();
    await coach.page
      .getByRole('region', { name: /播放器/ })
      .getByRole('button', { name: '播放', exact: true })
      .click();
    await expect(coach.page.getByTestId('player-time')).not.toHaveText(/^0:00 \//, { timeout: 5000 });
    await expectAccessible(coach.page, 'group feed');
    await screenshot(coach.page, 'group-feed-zh');

    // The folder goes away (a drive unplugged) and comes back.
    await rename(folder, `${folder}-away`);
    await coach.page.getByTestId('sync-status').click();
    await coach.page.getByRole('button', { name: '立即同步' }).click();
    await expect(coach.page.getByTestId('sync-status')).toContainText('找不到文件夹', { timeout: 15_000 });
    await screenshot(coach.page, 'group-offline-zh');
    await rename(`${folder}-away`, folder);
    await coach.page.getByRole('button', { name: '立即同步' }).click();
    await expect(coach.page.getByTestId('sync-status')).toContainText('本机副本已读取', { timeout: 15_000 });
  } finally {
    await coach.host.close();
    await member.host.close();
  }
});

test('两台电脑写了同一个文件：同步工具留下的冲突副本出现在同步状态里，并说明原因和做法', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-group-'));
  const coach = await memberPage(browser, 'zh-CN', undefined, '张教练');
  const member = await memberPage(browser, 'en-US', undefined, 'Ada');
  try {
    await createGroup(coach.page, folder, '周日演讲会');
    await joinGroup(member.page, folder);
    // What Syncthing, Dropbox and Nextcloud leave when two computers wrote group.json and a segment.
    const segment = (await readdir(folder, { recursive: true })).find((f) =>
      /segments[/\\]\d{12}-\d{12}\.json$/.test(f),
    )!;
    const copies: [string, string][] = [
      ['group.json', 'group.sync-conflict-20261206-104512-ABCDEFG.json'],
      ['group.json', 'group (conflicted copy 2026-12-06 104512).json'],
      [segment, segment.replace('.json', '.sync-conflict-20261206-104512-ABCDEFG.json')],
      [segment, segment.replace('.json', ' (Case Conflict).json')],
    ];
    for (const [original, copy] of copies) await copyFile(join(folder, original), join(folder, copy));
    // And a segment the sync tool has only half copied: set aside, with why in the member's language.
    const truncated = join(folder, dirname(segment), '000000000999-000000000999.json');
    await writeFile(truncated, '{"format":"lectern-segment","version":2,"gro');

    await coach.page.getByTestId('sync-status').click();
    await coach.page.getByRole('button', { name: '立即同步' }).click();
    const told = coach.page.getByTestId('sync-anomalies');
    await expect(told).toContainText('发现 4 个同步冲突副本', { timeout: 15_000 });
    await expect(told).toContainText('group (conflicted copy 2026-12-06 104512).json');
    await expect(told).toContainText('group.json 的副本');
    await expect(told).toContainText('还有 1 个');
    await expect(told).toContainText('两台电脑可能在用同一个讲台数据文件夹');
    await expect(coach.page.getByText('文件不完整（可能同步工具还没传完），下次同步时会再读')).toBeVisible();
    await expect(coach.page.getByTestId('sync-status')).toContainText('本机副本已读取');
    await expect(coach.page.getByText(/^本机的社群文件夹已读取 · /)).toBeVisible();
    // The pointer off the popover: axe checks the buttons as they rest, not in their hover colour.
    await coach.page.mouse.move(0, 0);
    await expectAccessible(coach.page, 'sync status with conflict copies');
    await screenshot(coach.page, 'group-sync-anomalies-zh');

    await member.page.getByTestId('sync-status').click();
    await member.page.getByRole('button', { name: 'Sync now' }).click();
    await expect(member.page.getByTestId('sync-anomalies')).toContainText(
      '4 conflict copies left by the sync tool',
      {
        timeout: 15_000,
      },
    );
    // The member wrote that directory: there it is this computer's own file that is not valid.
    await expect(
      member.page.getByText(
        "A file in this computer's directory that is not a valid record this computer wrote",
      ),
    ).toBeVisible();
    await screenshot(member.page, 'group-sync-anomalies-en');
  } finally {
    await coach.host.close();
    await member.host.close();
  }
});

/** Every byte under a folder, as text, to look for words that must never be there. */
async function folderText(folder: string): Promise<string> {
  const { readdir, readFile } = await import('node:fs/promises');
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

test('a shared reflection reaches the group; a private one never enters the folder', async ({ browser }) => {
  test.setTimeout(120_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-group-'));
  const coach = await memberPage(browser, 'zh-CN', undefined, '张教练');
  try {
    await coach.page.keyboard.press('Control+5');
    await coach.page.getByRole('button', { name: '创建社群' }).first().click();
    await chooseFolder(coach.page, folder);
    await coach.page.getByRole('textbox', { name: '社群名称' }).fill('反思小组');
    await coach.page.getByRole('button', { name: '创建社群' }).click();
    await expect(coach.page.getByRole('heading', { name: '反思小组', level: 1 })).toBeVisible();

    await coach.page.keyboard.press('Control+4');
    const entries: [string, string][] = [
      ['私密反思', '这是只属于我的秘密：紧张得手心出汗'],
      ['公开反思', '今天的开场用了一个故事，效果很好'],
    ];
    for (const [title, body] of entries) {
      await coach.page.keyboard.press('Control+n');
      await expect(coach.page.getByRole('textbox', { name: '标题' })).toHaveValue('');
      await coach.page.getByRole('textbox', { name: '标题' }).fill(title);
      await coach.page.getByRole('textbox', { name: '反思' }).fill(body);
      await expect(coach.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    }
    await coach.page.getByRole('button', { name: '分享到社群' }).click();
    await coach.page.getByRole('menuitem', { name: '反思小组' }).click();
    await expect(coach.page.getByText('已分享到 反思小组')).toBeVisible();

    await coach.page.keyboard.press('Control+5');
    await expect(coach.page.getByTestId('feed-item')).toContainText('今天的开场用了一个故事');
    const bytes = await folderText(folder);
    expect(bytes).toContain('今天的开场用了一个故事');
    expect(bytes).not.toContain('紧张得手心出汗');
    expect(bytes).not.toContain('私密反思');
  } finally {
    await coach.host.close();
  }
});
