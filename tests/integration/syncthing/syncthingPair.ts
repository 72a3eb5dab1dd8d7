// Two real Syncthing instances on one machine, sharing one folder over 127.0.0.1 only: the
// project's own harness (it needs nothing outside this checkout but Debian's `syncthing`).
// Every outside connection is off in config.xml before the first start, checked in the file and
// again in the running instance; ports are random free ones; `stop()` kills both process trees.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, closeSync, constants, openSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { checkConfigXml, checkRestConfig, instanceConfigXml } from './syncthingConfig';

/** The syncthing binary on PATH, or null (the test then says why it skipped). */
export function findSyncthing(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'syncthing');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** A free loopback port (bound, then closed again), so nothing listens on it until someone does. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Without proxies (Syncthing honours all_proxy), upgrades, restarts or a default folder. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (/^(all|http|https|no)_proxy$/i.test(name)) delete env[name];
  return { ...env, STNOUPGRADE: '1', STNORESTART: '1', STNODEFAULTFOLDER: '1', STHASHING: 'minio' };
}

export class SyncthingInstance {
  process: ChildProcess | null = null;
  readonly folder: string;
  readonly home: string;
  /** Syncthing's own output, quoted when the pair does not settle. */
  readonly logFile: string;
  deviceId = '';
  listenPort = 0;
  guiPort = 0;

  constructor(
    readonly name: string,
    base: string,
    private readonly binary: string,
    readonly apiKey: string,
  ) {
    this.home = path.join(base, name, 'home');
    this.folder = path.join(base, name, 'folder');
    this.logFile = path.join(base, name, 'syncthing.log');
  }

  /** New free ports for a fresh start (the old ones may have been taken since). */
  async newPorts(): Promise<void> {
    this.listenPort = await freePort();
    this.guiPort = await freePort();
  }

  /** The last lines Syncthing printed. */
  async logTail(lines = 12): Promise<string> {
    const text = await readFile(this.logFile, 'utf8').catch(() => '');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  }

  async generate(): Promise<number> {
    await mkdir(this.home, { recursive: true });
    await mkdir(path.join(this.folder, '.stfolder'), { recursive: true });
    const gen = spawnSync(
      this.binary,
      ['generate', `--home=${this.home}`, '--no-default-folder', '--skip-port-probing'],
      { env: cleanEnv(), encoding: 'utf8' },
    );
    if (gen.status !== 0) throw new Error(`syncthing generate failed: ${gen.stderr}`);
    const id = spawnSync(this.binary, ['serve', `--home=${this.home}`, '--device-id'], {
      env: cleanEnv(),
      encoding: 'utf8',
    });
    this.deviceId = id.stdout.trim();
    if (!/^[A-Z0-9-]{63}$/.test(this.deviceId)) throw new Error(`no device id: ${id.stderr}`);
    await this.newPorts();
    const generated = await readFile(path.join(this.home, 'config.xml'), 'utf8');
    return Number(/<configuration version="(\d+)"/.exec(generated)?.[1] ?? 36);
  }

  async configure(
    configVersion: number,
    peer: SyncthingInstance,
    folderId: string,
    maxRecvKbps?: number,
  ): Promise<void> {
    const text = instanceConfigXml({
      configVersion,
      selfId: this.deviceId,
      selfName: this.name,
      listenPort: this.listenPort,
      guiPort: this.guiPort,
      apiKey: this.apiKey,
      peerId: peer.deviceId,
      peerName: peer.name,
      peerPort: peer.listenPort,
      folderId,
      folderPath: this.folder,
      ...(maxRecvKbps === undefined ? {} : { maxRecvKbps }),
    });
    await writeFile(path.join(this.home, 'config.xml'), text);
  }

  async start(): Promise<void> {
    const configFile = path.join(this.home, 'config.xml');
    const problems = checkConfigXml(await readFile(configFile, 'utf8'));
    if (problems.length)
      throw new Error(`${this.name}: refusing to start, unsafe config: ${problems.join('; ')}`);
    // Another test file's instance may have taken the GUI port between freePort() and now: Syncthing
    // then exits at once, and starts again on a new port (its peer never dials the GUI port).
    for (let attempt = 1; ; attempt++) {
      if (await this.startOnce()) break;
      if (attempt === 3 || this.process?.exitCode === null)
        throw new Error(`${this.name}: REST API did not come up`);
      const taken = this.guiPort;
      this.guiPort = await freePort();
      const text = await readFile(configFile, 'utf8');
      await writeFile(
        configFile,
        text.replace(`127.0.0.1:${taken}</address>`, `127.0.0.1:${this.guiPort}</address>`),
      );
    }
    const runtime = checkRestConfig(await this.rest('/rest/config'));
    if (runtime.length)
      throw new Error(`${this.name}: effective config not loopback-only: ${runtime.join('; ')}`);
  }

  /** Starts the process; true once its REST API answers, false if it exits first or takes 30 s. */
  private async startOnce(): Promise<boolean> {
    // Own process group: 1.19 runs a monitor plus a child; killing the group stops both.
    const log = openSync(this.logFile, 'a');
    try {
      this.process = spawn(
        this.binary,
        [
          'serve',
          `--home=${this.home}`,
          '--no-browser',
          '--no-restart',
          '--no-upgrade',
          '--no-default-folder',
        ],
        { env: cleanEnv(), detached: true, stdio: ['ignore', log, log] },
      );
    } finally {
      closeSync(log);
    }
    const deadline = Date.now() + 30_000;
    while ((await this.rest('/rest/system/ping').catch(() => null))?.ping !== 'pong') {
      if (Date.now() > deadline || this.process.exitCode !== null) return false;
      await sleep(100);
    }
    return true;
  }

  // Syncthing's REST JSON, read field by field by the callers.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async rest(urlPath: string, method: 'GET' | 'POST' | 'PATCH' = 'GET', body?: unknown): Promise<any> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${urlPath}`, {
      method,
      headers: {
        'X-API-Key': this.apiKey,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`${this.name} ${urlPath}: HTTP ${response.status}`);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  /** REST shutdown, then SIGTERM and SIGKILL to the whole process group. Never throws. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const within = (ms: number) => Promise.race([exited.then(() => true), sleep(ms).then(() => false)]);
    await this.rest('/rest/system/shutdown', 'POST').catch(() => undefined);
    if (await within(5_000)) return;
    killGroup(child.pid, 'SIGTERM');
    if (await within(5_000)) return;
    killGroup(child.pid, 'SIGKILL');
    await within(5_000);
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export class SyncthingPair {
  readonly a: SyncthingInstance;
  readonly b: SyncthingInstance;
  readonly folderId = 'lectern-group';
  private readonly onExit = () => {
    // Last resort if the test process dies: no instance outlives it.
    for (const i of [this.a, this.b]) if (i.process?.pid) killGroup(i.process.pid, 'SIGKILL');
  };

  /** `throttle`: each side's receive limit in KiB a second (none by default). */
  constructor(
    base: string,
    binary: string,
    private readonly throttle: { a?: number; b?: number } = {},
  ) {
    const apiKey = `lectern-${process.pid}-${Date.now().toString(36)}`;
    this.a = new SyncthingInstance('A', base, binary, apiKey);
    this.b = new SyncthingInstance('B', base, binary, apiKey);
  }

  /**
   * Generates, configures and checks both, starts A then B (B dials A at once), and waits until in
   * sync. A pair not in sync after half the time starts once more on new ports: CI saw one start never
   * settle (cause unknown; a port taken between freePort() and Syncthing's listen is one it survives).
   */
  async start(timeoutMs = 45_000): Promise<void> {
    process.once('exit', this.onExit);
    const version = await this.a.generate();
    await this.b.generate();
    for (let attempt = 1; ; attempt++) {
      await this.a.configure(version, this.b, this.folderId, this.throttle.a);
      await this.b.configure(version, this.a, this.folderId, this.throttle.b);
      await this.a.start();
      await this.b.start();
      try {
        await this.waitInSync(attempt === 1 ? timeoutMs / 2 : timeoutMs);
        return;
      } catch (error) {
        if (attempt === 2) throw error;
        process.stderr.write(`Syncthing pair, starting again on new ports: ${String(error)}\n`);
        await Promise.all([this.a.stop(), this.b.stop()]);
        await this.a.newPorts();
        await this.b.newPorts();
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.all([this.a.stop(), this.b.stop()]);
    process.removeListener('exit', this.onExit);
  }

  /** Asks both to scan now instead of waiting for their file watchers. */
  async scan(): Promise<void> {
    await Promise.all(
      [this.a, this.b].map((i) =>
        i.rest(`/rest/db/scan?folder=${this.folderId}`, 'POST').catch(() => undefined),
      ),
    );
  }

  /**
   * Why the pair is not in sync yet, or null once both are connected, idle, need nothing, and each is
   * 100 % complete for the other.
   */
  private async notInSyncBecause(): Promise<string | null> {
    for (const [self, peer] of [
      [this.a, this.b],
      [this.b, this.a],
    ] as const) {
      const connections = await self.rest('/rest/system/connections');
      const status = await self.rest(`/rest/db/status?folder=${this.folderId}`);
      const completion = await self.rest(
        `/rest/db/completion?folder=${this.folderId}&device=${peer.deviceId}`,
      );
      if (!connections.connections?.[peer.deviceId]?.connected)
        return `${self.name} is not connected to ${peer.name}`;
      if (status.state !== 'idle' || status.needTotalItems !== 0 || completion.completion !== 100)
        return `${self.name}: folder ${status.state}, ${status.needTotalItems} items needed, ${completion.completion} % complete for ${peer.name}`;
    }
    return null;
  }

  /** Polls until in sync and `settled()` (e.g. both folders hold the same files) holds. */
  async waitInSync(timeoutMs: number, settled: () => Promise<boolean> = async () => true): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let because: string | null = 'not asked yet';
    while (Date.now() < deadline) {
      because = await this.notInSyncBecause().catch((error: unknown) => String(error));
      if (because === null && (await settled())) return;
      because ??= 'the folders differ';
      await sleep(250);
    }
    const logs = await Promise.all([this.a, this.b].map(async (i) => `--- ${i.name}\n${await i.logTail()}`));
    throw new Error(`Syncthing did not settle within ${timeoutMs} ms (${because})\n${logs.join('\n')}`);
  }
}
