// Speeches end to end in Chromium, with real speech from the fake microphone: record, find it in the
// library with the right length, play and seek; survive a crash mid-recording; import every format.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createProfile, expect, expectAccessible, screenshot, test, waitForRecordClock } from './fixtures';
import { startHostProcess } from '../support/hostProcess';

test.use({ locale: 'zh-CN' });

/** Each speech's stored peaks (BBC audiowaveform JSON: min, max, min, max…). */
function savedPeaks(dataDir: string): { id: string; data: number[] }[] {
  const root = join(dataDir, 'speeches');
  return readdirSync(root)
    .filter((name) => /^[0-9a-f-]{36}$/.test(name))
    .map((id) => ({
      id,
      data: (JSON.parse(readFileSync(join(root, id, 'peaks.json'), 'utf8')) as { data: number[] }).data,
    }));
}

function savedSpeeches(
  dataDir: string,
): { title: string; durationMs: number; source: string; createdAt: string }[] {
  const root = join(dataDir, 'speeches');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^[0-9a-f-]{36}$/.test(name))
    .flatMap((id) => {
      try {
        return [JSON.parse(readFileSync(join(root, id, 'speech.json'), 'utf8'))];
      } catch {
        return [];
      }
    });
}

/** Records until the app's own timer reads `seconds`, then stops; returns what the timer read last. */
async function recordUntilTimerReads(page: Page, seconds: number): Promise<number> {
  await page.keyboard.press('r');
  // The recorder's own clock, not the test's: under load the two drift apart by more than a second.
  const shown = await waitForRecordClock(page, seconds);
  await page.keyboard.press('r');
  await expect(page.getByText('录音已保存')).toBeVisible();
  return shown * 1000;
}

test('a recorded speech appears in the library with its length, plays and seeks', async ({
  page,
  lectern,
}) => {
  await page.goto(lectern.url);
  await createProfile(page, '李伟');
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { name: '录制', level: 1 })).toBeVisible();
  await expectAccessible(page, 'record');
  await screenshot(page, 'record-idle-zh');

  await page.keyboard.press('r');
  await page.waitForTimeout(2500);
  await screenshot(page, 'record-live-zh');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /继续/ })).toBeVisible();
  await page.keyboard.press('Space');
  await page.waitForTimeout(2500);
  await page.keyboard.press('r');
  await expect(page.getByText('录音已保存')).toBeVisible();

  const shown = await recordUntilTimerReads(page, 5);
  // The saved length matches what the timer showed when Stop was pressed.
  const speeches = savedSpeeches(lectern.dataDir).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  expect(speeches).toHaveLength(2);
  const latest = speeches[1]!;
  // The saved length is measured from the audio, whose first sample comes a little after the timer
  // starts: within one second (one chunk) of what the timer showed, never seconds short.
  expect(latest.durationMs, 'the saved length against the timer at Stop').toBeGreaterThan(shown - 1000);
  expect(latest.durationMs).toBeLessThan(shown + 4000);
  // Once saved, the clock reads the saved length (not a second more), and says how the speech did
  // instead of the hint for speaking (five seconds is short of any target).
  const savedClock = `0:${String(Math.floor(latest.durationMs / 1000)).padStart(2, '0')}`;
  await expect(page.getByRole('timer')).toHaveText(savedClock);
  await expect(page.locator('[data-light]')).toContainText(/^\d:\d\d(未达目标时长|未设目标)$/);
  await screenshot(page, 'record-saved-zh');

  await page.getByRole('button', { name: '现在写反思' }).click();
  await expect(page.getByRole('textbox', { name: '标题' })).toHaveValue(/练习/);
  await page.keyboard.press('Control+2');
  await page.getByRole('button', { name: '在演讲库中打开' }).click();
  await expect(page.getByTestId('speech-row')).toHaveCount(2);
  await expectAccessible(page, 'library');
  // One press of ▶ on the row opens the player and plays: no second click.
  await page.getByTestId('speech-row').first().getByRole('button', { name: /播放/ }).click();
  const waveform = page.getByTestId('waveform');
  await expect(waveform.locator('div').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '暂停', exact: true })).toBeVisible();
  await expect(page.getByTestId('player-state')).toHaveText('正在播放');
  await expect(page.getByTestId('player-time')).not.toHaveText(/^0:00 \//, { timeout: 5000 });
  await page.getByRole('button', { name: '暂停', exact: true }).click();
  await expect(page.getByTestId('player-state')).toHaveText('已暂停');

  const box = (await waveform.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);
  const half = Math.floor(latest.durationMs / 2000);
  await expect(page.getByTestId('player-time')).toHaveText(new RegExp(`^0:0[${half - 1}-${half + 1}] /`));
  // The played half is drawn in the progress colour, in both schemes (a canvas: look at the picture).
  await page.mouse.move(0, 0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
    await expectAccessible(page, `library player, paused (${colorScheme})`);
    await screenshot(page, `library-player-paused-zh-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a recording survives the host being killed mid-speech', async ({ browser }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-crash-'));
  let host = await startHostProcess(dataDir);
  const page = await browser.newPage({ locale: 'zh-CN' });
  await page.goto(await host.newEntryUrl());
  await createProfile(page, '王芳');
  await page.keyboard.press('Control+2');
  // Screens load when first opened: R works once the Record screen is there.
  await expect(page.getByRole('heading', { name: '录制', level: 1 })).toBeVisible();
  await page.keyboard.press('r');
  // Kill once the recorder's own clock says 5 s were recorded (chunks reach main every second).
  const recorded = (await waitForRecordClock(page, 5)) * 1000;
  host.kill();

  host = await startHostProcess(dataDir);
  try {
    await page.goto(await host.newEntryUrl());
    await page.getByRole('navigation').getByRole('link', { name: '演讲库' }).click();
    await expect(page.getByText('崩溃后恢复')).toBeVisible();
    const [speech] = savedSpeeches(dataDir);
    expect(speech!.source).toBe('recovered');
    expect(speech!.durationMs).toBeGreaterThanOrEqual(recorded - 2000);
    await screenshot(page, 'library-recovered-zh');
  } finally {
    host.kill();
    await page.close();
  }
});

test('imports mp3, m4a, wav, ogg and webm, and refuses a broken file without touching the others', async ({
  page,
  lectern,
}) => {
  await page.goto(lectern.url);
  await createProfile(page, '陈静');
  await page.keyboard.press('Control+3');
  const fixtures = ['phone-en.mp3', 'phone-en.m4a', 'phone-en.wav', 'phone-en.ogg', 'phone-en.webm'].map(
    (name) => resolve('tests/fixtures', name),
  );
  await page.locator('input[type=file]').setInputFiles(fixtures);
  await expect(page.getByTestId('speech-row')).toHaveCount(5, { timeout: 30_000 });
  // Five imports of one name are told apart by their format, beside the length.
  const formats = await page.getByTestId('speech-format').allInnerTexts();
  expect(formats.map((text) => text.replace(/ · 0:0[23]$/, '')).sort()).toEqual([
    'M4A',
    'MP3',
    'Ogg',
    'WAV',
    'WebM',
  ]);
  for (const speech of savedSpeeches(lectern.dataDir)) {
    expect(Math.abs(speech.durationMs - 2860), `${speech.title}: ${speech.durationMs} ms`).toBeLessThan(150);
  }
  // The same words in five formats draw the same waveform: a pair every 10 ms, loud where the
  // speech is loud, the loudest moment at the same place.
  const loudest = savedPeaks(lectern.dataDir).map(({ id, data }) => {
    const pairs = data.length / 2;
    expect(Math.abs(pairs - 286), `${id}: ${pairs} pairs`).toBeLessThan(15);
    const heights = Array.from({ length: pairs }, (_, i) => data[2 * i + 1]! - data[2 * i]!);
    expect(Math.max(...heights), id).toBeGreaterThan(40);
    return heights.indexOf(Math.max(...heights));
  });
  expect(loudest).toHaveLength(5);
  expect(Math.max(...loudest) - Math.min(...loudest), `loudest pixel per format: ${loudest}`).toBeLessThan(8);
  await page.locator('input[type=file]').setInputFiles(resolve('tests/fixtures/corrupt.mp3'));
  await expect(page.getByText('无法导入 corrupt.mp3')).toBeVisible();
  await expect(page.getByTestId('speech-row')).toHaveCount(5);
  expect(savedSpeeches(lectern.dataDir)).toHaveLength(5);
  await screenshot(page, 'library-imported-zh');
});

for (const [name, message] of [
  ['NotAllowedError', '讲台无权使用麦克风'],
  ['NotFoundError', '没有找到麦克风'],
] as const) {
  test(`a microphone ${name} says what to do, in the member's language`, async ({ page, lectern }) => {
    await page.addInitScript((errorName) => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused', errorName));
    }, name);
    await page.goto(lectern.url);
    await createProfile(page, '赵强');
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('heading', { name: '录制', level: 1 })).toBeVisible();
    await page.keyboard.press('r');
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('button', { name: /录制/ })).toBeEnabled();
    expect(savedSpeeches(lectern.dataDir)).toEqual([]);
  });
}
