// A one-hour shared speech with 500 critiques (moments and stretches) in the group's player: time from
// "Play" to the waveform painted with every marker, time to jump to a comment (click its time until
// it is the highlighted one), and long tasks while playing. Baseline in the same run: the same speech
// shared again with no critiques (open; a 5 s seek with the arrow key; playing).
// Run: npx tsx tests/bench/run.ts critiqueThreads
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CRITIQUE_COMMENT } from '../../shared/critique/critiqueEvents';
import { appRegistry } from '../../shared/group/appRegistry';
import { Groups } from '../../electron/services/group/groups';
import { SpeechStore } from '../../electron/services/speeches/speechStore';
import { startLocalHost } from '../../electron/web/startLocalHost';
import {
  benchDir,
  buildRenderer,
  createProfile,
  ensureSpeechDataDir,
  launchChromium,
  log,
  median,
  ms,
  newPage,
  paths,
  ratio,
} from './speechKit';

const COMMENTS = 500;
const dataDir = join(benchDir, 'critique-data');
const folder = join(benchDir, 'critique-folder');

async function prepareGroup(): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
  const { speechId } = await ensureSpeechDataDir();
  const groups = new Groups({
    dataDir,
    speeches: new SpeechStore(join(paths.dataDir, 'speeches')),
    registry: appRegistry,
    watch: false,
    onChange: () => {},
    onStatus: () => {},
  });
  const { groupId } = await groups.create({
    folder,
    name: 'Bench',
    charter: '',
    timeZone: 'UTC',
    coachName: 'Coach',
  });
  const group = groups.get(groupId);
  await group.shareSpeech(speechId, 'no critiques');
  const { id: recording } = await group.shareSpeech(speechId, 'five hundred critiques');
  const started = performance.now();
  for (let i = 0; i < COMMENTS; i++) {
    const at = 3_000 + i * 7_000;
    const anchor = i % 5 === 4 ? { startMs: at, endMs: at + 10_000 } : { atMs: at };
    await group.append(CRITIQUE_COMMENT, {
      recording,
      anchor,
      text: `第 ${i + 1} 条点评 · critique ${i + 1}`,
    });
  }
  log(`${COMMENTS} critiques written through GroupService (${ms(performance.now() - started)})`);
  groups.stop();
}

/** In the page: clicks a feed item's Play, resolves with ms until its waveform has ink and `markers` markers. */
function openPlayer([title, markers]: [string, number]): Promise<number> {
  const item = [...document.querySelectorAll('[data-testid="feed-item"]')].find((el) =>
    el.textContent?.includes(title),
  )!;
  const started = performance.now();
  (item.querySelector('button') as HTMLButtonElement).click();
  return new Promise((done) => {
    const check = () => {
      const host = document.querySelector('[data-testid="waveform"] > div');
      const root = host?.shadowRoot;
      const canvas = root?.querySelector('canvas');
      const count = root?.querySelectorAll('[part~="marker"], [part~="region"]').length ?? 0;
      if (canvas && canvas.width > 0 && count >= markers) done(performance.now() - started);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** In the page: clicks the time of every `step`-th thread, resolving with ms until each is highlighted. */
async function jumps(step: number): Promise<number[]> {
  const times: number[] = [];
  const cards = [...document.querySelectorAll('article[data-thread]')];
  for (let i = 0; i < cards.length; i += step) {
    const card = cards[i]!;
    const started = performance.now();
    (card.querySelector('button') as HTMLButtonElement).click();
    await new Promise<void>((done) => {
      const check = () =>
        card.getAttribute('aria-current') === 'true' ? done() : requestAnimationFrame(check);
      requestAnimationFrame(check);
    });
    times.push(performance.now() - started);
  }
  return times;
}

/** In the page: 5 s seeks with the arrow key, until the clock shows each. */
async function arrowSeeks(count: number): Promise<number[]> {
  const region = document.querySelector('[data-testid="waveform"]')!.closest('[role="region"]')!;
  const clock = document.querySelector('[data-testid="player-time"]')!;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const before = clock.textContent;
    const started = performance.now();
    region.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await new Promise<void>((done) => {
      const check = () => (clock.textContent !== before ? done() : requestAnimationFrame(check));
      requestAnimationFrame(check);
    });
    times.push(performance.now() - started);
  }
  return times;
}

/** In the page: plays for `seconds`, counting long tasks. */
function longTasksWhilePlaying(seconds: number): Promise<{ count: number; total: number; max: number }> {
  return new Promise((done) => {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) =>
      tasks.push(...list.getEntries().map((e) => e.duration)),
    );
    observer.observe({ type: 'longtask' });
    const play = document
      .querySelector('[data-testid="player-time"]')!
      .parentElement!.querySelector('button')!;
    play.click();
    setTimeout(() => {
      play.click();
      observer.disconnect();
      done({ count: tasks.length, total: tasks.reduce((a, b) => a + b, 0), max: Math.max(0, ...tasks) });
    }, seconds * 1000);
  });
}

async function closePlayer(page: Page) {
  await page
    .getByRole('region', { name: /播放器|Player/ })
    .getByRole('button', { name: /关闭|Close/ })
    .click();
}

await prepareGroup();
const rendererDir = await buildRenderer();
const host = await startLocalHost({ dataDir, rendererDir });
const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
try {
  const page = await newPage(browser, { viewport: { width: 1180, height: 900 }, locale: 'zh-CN' });
  await createProfile(page, host.url);
  await page.getByRole('navigation').waitFor();
  await page.keyboard.press('Control+5');
  await page.getByTestId('feed-item').nth(1).waitFor({ timeout: 60_000 });

  const base = await page.evaluate(openPlayer, ['no critiques', 0] as [string, number]);
  await page.waitForTimeout(1000);
  const baseSeeks = await page.evaluate(arrowSeeks, 20);
  const baseLong = await page.evaluate(longTasksWhilePlaying, 8);
  await closePlayer(page);

  const open = await page.evaluate(openPlayer, ['five hundred critiques', COMMENTS] as [string, number]);
  await page
    .getByRole('article')
    .nth(COMMENTS - 1)
    .waitFor({ state: 'attached' });
  await page.waitForTimeout(1000);
  const jumpTimes = await page.evaluate(jumps, 25);
  const seeks = await page.evaluate(arrowSeeks, 20);
  const long = await page.evaluate(longTasksWhilePlaying, 8);

  log();
  log(
    `open the player, one-hour speech:    no critiques ${ms(base)}   500 critiques ${ms(open)}   (${ratio(open, base)})`,
  );
  log(
    `jump to a comment (click its time → highlighted), median of ${jumpTimes.length}: ${ms(median(jumpTimes))}, max ${ms(Math.max(...jumpTimes))}`,
  );
  log(
    `5 s arrow-key seek, median of 20:    no critiques ${ms(median(baseSeeks))}   500 critiques ${ms(median(seeks))}`,
  );
  log(
    `long tasks in 8 s of playing:        no critiques ${baseLong.count} (${ms(baseLong.total)}, max ${ms(baseLong.max)})   500 critiques ${long.count} (${ms(long.total)}, max ${ms(long.max)})`,
  );
} finally {
  await browser.close();
  await host.close();
}
