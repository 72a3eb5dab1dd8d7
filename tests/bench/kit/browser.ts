// Debian's Chromium for the benchmarks, pages that accept functions passed to `evaluate`, and the
// first steps every app benchmark takes (a new profile, a screen by its shortcut).
import { chromium, type Browser, type Page } from '@playwright/test';

export function launchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args });
}

/**
 * A page for functions passed to `evaluate`: tsx (esbuild, keepNames) wraps named inner functions in
 * `__name(...)`, which the page must know.
 */
export async function newPage(browser: Browser, options: Parameters<Browser['newPage']>[0]): Promise<Page> {
  return preparePage(await browser.newPage(options));
}

export async function preparePage(page: Page): Promise<Page> {
  await page.addInitScript('globalThis.__name = (target) => target;');
  return page;
}

/** Chromium's fake microphone playing `wav` (and autoplay without a gesture, for the players). */
export const fakeMicrophoneArgs = (wav: string): string[] => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${wav}`,
  '--autoplay-policy=no-user-gesture-required',
];

/** Goes through the first-run screen (a new profile) on a fresh page of the Lectern host. */
export async function createProfile(page: Page, url: string, name = 'Bench 测试'): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox').first().fill(name);
  await page.getByRole('button', { name: /开始练习|Start practising/ }).click();
}

/** Goes to a screen by its shortcut (Control+2 record, Control+3 library), retrying until its heading shows. */
export async function openScreen(page: Page, key: '2' | '3', heading: RegExp): Promise<void> {
  const title = page.getByRole('heading', { level: 1, name: heading });
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.keyboard.press(`Control+${key}`);
    if (
      await title.waitFor({ timeout: 1000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error(`screen ${String(heading)} did not open`);
}
