// Each test gets its own data folder and its own loopback host, as a member running `npm run web` would.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startLocalHost } from '../../electron/web/startLocalHost';
import type { WebHost } from '../../electron/web/webHost';

export interface LecternHost {
  dataDir: string;
  /** A new one-time entry address each time it is read, as pressing Enter in `npm run web` prints. */
  readonly url: string;
  origin: string;
  /** Stops the host and starts it again on the same data folder, as after a restart. */
  restart(): Promise<void>;
}

export const test = base.extend<{ lectern: LecternHost }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  lectern: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lectern-e2e-'));
    const rendererDir = resolve('out/renderer');
    let host: WebHost = await startLocalHost({ dataDir, rendererDir });
    const handle: LecternHost = {
      dataDir,
      get url() {
        return host.newEntryUrl();
      },
      get origin() {
        return host.origin;
      },
      async restart() {
        await host.close();
        host = await startLocalHost({ dataDir, rendererDir });
      },
    };
    await use(handle);
    await host.close();
  },
});

export { expect };

export async function createProfile(page: Page, name: string): Promise<void> {
  await page.getByRole('textbox').first().fill(name);
  await page.getByRole('button', { name: /开始练习|Start practising/ }).click();
  // The app's shortcuts exist once its frame is up.
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** No serious or critical accessibility problems on what is showing now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // A menu still fading out after its item opened a dialog is not part of what is showing, and axe
  // reads its half-unmounted list as broken: wait until it is gone (an open menu is still checked).
  await expect(page.getByRole('menu'))
    .toHaveCount(0, { timeout: 2000 })
    .catch(() => undefined);
  // A toast or panel mid-fade is drawn half transparent, and axe measures that frame's colours: wait
  // until every finite transition has ended (spinners loop forever and are left alone).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  // A toast may also time out while axe reads the page: with transitions off for that moment, it is
  // drawn whole or not at all, never in a half-transparent frame (a contrast of 1.1 that no one sees).
  const still = await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; }',
  });
  const results = await new AxeBuilder({ page })
    .analyze()
    .finally(() => still.evaluate((tag) => (tag as Element).remove()));
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    severe.map(
      (v) =>
        `${what}: ${v.id} – ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(', ')})`,
    ),
  ).toEqual([]);
}

/**
 * `test-results/screens/${name}.png`: the full page, or with `window` the window only (a full-page
 * capture draws a modal's overlay only part way, and a full screen is the window). The full page is
 * taken from its top: scrolled, the capture draws the fixed header and sidebar where the window was,
 * across the middle of the page.
 */
export async function screenshot(page: Page, name: string, { window = false } = {}): Promise<void> {
  if (!window) await page.evaluate(() => globalThis.scrollTo(0, 0));
  // A long page on a loaded CI machine took more than the default 20 s to capture once.
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: !window, timeout: 60_000 });
}

/**
 * What shows now, in the light and then the dark scheme (`${name}-light.png`, `${name}-dark.png`), each
 * taken once the app has switched (Mantine's attribute, not only the media query) and checked with axe
 * when its scheme is in `checked`; the pointer is moved off anything it would hover and the page is left
 * light. `window` as for {@link screenshot}.
 */
export async function screenshotBothSchemes(
  page: Page,
  name: string,
  {
    checked = [],
    window: windowOnly = false,
  }: { checked?: readonly ('light' | 'dark')[]; window?: boolean } = {},
): Promise<void> {
  await page.mouse.move(0, 0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
    await screenshot(page, `${name}-${colorScheme}`, { window: windowOnly });
    if (checked.includes(colorScheme)) await expectAccessible(page, `${name} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Picks an option of a segmented control (its radio inputs are visually hidden behind labels). */
export async function chooseSegment(page: Page, label: string): Promise<void> {
  await page.locator('label', { hasText: new RegExp(`^${label}$`) }).click();
}

/**
 * Waits until the recorder's own clock (m:ss) has reached `seconds` and returns what it read then. At
 * least, not exactly: on a busy machine the clock can pass a second between two looks.
 */
export async function waitForRecordClock(page: Page, seconds: number, timeout = 30_000): Promise<number> {
  const timer = page.getByRole('timer');
  let read = 0;
  await expect
    .poll(
      async () => {
        const [minutes, secs] = ((await timer.textContent()) ?? '').split(':').map(Number);
        read = (minutes ?? 0) * 60 + (secs ?? 0);
        return Number.isFinite(read) ? read : 0;
      },
      { timeout, intervals: [100] },
    )
    .toBeGreaterThanOrEqual(seconds);
  return read;
}
