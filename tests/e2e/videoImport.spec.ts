// Importing video in Chromium, with files ffmpeg makes here: a phone's MP4 and MOV (H.264 + AAC) and a
// WebM (VP9 + Opus) become video speeches with a poster thumbnail, their length and peaks from their
// sound; a picture without sound, a truncated file and garbage are refused with the reason; an HEVC
// file (Debian's Chromium plays its sound, not its picture) is kept without a poster, tried once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Speech } from '../../shared/domain/speech';
import { chooseSegment, createProfile, expect, expectAccessible, screenshot, test } from './fixtures';

test.use({ locale: 'zh-CN' });

const seconds = 4;
/** Silence for the first 1.5 s, then a tone: the peaks show where the sound starts. */
const toneFrom = 1.5;
/** Made in beforeAll (not when Playwright lists the spec), removed in afterAll. */
let media = '';

function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

const picture = ['-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=25:duration=${seconds}`];
const tone = `aevalsrc=if(gte(t\\,${toneFrom})\\,0.5*sin(2*PI*440*t)\\,0):s=48000:d=${seconds}`;
const sound = ['-f', 'lavfi', '-i', tone];
const h264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];
const names = {
  mp4: '我的家乡.mp4',
  mov: '自我介绍.mov',
  webm: '即兴演讲.webm',
  hevc: '手机 HEVC.mp4',
  silent: '没有声音.mp4',
  truncated: '传了一半.mp4',
  garbage: '乱码.mov',
};
const files = {} as Record<keyof typeof names, string>;

test.beforeAll(() => {
  media = mkdtempSync(join(tmpdir(), 'lectern-video-import-'));
  for (const [key, name] of Object.entries(names)) files[key as keyof typeof names] = join(media, name);
  ffmpeg(...picture, ...sound, ...h264, '-c:a', 'aac', '-shortest', files.mp4);
  ffmpeg(...picture, ...sound, ...h264, '-c:a', 'aac', '-shortest', files.mov);
  ffmpeg(...picture, ...sound, '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-c:a', 'libopus', files.webm);
  ffmpeg(
    ...picture,
    ...sound,
    ...['-c:v', 'libx265', '-x265-params', 'log-level=error', '-tag:v', 'hvc1'],
    ...['-c:a', 'aac', '-shortest', files.hevc],
  );
  ffmpeg(...picture, ...h264, files.silent);
  // A copy cut off halfway (its index, at the end of an MP4 ffmpeg writes, never arrived), and bytes
  // that are no media at all.
  const whole = readFileSync(files.mp4);
  writeFileSync(files.truncated, whole.subarray(0, whole.length / 2));
  writeFileSync(files.garbage, Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 251)));
});

test.afterAll(() => rmSync(media, { recursive: true, force: true }));

function savedSpeeches(dataDir: string): (Speech & { dir: string })[] {
  const root = join(dataDir, 'speeches');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^[0-9a-f-]{36}$/.test(name) && existsSync(join(root, name, 'speech.json')))
    .map((id) => ({
      ...JSON.parse(readFileSync(join(root, id, 'speech.json'), 'utf8')),
      dir: join(root, id),
    }));
}

/** Peak heights (max − min), one per 10 ms. */
function peakHeights(dir: string): number[] {
  const { data } = JSON.parse(readFileSync(join(dir, 'peaks.json'), 'utf8')) as { data: number[] };
  return Array.from({ length: data.length / 2 }, (_, i) => data[2 * i + 1]! - data[2 * i]!);
}

async function importFiles(page: Page, paths: string[]): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(paths);
}

/** The poster as drawn: its size, and how many distinct colours a 32×18 copy of it has. */
function posterShown(poster: Locator) {
  return poster.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 18;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0, 32, 18);
    const pixels = context.getImageData(0, 0, 32, 18).data;
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4)
      colours.add(`${pixels[i]! >> 4},${pixels[i + 1]! >> 4},${pixels[i + 2]! >> 4}`);
    return { width: img.naturalWidth, height: img.naturalHeight, colours: colours.size };
  });
}

test('成员导入手机拍的 MP4、MOV 和 WebM：库里是带封面帧、时长和格式的视频演讲', async ({ page, lectern }) => {
  await page.goto(lectern.url);
  await createProfile(page, '周敏');
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('button', { name: '导入音频或视频' })).toBeVisible();
  await expect(page.locator('input[type=file]')).toHaveAttribute('accept', /\.mov/);
  await importFiles(page, [files.mp4, files.mov, files.webm]);
  const rows = page.getByTestId('speech-row');
  await expect(rows).toHaveCount(3, { timeout: 30_000 });
  for (const [title, format] of [
    ['我的家乡', 'MP4 视频 · 0:04'],
    ['自我介绍', 'MP4 视频 · 0:04'],
    ['即兴演讲', 'WebM 视频 · 0:04'],
  ] as const) {
    const row = rows.filter({ hasText: title });
    await expect(row.getByTestId('speech-format')).toHaveText(format);
    // The poster is drawn in the background once the list shows the speech.
    const poster = row.getByTestId('speech-poster');
    await expect(poster).toBeVisible({ timeout: 15_000 });
    const shown = await posterShown(poster);
    // 320 px wide at the picture's 16:9, and a frame of the test pattern, not a black or blank one.
    expect({ title, width: shown.width, height: shown.height }).toEqual({ title, width: 320, height: 180 });
    expect(shown.colours, title).toBeGreaterThan(20);
  }
  const saved = savedSpeeches(lectern.dataDir);
  expect(saved.map((s) => [s.title, s.mimeType, s.video]).sort()).toEqual([
    ['即兴演讲', 'video/webm', { width: 640, height: 360, poster: true }],
    ['我的家乡', 'video/mp4', { width: 640, height: 360, poster: true }],
    ['自我介绍', 'video/mp4', { width: 640, height: 360, poster: true }],
  ]);
  for (const speech of saved) {
    expect(
      Math.abs(speech.durationMs - seconds * 1000),
      `${speech.title}: ${speech.durationMs} ms`,
    ).toBeLessThan(100);
    // The peaks come from the sound: quiet until the tone starts at 1.5 s, loud after it.
    const heights = peakHeights(speech.dir);
    expect(Math.abs(heights.length - seconds * 100), `${speech.title}: ${heights.length} pairs`).toBeLessThan(
      10,
    );
    const before = heights.slice(10, toneFrom * 100 - 10);
    const after = heights.slice(toneFrom * 100 + 10, seconds * 100 - 20);
    expect(Math.max(...before), speech.title).toBeLessThan(5);
    expect(Math.min(...after), speech.title).toBeGreaterThan(60);
  }
  await page.mouse.move(0, 0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
    await expectAccessible(page, `library with video speeches (${colorScheme})`);
    await screenshot(page, `library-video-zh-${colorScheme}`);
  }
  await page.keyboard.press('Control+,');
  await chooseSegment(page, 'English');
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(rows.first().getByTestId('speech-format')).toHaveText(/^(MP4|WebM) video · 0:04$/);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
    await screenshot(page, `library-video-en-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('只有画面没有声音的视频说清怎么办，损坏的文件说读不出，库里什么都不加', async ({ page, lectern }) => {
  await page.goto(lectern.url);
  await createProfile(page, '吴涛');
  await page.keyboard.press('Control+3');
  await importFiles(page, [files.silent]);
  await expect(page.getByText('无法导入 没有声音.mp4')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/这个视频没有声音.*重新导出带声音的视频/)).toBeVisible();
  await screenshot(page, 'library-video-without-sound-zh');
  for (const broken of [files.truncated, files.garbage]) {
    const name = basename(broken);
    await importFiles(page, [broken]);
    await expect(page.getByText(`无法导入 ${name}`)).toBeVisible({ timeout: 15_000 });
  }
  await expect(page.getByText(/无法把这个文件读取为音频/)).toHaveCount(2);
  await expect(page.getByTestId('speech-row')).toHaveCount(0);
  expect(savedSpeeches(lectern.dataDir)).toEqual([]);
});

test('浏览器解不出 HEVC 画面：照样导入声音，行里留视频图标，封面帧只试一次', async ({ page, lectern }) => {
  const failures: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('no poster frame')) failures.push(message.text());
  });
  await page.goto(lectern.url);
  await createProfile(page, '郑洁');
  await page.keyboard.press('Control+3');
  // Beside an audio speech, as a library holds both.
  await importFiles(page, [resolve('tests/fixtures/phone-en.mp3'), files.hevc]);
  const row = page.getByTestId('speech-row').filter({ hasText: '手机 HEVC' });
  await expect(row.getByTestId('speech-format')).toHaveText('MP4 视频 · 0:04', { timeout: 30_000 });
  await expect.poll(() => failures.length, { timeout: 20_000 }).toBe(1);
  await expect(row.getByTestId('speech-poster-placeholder')).toBeVisible();
  await page.mouse.move(0, 0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
    await expectAccessible(page, `library with a video speech without poster (${colorScheme})`);
    await screenshot(page, `library-video-placeholder-zh-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // Each change reloads the list; a speech already tried is not tried again.
  await row.getByRole('combobox', { name: '标签' }).fill('手机');
  await page.keyboard.press('Enter');
  await expect(row.getByText('手机', { exact: true })).toBeVisible();
  await page.keyboard.press('Control+2');
  await page.keyboard.press('Control+3');
  await expect(row).toHaveCount(1);
  await page.waitForTimeout(2000);
  expect(failures).toHaveLength(1);
  const speech = savedSpeeches(lectern.dataDir).find((each) => each.mimeType === 'video/mp4');
  expect(speech!.video).toEqual({ width: 640, height: 360, poster: false });
});
