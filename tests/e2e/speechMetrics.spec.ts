// 演讲指标，端到端：用假麦克风录一段中间有 2.5 秒停顿的中文演讲，在演讲库打开它，看到各项指标和
// 那个停顿（时间大致正确），点停顿（列表里的和波形上的标记）播放器就跳到那里；换成英语后语速单位跟着变。
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createProfile, expect, screenshotBothSchemes, test, waitForRecordClock } from './fixtures';

/** 一句中文、2.5 秒静音、再一句：假麦克风循环播放的内容。第一句的长度就是停顿开始的时刻。 */
const dir = resolve('test-results/audio');
const wav = join(dir, 'metrics-microphone.wav');
const firstSentence = join(dir, 'metrics-first.wav');
if (!existsSync(wav)) {
  mkdirSync(dir, { recursive: true });
  const second = join(dir, 'metrics-second.wav');
  execFileSync('espeak-ng', ['-v', 'zh', '-s', '150', '-w', firstSentence, '大家好，今天我想讲一讲停顿。']);
  execFileSync('espeak-ng', ['-v', 'zh', '-s', '150', '-w', second, '停顿让听众有时间思考。']);
  const a = join(dir, 'metrics-a.wav');
  const b = join(dir, 'metrics-b.wav');
  // espeak-ng leaves silence around a sentence: trimmed, the spliced silence is the whole pause.
  const trim = ['silence', '1', '0.02', '1%', 'reverse', 'silence', '1', '0.02', '1%', 'reverse'];
  execFileSync('sox', [firstSentence, '-r', '48000', '-c', '1', a, ...trim]);
  execFileSync('sox', [second, '-r', '48000', '-c', '1', b, ...trim, 'pad', '2.5', '0']);
  execFileSync('sox', [a, b, wav, 'pad', '0', '1']);
}
const pauseStart = Number(execFileSync('soxi', ['-D', join(dir, 'metrics-a.wav')]).toString());

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
    ],
  },
});

/** 录到录音机自己的时钟显示 `seconds` 秒，然后在演讲库里打开这段录音。 */
async function recordAndOpen(page: Page, seconds: number, saved: RegExp, open: RegExp) {
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('r');
  await waitForRecordClock(page, seconds);
  await page.keyboard.press('r');
  await expect(page.getByText(saved)).toBeVisible();
  await page.getByRole('button', { name: open }).click();
  // The title opens the speech paused (▶ would play it).
  await page.getByTestId('speech-row').first().getByRole('button').filter({ hasText: /\S/ }).first().click();
}

function savedMetrics(dataDir: string) {
  const root = join(dataDir, 'speeches');
  const [id] = readdirSync(root).filter((name) => /^[0-9a-f-]{36}$/.test(name));
  return JSON.parse(readFileSync(join(root, id!, 'metrics.json'), 'utf8')) as {
    pauses: { long: { start: number; end: number }[] };
  };
}

const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;

test.describe('中文界面', () => {
  test.use({ locale: 'zh-CN' });

  test('录完的演讲有指标，长停顿列在它的时刻，点一下就跳过去', async ({ page, lectern }) => {
    await page.goto(lectern.url);
    await createProfile(page, '李伟');
    await recordAndOpen(page, 9, /录音已保存/, /在演讲库中打开/);

    const panel = page.getByTestId('speech-metrics');
    await expect(panel).toBeVisible({ timeout: 30_000 });
    for (const name of ['时长', '说话时间', '停顿', '语速', '响度', '音高', '音高变化'])
      await expect(panel.getByText(name, { exact: true })).toBeVisible();
    await expect(panel.getByText(/常见范围：/).first()).toBeVisible();
    // 中文演讲的语速按每分钟多少字显示。
    await expect(page.getByTestId('metric-speechRate').getByTestId('metric-value')).toHaveText(
      /^每分钟 \d+ ± \d+ 字$/,
    );

    // 存下的指标里正好一个长停顿，在第一句说完的地方，长约 2.5 秒。
    const { long } = savedMetrics(lectern.dataDir).pauses;
    expect(long).toHaveLength(1);
    const [pause] = long as [{ start: number; end: number }];
    // 假麦克风一打开就从头放那段 WAV，录音稍后才开始（机器忙时晚一秒多）：停顿只会提前、不会推后。
    const early = pauseStart - pause.start;
    expect(early, `停顿开始于 ${pause.start} 秒，第一句长 ${pauseStart} 秒`).toBeGreaterThan(-0.5);
    expect(early, `停顿开始于 ${pause.start} 秒，第一句长 ${pauseStart} 秒`).toBeLessThan(2);
    expect(pause.end - pause.start).toBeGreaterThan(2.2);
    expect(pause.end - pause.start).toBeLessThan(2.8);

    const listed = page.getByTestId('long-pauses').getByRole('button');
    await expect(listed).toHaveCount(1);
    await expect(listed).toHaveAccessibleName(
      `从 ${clock(pause.start)} 的停顿开始播放（${(pause.end - pause.start).toFixed(1)} 秒）`,
    );

    // 点列表里的停顿：播放器跳到停顿开始的地方。
    await listed.click();
    await expect(page.getByTestId('player-time')).toHaveText(new RegExp(`^${clock(pause.start)} /`));

    // 先把播放头移到结尾附近，再点波形上的停顿标记：同样跳回停顿开始。
    const waveform = page.getByTestId('waveform');
    await waveform.scrollIntoViewIfNeeded();
    const box = (await waveform.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.95, box.y + box.height / 3);
    await expect(page.getByTestId('player-time')).toHaveText(/^0:(0[7-9]|1\d) \//); // 录音比 9 秒略长
    const mark = waveform.locator('[part~="metric-pause-0"]');
    await expect(mark).toBeVisible();
    await expect(mark).toHaveAttribute(
      'title',
      `从 ${clock(pause.start)} 的停顿开始播放（${(pause.end - pause.start).toFixed(1)} 秒）`,
    );
    await mark.click();
    await expect(page.getByTestId('player-time')).toHaveText(new RegExp(`^${clock(pause.start)} /`));

    // 这段演讲改成英语：语速换成每秒音节数。
    await page.locator('label', { hasText: /^英语$/ }).click();
    await expect(page.getByTestId('metric-speechRate').getByTestId('metric-value')).toHaveText(
      /^每秒 \d+\.\d ± \d+\.\d 个音节$/,
    );
    await page.locator('label', { hasText: /^中文$/ }).click();

    await screenshotBothSchemes(page, 'speech-metrics-zh', { checked: ['light', 'dark'] });
  });
});

test.describe('English UI', () => {
  test.use({ locale: 'en-US' });

  test('a recorded speech shows its metrics in English, its rate in syllables a second', async ({
    page,
    lectern,
  }) => {
    await page.goto(lectern.url);
    await createProfile(page, 'Wei');
    await recordAndOpen(page, 9, /Recording saved/, /Open in library/);
    const panel = page.getByTestId('speech-metrics');
    await expect(panel).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('metric-speechRate').getByTestId('metric-value')).toHaveText(
      /^\d+\.\d ± \d+\.\d syllables\/s$/,
    );
    await expect(page.getByTestId('long-pauses').getByRole('button')).toHaveCount(1);
    await screenshotBothSchemes(page, 'speech-metrics-en', { checked: ['light', 'dark'] });
  });
});
