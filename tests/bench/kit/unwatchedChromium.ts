// Debian's Chromium that no DevTools client watches while a benchmark measures its memory. Playwright
// enables the Network domain on every page, and Chromium then keeps the bodies of what the page
// fetched (about 100 MB here, in the renderer) for DevTools to show: a cost the app does not have.
// So Playwright sets the page up over CDP and disconnects; the measured step is driven over a bare
// CDP connection to the page that enables no domain at all.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { chromium, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { preparePage } from './browser';

export interface UnwatchedChromium {
  /** Sets the page up with Playwright (en-US, 1180×780); returns when Playwright has let go of it. */
  setUp(steps: (page: Page) => Promise<void>): Promise<void>;
  /** Runs `expression` in the page over a bare CDP connection (no domain enabled). */
  evaluate(expression: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchUnwatchedChromium(): Promise<UnwatchedChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'lectern-bench-chromium-'));
  const browser = spawn(
    '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--lang=en-US',
      '--window-size=1180,780',
      '--no-first-run',
      '--no-default-browser-check',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  const stop = async () => {
    browser.kill();
    await exited;
    await rm(profile, { recursive: true, force: true });
  };
  const port = await devToolsPort(profile).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  let socket: WebSocket | undefined;
  let nextId = 0;
  return {
    async setUp(steps) {
      const playwright = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      try {
        await steps(await preparePage(playwright.contexts()[0]!.pages()[0]!));
      } finally {
        await playwright.close(); // Over CDP this only disconnects: the browser and its page stay.
      }
    },
    async evaluate(expression) {
      socket ??= await pageSocket(port);
      const id = ++nextId;
      const open = socket;
      await new Promise<void>((resolve, reject) => {
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(String(data)) as {
            id?: number;
            error?: { message: string };
            result?: { exceptionDetails?: { exception?: { description?: string }; text: string } };
          };
          if (message.id !== id) return;
          open.off('message', onMessage);
          // A CDP error (the call itself failed) or an exception the expression threw.
          const thrown = message.result?.exceptionDetails;
          if (message.error) reject(new Error(message.error.message));
          else if (thrown) reject(new Error(thrown.exception?.description ?? thrown.text));
          else resolve();
        };
        open.on('message', onMessage);
        open.send(JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression } }));
      });
    },
    async close() {
      socket?.close();
      await stop();
    },
  };
}

/** The port Chromium chose, from the file it writes into its profile once it listens. */
async function devToolsPort(profile: string): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const text = await readFile(join(profile, 'DevToolsActivePort'), 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (port > 0) return port;
    await setTimeout(50);
  }
  throw new Error('Chromium did not open its DevTools port');
}

async function pageSocket(port: number): Promise<WebSocket> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    type: string;
    webSocketDebuggerUrl: string;
  }[];
  const page = targets.find((target) => target.type === 'page');
  if (!page) throw new Error('no page to drive');
  const socket = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return socket;
}
