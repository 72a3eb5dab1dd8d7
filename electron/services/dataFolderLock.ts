// One process at a time in a data folder: the desktop app, the web host and the CLI's writing
// commands each hold `lectern.lock` while they work there, so two of them never share one device id,
// outbox and clock. The lock file names its holder; one whose process is gone (on this computer) is
// stale and taken over, so a crash never locks a member out.
import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { UiLanguage } from '../../shared/api/contract';
import { LecternError } from '../../shared/api/errors';

export const LOCK_FILE = 'lectern.lock';

export const lockKinds = ['app', 'web', 'cli'] as const;
export type LockKind = (typeof lockKinds)[number];

const LockHolder = z.object({
  pid: z.number().int().positive(),
  kind: z.enum(lockKinds),
  /** When the holder took the lock (ISO 8601). */
  started: z.string(),
  hostname: z.string(),
});
export type LockHolder = z.infer<typeof LockHolder>;

/**
 * The folder is held by another live Lectern process. Thrown at startup, before any page can translate
 * it, so its message names the holder in both languages (one line each) for a terminal or a dialog.
 */
export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';
  constructor(readonly holder: LockHolder) {
    super(`${describeHolder(holder, 'en')}\n${describeHolder(holder, 'zh-CN')}`);
  }
}

const holderNames: Record<LockKind, { en: string; zh: string }> = {
  app: { en: 'desktop app', zh: '桌面应用' },
  web: { en: 'web host', zh: '网页版主机' },
  cli: { en: 'command line', zh: '命令行' },
};

/**
 * "This data folder is in use by Lectern (web host, process 1234, since …): close it first." Written
 * here rather than in the UI's locales: it is said before any page exists (a terminal, a dialog), and
 * the CLI and the web host load no locale files.
 */
export function describeHolder(holder: LockHolder, language: UiLanguage): string {
  const since = new Date(holder.started);
  const when = Number.isNaN(since.getTime()) ? holder.started : since.toLocaleString(language);
  const elsewhere = holder.hostname !== hostname();
  if (language === 'zh-CN') {
    const who = `${holderNames[holder.kind].zh}，进程 ${holder.pid}，自 ${when} 起`;
    return elsewhere
      ? `这个数据文件夹正被电脑 ${holder.hostname} 上的讲台使用（${who}）：请先在那台电脑上关闭它。`
      : `这个数据文件夹正被讲台使用（${who}）：请先关闭它。`;
  }
  const who = `${holderNames[holder.kind].en}, process ${holder.pid}, since ${when}`;
  return elsewhere
    ? `This data folder is in use by Lectern on the computer ${holder.hostname} (${who}): close it there first.`
    : `This data folder is in use by Lectern (${who}): close it first.`;
}

export interface DataFolderLock {
  readonly holder: LockHolder;
  /** Removes the lock file if it is still this holder's. Safe to call more than once. */
  release(): Promise<void>;
}

/** Takes the data folder's lock for this process, or throws {@link DataFolderInUseError}. */
export async function acquireDataFolderLock(dataDir: string, kind: LockKind): Promise<DataFolderLock> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    kind,
    started: new Date().toISOString(),
    hostname: hostname(),
  };
  const text = JSON.stringify(holder) + '\n';
  // Bounded: each round either creates the file or clears one stale lock that was there.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(dataDir, file, text)) return held(file, holder, text);
    const existing = await fs.readFile(file, 'utf8').catch(() => null);
    if (existing === null) continue; // released between our two steps: try again
    const other = parseHolder(existing);
    if (other && !isStale(other)) throw new DataFolderInUseError(other);
    await takeOver(file, existing);
  }
  throw new LecternError('unavailable', 'errors.unavailable', { lock: file });
}

/**
 * Creates `file` holding `text`, failing if it exists. The text goes into a private temporary file
 * first and is linked into place, so another process never reads a half-written lock; where the file
 * system has no hard links, `wx` on the lock itself.
 */
async function createExclusive(dir: string, file: string, text: string): Promise<boolean> {
  const temp = path.join(dir, `.${LOCK_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, text, { flag: 'wx', mode: 0o600 });
    await fs.link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code ?? '')) throw error;
    try {
      await fs.writeFile(file, text, { flag: 'wx', mode: 0o600 });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = LockHolder.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A lock is stale when its process is gone: known only on the computer that took it (a data folder on
 * a network share may be held from another computer, and that lock is respected). An unreadable lock
 * file was never a whole lock (locks appear complete), so it is stale too.
 */
function isStale(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock, unless it changed since it was read (another process took it over first):
 * it is renamed away and checked, and a lock that turns out to be live is put back.
 */
async function takeOver(file: string, staleText: string): Promise<void> {
  const aside = `${file}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => null);
  if (moved !== null && moved !== staleText) {
    // Someone else's fresh lock: give it back (never over a third one), then look again.
    await fs.link(aside, file).catch(() => undefined);
  }
  await fs.rm(aside, { force: true });
}

function held(file: string, holder: LockHolder, text: string): DataFolderLock {
  let removed = false;
  let releasing: Promise<void> | null = null;
  // A process that ends without releasing (an uncaught error, process.exit, a quit that could not
  // wait) still frees the folder; only a killed one leaves its lock, which is then stale.
  const onExit = () => {
    if (removed) return;
    try {
      if (readFileSync(file, 'utf8') === text) unlinkSync(file);
    } catch {
      // gone already
    }
  };
  process.once('exit', onExit);
  return {
    holder,
    release() {
      releasing ??= (async () => {
        // Only our own lock: if it was taken over (we were thought dead), it is someone else's now.
        if ((await fs.readFile(file, 'utf8').catch(() => null)) === text) await fs.rm(file, { force: true });
        removed = true;
        process.off('exit', onExit);
      })();
      return releasing;
    },
  };
}
