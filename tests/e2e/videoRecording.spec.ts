// 带摄像头录制 (#16): a member records a speech with the camera from Chromium's fake camera (frames that
// tell their time, see fakeCamera.ts) and the fake microphone; the file on disk has a picture and a voice
// of the right length, the picture is not mirrored though the preview is, and the library lists it. A
// missing camera leaves recording audio only one press away; a nearly full disk is said before it bites.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { encodeWire, wireContentType } from '../../shared/api/wire';
import { formatClock } from '../../renderer/shell/formatDuration';
import { fakeCamera } from './fakeCamera';
import {
  chooseSegment,
  createProfile,
  expect,
  expectAccessible,
  screenshot,
  test,
  waitForRecordClock,
} from './fixtures';

interface SavedSpeech {
  id: string;
  mimeType: string;
  durationMs: number;
  video?: { width: number; height: number };
}

function savedSpeeches(dataDir: string): SavedSpeech[] {
  const root = join(dataDir, 'speeches');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^[0-9a-f-]{36}$/.test(name))
    .map((id) => JSON.parse(readFileSync(join(root, id, 'speech.json'), 'utf8')) as SavedSpeech);
}

interface Probe {
  streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
  format: { duration: string };
}

function ffprobe(file: string): Probe {
  return JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], {
      encoding: 'utf8',
    }),
  ) as Probe;
}

/** One frame of the recording at `seconds`, as 8-bit gray pixels, row by row. */
function grayFrame(file: string, seconds: number): Buffer {
  return execFileSync('ffmpeg', [
    ...['-v', 'error', '-ss', String(seconds), '-i', file],
    ...['-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
  ]);
}

/** How far apart the darkest and lightest pixels of a rectangle of a frame are: 0 for a plain colour. */
function spread(frame: Buffer, width: number, x0: number, y0: number, w: number, h: number): number {
  let low = 255;
  let high = 0;
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) {
      low = Math.min(low, frame[y * width + x]!);
      high = Math.max(high, frame[y * width + x]!);
    }
  return high - low;
}

/** "0:07" → 7000. */
function clockMs(text: string): number {
  const [minutes, seconds] = text.split(':').map(Number);
  return (minutes! * 60 + seconds!) * 1000;
}

async function openRecord(page: Page, url: string, name: string, heading: RegExp): Promise<void> {
  await page.goto(url);
  await createProfile(page, name);
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** Presses the big Record / Stop button (R does the same, but not while a picker has the focus). */
async function pressRecordButton(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(录制|停止|Record|Stop) R$/ }).click();
}

/** The whole screen from its heading down (the Record button scrolled the page). */
async function screenshotFromTop(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

/** Answers speeches.freeSpace with `freeBytes()` instead of the real disk's free space. */
async function fakeFreeSpace(page: Page, freeBytes: () => number): Promise<void> {
  await page.route('**/api/speeches.freeSpace', (route) =>
    route.fulfill({
      contentType: wireContentType,
      body: Buffer.from(encodeWire({ ok: true, value: { freeBytes: freeBytes() } })),
    }),
  );
}

test.describe('zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test('成员带摄像头录制演讲：镜像预览，录下的文件有画面和声音，演讲库列出它', async ({
    browser,
    lectern,
  }) => {
    // A member who allowed the camera before: the browser names its cameras, so one can be picked by name
    // (before any permission a browser lists none, and the picker offers the system's default alone).
    const context = await browser.newContext({ locale: 'zh-CN', permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    await openRecord(page, lectern.url, '李伟', /^录制$/);
    await chooseSegment(page, '带摄像头');
    // The camera stays off until recording starts; the picker and quality are there already.
    await expect(page.getByText('开始录制时才会打开摄像头')).toBeVisible();
    await expect(page.getByTestId('camera-preview')).toHaveCount(0);
    await page.getByRole('combobox', { name: '摄像头' }).click();
    await page.getByRole('option', { name: /fake-camera\.y4m/ }).click();
    await expect(page.getByRole('combobox', { name: '视频画质' })).toHaveValue('720p（约 1 Mbit/s）');
    await expectAccessible(page, 'record with camera, idle');

    await pressRecordButton(page);
    const preview = page.getByTestId('camera-preview');
    await expect(preview).toBeVisible();
    // The fake camera's picture is playing in the preview, flipped left to right.
    await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(fakeCamera.width);
    expect(await preview.evaluate((v) => getComputedStyle(v).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    // Quick pictures only while this recording runs (the English test checks the live screen with axe).
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
      await screenshotFromTop(page, `record-camera-zh-${colorScheme}`);
    }
    // At least four seconds by the recorder's own clock, not the test's (the pictures above may take a
    // while on a busy machine): what it reads at Stop is what the file must hold.
    await waitForRecordClock(page, 4, 20_000);
    const shownMs = clockMs(await page.getByRole('timer').innerText());
    await pressRecordButton(page);
    await expect(page.getByText('录像已保存')).toBeVisible();
    await expect(page.getByTestId('camera-preview')).toHaveCount(0);

    const [speech] = savedSpeeches(lectern.dataDir);
    expect(speech).toMatchObject({
      mimeType: 'video/webm',
      video: { width: fakeCamera.width, height: fakeCamera.height },
    });
    // Measured from the audio, which starts a little after the clock: within a chunk or so of the clock.
    expect(speech!.durationMs).toBeGreaterThan(shownMs - 1000);
    expect(speech!.durationMs).toBeLessThan(shownMs + 3000);
    const file = join(lectern.dataDir, 'speeches', speech!.id, 'video.webm');
    const probe = ffprobe(file);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const audio = probe.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ width: fakeCamera.width, height: fakeCamera.height });
    expect(['vp9', 'vp8']).toContain(video!.codec_name);
    expect(audio?.codec_name).toBe('opus');
    // The file says its own length (the finish wrote it), and it is the recording's.
    expect(Number(probe.format.duration) * 1000).toBeGreaterThan(speech!.durationMs - 1000);
    expect(Number(probe.format.duration) * 1000).toBeLessThan(speech!.durationMs + 1000);
    // Not mirrored: the frame number's black box is at the bottom left, as the camera sees it.
    const { width, height } = fakeCamera;
    const frame = grayFrame(file, 2);
    const box = { y: height - 38, w: 40, h: 30 };
    expect(
      spread(frame, width, 10, box.y, box.w, box.h),
      'white digits on black, bottom left',
    ).toBeGreaterThan(150);
    expect(
      spread(frame, width, width - 50, box.y, box.w, box.h),
      'plain background, bottom right',
    ).toBeLessThan(40);

    await page.getByRole('button', { name: '在演讲库中打开' }).click();
    await expect(page.getByTestId('speech-row')).toHaveCount(1);
    await expect(page.getByTestId('speech-row')).toContainText(formatClock(speech!.durationMs));
    await context.close();
  });

  test('磁盘快满时先提醒，连 1 分钟都录不下时不开始录制', async ({ page, lectern }) => {
    let freeBytes = 30_000_000; // 720p: about 3 min; 480p: about 6 min; audio only: about 26 min
    await fakeFreeSpace(page, () => freeBytes);
    await openRecord(page, lectern.url, '王芳', /^录制$/);
    await expect(page.getByTestId('disk-warning')).toHaveCount(0);
    await chooseSegment(page, '带摄像头');
    await expect(page.getByTestId('disk-warning')).toContainText('磁盘还能再录约 3 分钟');
    await page.getByRole('combobox', { name: '视频画质' }).click();
    await page.getByRole('option', { name: /^480p/ }).click();
    await expect(page.getByTestId('disk-warning')).toContainText('磁盘还能再录约 6 分钟');
    await expectAccessible(page, 'record, disk low');
    await screenshotFromTop(page, 'record-disk-low-zh');
    await chooseSegment(page, '仅录音');
    await expect(page.getByTestId('disk-warning')).toHaveCount(0);
    await chooseSegment(page, '带摄像头');
    await expect(page.getByTestId('disk-warning')).toBeVisible();

    freeBytes = 3_000_000; // 480p: not even one minute
    await pressRecordButton(page);
    await expect(page.getByRole('alert').filter({ hasText: '录音出现问题' })).toContainText(
      '连 1 分钟也录不下',
    );
    await expect(page.getByTestId('camera-preview')).toHaveCount(0);
    expect(savedSpeeches(lectern.dataDir)).toEqual([]);
  });
});

test.describe('en', () => {
  test.use({ locale: 'en' });

  test('the camera preview in English, light and dark', async ({ page, lectern }) => {
    await openRecord(page, lectern.url, 'Alex', /^Record$/);
    await chooseSegment(page, 'With camera');
    await screenshotFromTop(page, 'record-camera-idle-en');
    await pressRecordButton(page);
    await expect(page.getByTestId('camera-preview')).toBeVisible();
    // At least two seconds in (a busy machine may skip a reading).
    await waitForRecordClock(page, 2, 20_000);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
      await expectAccessible(page, `record with camera, live (${colorScheme})`);
      await screenshotFromTop(page, `record-camera-en-${colorScheme}`);
    }
    await pressRecordButton(page);
    await expect(page.getByText('Video saved')).toBeVisible();
  });

  for (const [name, message] of [
    ['NotFoundError', 'No camera was found'],
    ['NotAllowedError', 'Lectern may not use the camera'],
    ['NotReadableError', 'The camera is in use by another app'],
  ] as const) {
    test(`a camera ${name} says so, and recording audio only is one press away`, async ({
      page,
      lectern,
    }) => {
      // The microphone works; the camera does not.
      await page.addInitScript((errorName) => {
        const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = (constraints) =>
          constraints?.video ? Promise.reject(new DOMException('camera', errorName)) : real(constraints);
      }, name);
      await openRecord(page, lectern.url, 'Sam', /^Record$/);
      await chooseSegment(page, 'With camera');
      await pressRecordButton(page);
      const problem = page.getByRole('alert').filter({ hasText: 'Recording problem' });
      await expect(problem).toContainText(message);
      expect(savedSpeeches(lectern.dataDir)).toEqual([]);
      if (name === 'NotFoundError') await screenshotFromTop(page, 'record-no-camera-en');
      await problem.getByRole('button', { name: 'Record audio only' }).click();
      await expect(page.getByRole('radio', { name: 'Audio only' })).toBeChecked();
      await pressRecordButton(page);
      await waitForRecordClock(page, 1, 20_000);
      await pressRecordButton(page);
      await expect(page.getByText('Recording saved')).toBeVisible();
      expect(savedSpeeches(lectern.dataDir).map((s) => s.mimeType)).toEqual(['audio/webm']);
    });
  }
});
