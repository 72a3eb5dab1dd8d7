// What a coach sees when the folder holds what the group's rules refuse: a removed member's entry
// that the removal had not seen is listed as set aside, with why, and a file someone planted in
// the coach's own directory is listed in the sync status as not published — nothing silently.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { GroupSync } from '../../electron/services/groupFolder/groupSync';
import { Outbox } from '../../electron/services/groupFolder/outbox';
import { appRegistry } from '../../shared/group/appRegistry';
import { PROFILE_UPDATE } from '../../shared/group/groupEvent';
import { memberKeyFromSecret } from '../../shared/group/identity';
import { MemberDevice } from '../../shared/group/memberDevice';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { approveFirstApplicant, chooseFolder, createGroup, memberPage } from './groupMembers';

async function identityOf(dataDir: string) {
  const file = JSON.parse(await readFile(join(dataDir, 'identity', 'member-key.json'), 'utf8')) as {
    secretKey: string;
    deviceId: string;
  };
  return new MemberDevice(memberKeyFromSecret(hexToBytes(file.secretKey)), file.deviceId);
}

test('a coach sees what was set aside and what did not publish, with the reasons', async ({ browser }) => {
  test.setTimeout(120_000);
  const folder = await mkdtemp(join(tmpdir(), 'lectern-trust-'));
  const coach = await memberPage(browser, 'zh-CN', undefined, '张教练');
  const member = await memberPage(browser, 'en-US', undefined, 'Ada');
  try {
    await createGroup(coach.page, folder, '周日演讲会');

    await member.page.keyboard.press('Control+5');
    await member.page.getByRole('button', { name: 'Join a group' }).click();
    await chooseFolder(member.page, folder);
    await member.page.getByRole('checkbox', { name: /agree/ }).check();
    await member.page.getByRole('button', { name: 'Ask to join' }).click();
    await expect(member.page.getByText('Waiting for a coach to approve')).toBeVisible();
    await coach.page.getByRole('tab', { name: '成员' }).click();
    await approveFirstApplicant(coach.page);
    await expect(coach.page.getByTestId('roster-member')).toHaveCount(2, { timeout: 15_000 });
    await member.host.close(); // Ada's computer goes offline with what it had seen so far

    // What Ada's computer had seen before the coach removed her.
    const seen = new GroupSync({ folder, registry: appRegistry });
    await seen.sync();
    const ada = await identityOf(member.dataDir);
    const adaLatest = seen.allEvents().findLast((e) => e.author === ada.key.keyId)!;

    await coach.page
      .getByTestId('roster-member')
      .filter({ hasText: 'Ada' })
      .getByRole('button', { name: '移除' })
      .click();
    await coach.page.getByRole('dialog').getByRole('button', { name: '移除' }).click();
    await expect(coach.page.getByTestId('roster-member')).toHaveCount(1, { timeout: 15_000 });

    // Offline, Ada writes on as if still a member; her sync tool later delivers it.
    ada.observe(adaLatest.hlc, Date.now());
    const late = ada.event(PROFILE_UPDATE, { bio: 'written offline after my removal' }, Date.now(), [
      adaLatest,
    ]);
    const outbox = new Outbox({
      dataDir: await mkdtemp(join(tmpdir(), 'lectern-ada-outbox-')),
      folder,
      key: ada.key,
      group: seen.groupId!,
      device: ada.deviceId,
    });
    await outbox.append([late]);
    await outbox.publish();
    // And someone plants a file in the coach's own directory of the folder.
    const coachDevice = await identityOf(coach.dataDir);
    await writeFile(
      join(folder, 'devices', coachDevice.deviceId, 'segments', '999999999999-999999999999.json'),
      'not even JSON',
    );

    await coach.page.getByTestId('sync-status').click();
    await coach.page.getByRole('button', { name: '立即同步' }).click();
    const setAside = coach.page.getByTestId('set-aside');
    await expect(setAside).toContainText('已搁置（1）', { timeout: 15_000 });
    await expect(setAside).toContainText('Ada · 资料更新');
    await expect(setAside).toContainText('由已移除的成员写入，移除时教练尚未看到这条内容');
    await expect(
      coach.page.getByRole('dialog').or(coach.page.locator('.mantine-Popover-dropdown')),
    ).toContainText('999999999999-999999999999.json');
    await screenshot(coach.page, 'group-sync-not-published-zh');
    // The pointer still rests on the light button it pressed: its hover shade must stay readable.
    await coach.page.getByRole('button', { name: '立即同步' }).hover();
    await expectAccessible(coach.page, 'sync now under the pointer');
    await screenshot(coach.page, 'group-sync-now-hovered-zh');
    await coach.page.keyboard.press('Escape');
    await expectAccessible(coach.page, 'set aside');
    await screenshot(coach.page, 'group-set-aside-zh');
  } finally {
    await coach.host.close();
    await member.host.close();
  }
});
