// How `npm run web` lets a browser tab in, in Chromium: nothing that authenticates is kept where the
// browser would hand it to another server on 127.0.0.1 (cookies go to every port), two hosts in one
// browser do not log each other out, a printed address works once, and a tab whose host restarted
// says so in the member's language instead of sending them to the wrong fix.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startLocalHost } from '../../electron/web/startLocalHost';
import { createProfile, expect, screenshot, test } from './fixtures';

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
}

/** Another local web server, on another port: it records everything a browser sends it. */
async function otherLocalServer(): Promise<{ server: Server; origin: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers });
    if (request.url === '/visit') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(
        '<!doctype html><title>other</title><img src="/pixel.png" alt="">' +
          "<script>fetch('/probe', { credentials: 'include' })</script>",
      );
    } else {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('ok');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const openSettings = (page: Page, name: RegExp) =>
  page.getByRole('navigation').getByRole('link', { name }).click();

test('another server on 127.0.0.1 receives nothing that would let it in', async ({ page, lectern }) => {
  const other = await otherLocalServer();
  try {
    await page.goto(lectern.url);
    await createProfile(page, 'Ada');
    expect(page.url()).not.toContain('lectern-session');
    const secret = await page.evaluate(() => sessionStorage.getItem('lectern.session'));
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The tab works: its calls (the data folder comes from main) and its event stream are signed in.
    await openSettings(page, /^(设置|Settings)$/);
    await expect(page.getByText(lectern.dataDir, { exact: true })).toBeVisible();

    // The member visits another local web app in a second tab of the same browser…
    const visit = await page.context().newPage();
    await visit.goto(`${other.origin}/visit`);
    await expect
      .poll(() => other.received.map((r) => r.url))
      .toEqual(expect.arrayContaining(['/visit', '/pixel.png', '/probe']));
    // …and follows a link out of Lectern itself.
    await page.evaluate((to) => window.location.assign(to), `${other.origin}/from-lectern`);
    await expect.poll(() => other.received.map((r) => r.url)).toContain('/from-lectern');

    expect(await page.context().cookies()).toEqual([]);
    for (const { url, headers } of other.received) {
      expect(headers.cookie, url).toBeUndefined();
      expect(headers['x-lectern-session'], url).toBeUndefined();
      expect(headers.referer ?? '', url).not.toContain(lectern.origin);
      const everything = `${url} ${JSON.stringify(headers)}`;
      expect(everything).not.toContain(secret!);
      expect(everything).not.toMatch(/token=|sig=/);
    }
  } finally {
    // Nothing of the other server is left open for the context's teardown to wait on: its tab closed,
    // and this tab back on a blank page (closing a tab left on the other origin has hung teardown).
    await page
      .context()
      .pages()
      .find((p) => p !== page)
      ?.close();
    await page.goto('about:blank', { timeout: 10_000 }).catch(() => undefined);
    other.server.closeAllConnections();
    other.server.close();
  }
});

test('two hosts in one browser both stay signed in', async ({ page, lectern }) => {
  const secondDir = await mkdtemp(join(tmpdir(), 'lectern-second-'));
  const second = await startLocalHost({ dataDir: secondDir, rendererDir: resolve('out/renderer') });
  try {
    await page.goto(lectern.url);
    await createProfile(page, 'Ada');
    const other = await page.context().newPage();
    await other.goto(second.newEntryUrl());
    await createProfile(other, 'Ben');

    // Signing in to the second host did not sign the first tab out, nor the other way round.
    await openSettings(page, /^(设置|Settings)$/);
    await expect(page.getByText(lectern.dataDir, { exact: true })).toBeVisible();
    await openSettings(other, /^(设置|Settings)$/);
    await expect(other.getByText(secondDir, { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByText(lectern.dataDir, { exact: true })).toBeVisible();
    await expect(page.getByText(/not signed in|was restarted|not answering/)).toHaveCount(0);
  } finally {
    await second.close();
  }
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('a printed address works once; a tab that never opened one is told how to sign in', async ({
    page,
    lectern,
  }) => {
    const printed = lectern.url;
    await page.goto(printed);
    await createProfile(page, 'Ada');

    const reused = await page.context().newPage();
    const response = await reused.goto(printed);
    expect(response?.status()).toBe(401);
    await expect(reused.getByText(/used already/)).toBeVisible();

    // The origin without an address: the files load, but main answers nothing and says why.
    await reused.goto(`${lectern.origin}/#/settings`);
    await expect(reused.getByText(/This tab is not signed in to Lectern/)).toBeVisible();
    await expect(reused.getByText(lectern.dataDir, { exact: true })).toHaveCount(0);
  });
});

test.describe('在中文系统上', () => {
  test.use({ locale: 'zh-CN' });

  test('主机重新启动后，旧标签页提示打开新地址', async ({ page, lectern }) => {
    await page.goto(lectern.url);
    await createProfile(page, '李伟');
    await openSettings(page, /^设置$/);
    await expect(page.getByText(lectern.dataDir, { exact: true })).toBeVisible();

    await lectern.restart();
    // The event stream finds the session gone on its own; a click that asks main says the same, once.
    const restarted = page.getByText('讲台已经重新启动：请打开 npm run web 新打印的地址');
    await expect(restarted).toBeVisible();
    await openSettings(page, /^首页$/);
    await openSettings(page, /^设置$/);
    await expect(restarted).toHaveCount(1);
    await expect(page.getByText(/后台服务没有响应/)).toHaveCount(0);
    await screenshot(page, 'host-restarted-zh');

    // The new address signs the same tab in again, on the same origin, with the profile it had.
    await page.goto(lectern.url);
    await expect(page.getByRole('heading', { name: '你好，李伟' })).toBeVisible();
  });
});
