// Members of one group in the e2e tests: each on its own data folder and loopback host, with the
// steps they share (join a group folder, record a speech, open the Assignments tab) and the
// Shanghai wall-clock a coach types deadlines in.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startLocalHost } from '../../electron/web/startLocalHost';
import type { WebHost } from '../../electron/web/webHost';
import { createProfile, expect } from './fixtures';

/**
 * A member with a first-run profile. `timezoneId` undefined keeps the machine's zone; `prepare` sets up
 * the browser context (permissions, init scripts) before the first page opens.
 */
export async function memberPage(
  browser: Browser,
  locale: string,
  timezoneId: string | undefined,
  name: string,
  prepare?: (context: BrowserContext, host: WebHost) => Promise<void>,
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-member-'));
  const host: WebHost = await startLocalHost({ dataDir, rendererDir: 'out/renderer' });
  const context = await browser.newContext({
    locale,
    ...(timezoneId ? { timezoneId } : {}),
    viewport: { width: 1180, height: 900 },
  });
  await prepare?.(context, host);
  const page = await context.newPage();
  await page.goto(host.newEntryUrl());
  await createProfile(page, name);
  return { page, host, dataDir };
}

export async function chooseFolder(page: Page, folder: string) {
  await page.getByRole('button', { name: /选择…|Choose…/ }).click();
  await page.getByRole('dialog').getByRole('textbox').fill(folder);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /使用这个文件夹|Use this folder/ })
    .click();
}

/** A coach (in Chinese) creates a group named `name` in `folder` and sees its screen. */
export async function createGroup(page: Page, folder: string, name: string) {
  await page.keyboard.press('Control+5');
  await page.getByRole('button', { name: '创建社群' }).first().click();
  await chooseFolder(page, folder);
  await page.getByRole('textbox', { name: '社群名称' }).fill(name);
  await page.getByRole('button', { name: '创建社群' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** A coach (in Chinese) approves the first waiting request, confirming in the verification dialog. */
export async function approveFirstApplicant(page: Page) {
  await page.getByRole('button', { name: '批准' }).first().click({ timeout: 15_000 });
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '批准' }).click();
  await expect(dialog).toBeHidden();
}

/** A member (in English or Chinese) asks to join the group in `folder` and waits for a coach. */
export async function joinGroup(page: Page, folder: string) {
  await page.keyboard.press('Control+5');
  await page
    .getByRole('button', { name: /^(Join a group|加入社群)$/ })
    .first()
    .click();
  await chooseFolder(page, folder);
  await page.getByRole('checkbox', { name: /agree|我已阅读并同意社群公约/ }).check();
  await page.getByRole('button', { name: /^(Ask to join|申请加入)$/ }).click();
  await expect(page.getByText(/^(Waiting for a coach to approve|等待教练批准)$/)).toBeVisible();
}

/** Records about `ms` of the fake microphone's speech on the Record screen (an English member). */
export async function recordSpeech(page: Page, ms = 2500) {
  await page.keyboard.press('r');
  await expect(page.getByRole('button', { name: /Stop/ })).toBeVisible(); // the microphone is open
  await page.waitForTimeout(ms);
  await page.keyboard.press('r');
  await expect(page.getByText('Recording saved')).toBeVisible();
}

/** Records a speech and shares it with `group` from the library (an English member). */
export async function recordAndShare(page: Page, ms: number, group: string) {
  await page.keyboard.press('Control+2');
  await recordSpeech(page, ms);
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Share with group' }).click();
  await expect(page.getByText(`Shared with ${group}`)).toBeVisible();
}

/** A member (in English) withdraws their shared speech from the feed; the dialog asks first. */
export async function withdrawOwnSpeech(page: Page) {
  await page.keyboard.press('Control+5');
  await page.getByRole('tab', { name: 'Feed' }).click();
  await page.getByTestId('feed-item').getByRole('button', { name: 'Withdraw' }).click();
  // It asks first: members lose it and the critiques on it.
  const confirm = page.getByRole('dialog', { name: /^Withdraw “.+” from the group\?$/ });
  await expect(confirm).toContainText('The speech stays in your library.');
  await confirm.getByRole('button', { name: 'Withdraw' }).click();
}

export async function openAssignments(page: Page) {
  await page.keyboard.press('Control+5');
  await page.getByRole('tab', { name: 'Assignments' }).click();
}

/** Wall-clock parts of an instant in Shanghai, as the coach types them. */
export function shanghai(millis: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(millis)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'][
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!)
  ]!;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday,
  };
}
