// The Group screen with a year of a real group (`demo` 30 members × 52 weeks) in Debian's Chromium:
// joining, then opening the app to the feed shown cold (main's group cache deleted, browser cache
// cleared) and warm (second open, caches built), a page reload, and the watch latency (a segment
// written by another member → the item at the top of the open feed). The same figures with a
// 3-member × 2-week group, and the raw read of the folder's segment files, are the in-run baselines.
//
// Who joins: demo member 5 (2 in the small group) restoring their key on a new computer. The demo's
// key file is turned into the app's passphrase backup (cheap scrypt, so the figure is not scrypt's),
// imported with group.importKey, and the folder joined with group.join, both over the host's API.
// An existing member's join request is a no-op in the fold, so the member sees the feed at once.
// The app is the web host as a separate process (`electron/web/cli.ts` under tsx) on 127.0.0.1, so
// "host ready" includes tsx compiling the main-process code; the small group shows that fixed cost.
// The renderer keeps no Dexie copy of the group: "cold" means main's event cache and cursor
// (data dir groups/<id>/) are gone, and the browser's HTTP cache is cleared; the profile stays.
// No numeric goal (#6 asks for the figures); five opens, reloads and watches each.
// Run: npm run bench -- groupFeed
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { BrowserContext, Page } from '@playwright/test';
import { runGroupCli } from '../../electron/cli/groupCli';
import { appendDemoEvents } from '../../electron/cli/groupDemo';
import { CURSOR_FILE, EVENTS_FILE } from '../../electron/services/groupFolder/syncCache';
import type { GroupView } from '../../shared/api/groupContract';
import type { CallResult } from '../../shared/api/result';
import { sessionFragmentKey, sessionHeader } from '../../shared/api/webSession';
import { decodeWire, encodeWire, wireContentType } from '../../shared/api/wire';
import { memberKeyFromSecret } from '../../shared/group/identity';
import { exportKeyBackup } from '../../shared/group/keyBackup';
import { createProfile, launchChromium, preparePage } from './kit/browser';
import { log, median, ms } from './kit/figures';
import { startHost, type HostProcess } from './kit/host';
import { benchRuns } from './kit/runs';
import { benchDir } from './speechKit';

interface Size {
  label: string;
  members: number;
  weeks: number;
  /** The demo member who restores their key on the new computer. */
  joiner: number;
}
const SIZES: Size[] = [
  { label: '3 × 2 (baseline)', members: 3, weeks: 2, joiner: 2 },
  { label: '30 × 52', members: 30, weeks: 52, joiner: 5 },
];
const OPENS = benchRuns();
const WATCHES = benchRuns();
const PASSPHRASE = 'bench passphrase';

/** The demo group, generated once per size and kept under test-results/bench/ (deterministic seed). */
async function ensureDemo(size: Size): Promise<{ folder: string; keys: string }> {
  const dir = join(benchDir, `group-demo-${size.members}x${size.weeks}`);
  const folder = join(dir, 'folder');
  const keys = join(dir, 'keys');
  if (existsSync(join(dir, 'done'))) return { folder, keys };
  await rm(dir, { recursive: true, force: true });
  const started = performance.now();
  const code = await runGroupCli(
    [
      ...['demo', folder, '--keys', keys],
      ...['--members', String(size.members), '--weeks', String(size.weeks), '--seed', 'bench'],
    ],
    { out: () => {}, env: {} },
  );
  if (code !== 0) throw new Error(`demo exited ${code}`);
  await writeFile(join(dir, 'done'), '');
  log(`demo ${size.label} written in ${ms(performance.now() - started)} (cached in ${dir})`);
  return { folder, keys };
}

/** What a sync reads (group.json and every segment), listed, read and JSON-parsed: the floor. */
async function rawRead(folder: string): Promise<{ files: number; events: number }> {
  let files = 0;
  let events = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'blobs' && !e.name.startsWith('.')) await walk(join(dir, e.name));
      } else if (e.name.endsWith('.json')) {
        const parsed = JSON.parse(await readFile(join(dir, e.name), 'utf8')) as { events?: unknown[] };
        files++;
        events += parsed.events?.length ?? 1;
      }
    }
  };
  await walk(folder);
  return { files, events };
}

/** The host's API from Node, as the renderer's HTTP bridge calls it (MessagePack over POST, session header). */
async function apiClient(app: HostProcess) {
  const opened = await fetch(await app.newEntryUrl(), { redirect: 'manual' });
  const location = opened.headers.get('location') ?? '';
  const session = new URLSearchParams(location.split('#')[1]).get(sessionFragmentKey) ?? '';
  return async <T>(name: string, input: unknown): Promise<T> => {
    const response = await fetch(`${app.origin}/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': wireContentType, [sessionHeader]: session },
      body: encodeWire(input) as Uint8Array<ArrayBuffer>,
    });
    const result = decodeWire(new Uint8Array(await response.arrayBuffer())) as CallResult<T>;
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

/** Opens the Group screen (Control+5, retried until the app takes keys) and waits for the feed. */
async function openFeed(page: Page): Promise<void> {
  const item = page.getByTestId('feed-item').first();
  for (let attempt = 0; attempt < 60; attempt++) {
    await page.keyboard.press('Control+5');
    if (
      await item.waitFor({ timeout: 1000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error('the group feed did not show');
}

/** Page load (from the address) to the feed shown; `shell` is when the navigation appeared. */
async function loadToFeed(page: Page, url: string): Promise<{ shell: number; feed: number }> {
  const started = performance.now();
  await page.goto(url);
  await page.getByRole('navigation').waitFor();
  const shell = performance.now() - started;
  await openFeed(page);
  return { shell, feed: performance.now() - started };
}

/** In the page: marks the items shown, resolves with Date.now() when an unmarked item is at the top. */
function nextTopItem(): Promise<number> {
  for (const el of document.querySelectorAll<HTMLElement>('[data-testid="feed-item"]'))
    el.dataset.benchSeen = '1';
  return new Promise((done) => {
    const check = () => {
      const top = document.querySelector<HTMLElement>('[data-testid="feed-item"]');
      if (top && !top.dataset.benchSeen) done(Date.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

interface Figures {
  raw: { files: number; events: number; ms: number };
  feedItems: number;
  hostFresh: number;
  join: number;
  joinToFeed: number;
  cold: { host: number; shell: number; feed: number; total: number }[];
  warm: { host: number; shell: number; feed: number; total: number }[];
  reload: number[];
  view: number[];
  watch: number[];
  watchAfterAppend: number[];
}

async function measure(size: Size, context: BrowserContext): Promise<Figures> {
  const demo = await ensureDemo(size);
  // A working copy: the join request and the new segments must not change the cached group.
  const work = join(benchDir, 'group-feed-work', `${size.members}x${size.weeks}`);
  await rm(work, { recursive: true, force: true });
  const folder = join(work, 'folder');
  const keys = join(work, 'keys');
  const dataDir = join(work, 'data');
  await cp(demo.folder, folder, { recursive: true });
  await cp(demo.keys, keys, { recursive: true });
  await mkdir(dataDir, { recursive: true });

  const rawTimes: number[] = [];
  let raw = { files: 0, events: 0 };
  for (let i = 0; i < OPENS; i++) {
    const t0 = performance.now();
    raw = await rawRead(folder);
    rawTimes.push(performance.now() - t0);
  }

  const keyFile = JSON.parse(await readFile(join(keys, `member-${size.joiner}.json`), 'utf8')) as {
    secretKey: string;
  };
  const backup = await exportKeyBackup(memberKeyFromSecret(hexToBytes(keyFile.secretKey)), PASSPHRASE, {
    scrypt: { N: 2 ** 10, r: 8, p: 1 },
  });

  let app = await startHost(dataDir);
  const hostFresh = app.readyMs;
  const page = await preparePage(await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    await createProfile(page, await app.newEntryUrl());
    await page.getByRole('navigation').waitFor();
    let call = await apiClient(app);
    const joinStarted = performance.now();
    await call('group.importKey', { backup, passphrase: PASSPHRASE });
    const joined = await call<{ groupId: string }>('group.join', { folder, displayName: 'Bench' });
    const joinMs = performance.now() - joinStarted;
    await openFeed(page);
    const joinToFeed = performance.now() - joinStarted;
    const feedItems = await page.getByTestId('feed-item').count();

    const opens = async (cold: boolean) => {
      const out: Figures['cold'] = [];
      for (let i = 0; i < OPENS; i++) {
        await app.close();
        if (cold) {
          for (const name of [EVENTS_FILE, CURSOR_FILE])
            await rm(join(dataDir, 'groups', joined.groupId, name), { force: true });
          await cdp.send('Network.clearBrowserCache');
        }
        const started = performance.now();
        app = await startHost(dataDir);
        const { shell, feed } = await loadToFeed(page, await app.newEntryUrl());
        out.push({ host: app.readyMs, shell, feed, total: performance.now() - started });
      }
      return out;
    };
    const cold = await opens(true);
    const warm = await opens(false);
    call = await apiClient(app);
    const reload: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const started = performance.now();
      await page.reload();
      await page.getByRole('navigation').waitFor();
      await openFeed(page);
      reload.push(performance.now() - started);
    }
    const view: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const started = performance.now();
      await call<GroupView>('group.view', { groupId: joined.groupId });
      view.push(performance.now() - started);
    }

    // Watch latency: another member (the coach or member 1, on their laptop) writes a segment with
    // three profile updates and one shared speech; the speech is the newest item of the feed.
    const watch: number[] = [];
    const watchAfterAppend: number[] = [];
    for (let i = 0; i < WATCHES; i++) {
      await page.waitForTimeout(1500); // quiet folder: the previous change's syncs are done
      const appeared = page.evaluate(nextTopItem);
      const { segment } = await appendDemoEvents({
        folder,
        keysDir: keys,
        member: i % 2,
        device: 'laptop',
        events: 4,
        now: Date.now(),
      });
      const appended = Date.now();
      const written = (await stat(join(folder, segment))).mtimeMs;
      const at = await appeared;
      watch.push(at - written);
      watchAfterAppend.push(at - appended);
    }
    return {
      raw: { ...raw, ms: median(rawTimes) },
      feedItems,
      hostFresh,
      join: joinMs,
      joinToFeed,
      cold,
      warm,
      reload,
      view,
      watch,
      watchAfterAppend,
    };
  } finally {
    await page.close();
    await app.close();
  }
}

function report(size: Size, f: Figures, base?: Figures): void {
  const vs = (value: number, baseline: number | undefined) =>
    baseline === undefined ? '' : `   (baseline ${ms(baseline)}, ${(value / baseline).toFixed(2)}×)`;
  const med = (xs: number[]) => median(xs);
  const pick = (xs: Figures['cold'], key: keyof Figures['cold'][number]) => med(xs.map((x) => x[key]));
  log(
    `\n${size.label}: ${f.raw.files} segment files, ${f.raw.events} events; feed shows ${f.feedItems} items`,
  );
  log(`  raw read + JSON.parse of the segments        ${ms(f.raw.ms)}${vs(f.raw.ms, base?.raw.ms)}`);
  log(`  web host ready, fresh data dir               ${ms(f.hostFresh)}${vs(f.hostFresh, base?.hostFresh)}`);
  log(`  importKey + join (API, main folds the group) ${ms(f.join)}${vs(f.join, base?.join)}`);
  log(
    `  … + Group screen to the feed shown           ${ms(f.joinToFeed)}${vs(f.joinToFeed, base?.joinToFeed)}`,
  );
  for (const [name, xs, other] of [
    ['cold', f.cold, base?.cold],
    ['warm', f.warm, base?.warm],
  ] as const) {
    log(
      `  ${name} open, median of ${xs.length}: host ready ${ms(pick(xs, 'host'))}, page → shell ${ms(pick(xs, 'shell'))}, page → feed ${ms(pick(xs, 'feed'))}`,
    );
    log(
      `    start → feed shown                         ${ms(pick(xs, 'total'))}${vs(pick(xs, 'total'), other && pick(other, 'total'))}   (all: ${xs.map((x) => ms(x.total)).join(', ')})`,
    );
  }
  log(
    `  page reload → feed shown (median)            ${ms(med(f.reload))}${vs(med(f.reload), base && med(base.reload))}`,
  );
  log(
    `  group.view over HTTP (median)                ${ms(med(f.view))}${vs(med(f.view), base && med(base.view))}`,
  );
  log(
    `  watch latency, segment written → top of feed ${ms(med(f.watch))} median, max ${ms(Math.max(...f.watch))}${vs(med(f.watch), base && med(base.watch))}`,
  );
  log(
    `    all: ${f.watch.map(ms).join(', ')}; from the writer's return: ${f.watchAfterAppend.map(ms).join(', ')}`,
  );
}

const browser = await launchChromium();
try {
  const results: Figures[] = [];
  for (const size of SIZES) {
    const context = await browser.newContext({ viewport: { width: 1180, height: 900 }, locale: 'en-US' });
    const started = performance.now();
    results.push(await measure(size, context));
    log(`${size.label} measured in ${ms(performance.now() - started)}`);
    await context.close();
  }
  SIZES.forEach((size, i) => report(size, results[i]!, i > 0 ? results[0] : undefined));
  log('\nThe watcher debounces folder events by 300 ms (groupWatcher.ts); that is part of the latency.');
} finally {
  await browser.close();
}
