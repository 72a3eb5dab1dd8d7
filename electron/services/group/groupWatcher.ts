// Notices changes in a group folder: fs.watch (debounced, since a sync tool touches many files at
// once) plus a periodic rescan for tools and network shares that change files without events.
// It only says "look now"; the sync itself decides what changed.
// It watches only the folders the layout defines (the root, devices/, and each device's segments/ and
// blobs/), each without recursion: Node's recursive watch on Linux walks every file first, which took
// over a second on a year-old group and blocked main while it did. Only directories named like a
// device (16 lowercase hex), and at most MAX_WATCHED_DEVICES of them: anyone can make directories in
// a shared folder, and each watch holds a file descriptor; the rest are left to the periodic rescan.
import { readdirSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { BLOBS_DIR, DEVICES_DIR, SEGMENTS_DIR } from '../../../shared/group/folderLayout';

export interface WatchOptions {
  debounceMs?: number;
  rescanMs?: number;
  /** See MAX_WATCHED_DEVICES; tests make it small. */
  maxDevices?: number;
}

/** A group is a few dozen devices; 1,000 (3 watches each) stays within every OS's default watch limits. */
export const MAX_WATCHED_DEVICES = 1_000;
const DEVICE_ID_RE = /^[0-9a-f]{16}$/;

export class GroupWatcher {
  private watchers: FSWatcher[] = [];
  private watched: string[] = [];
  private debounce: NodeJS.Timeout | null = null;
  /** A directory above segments/ and blobs/ changed: list devices again before the next poke. */
  private reattach = false;
  private rescan: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly folder: string,
    private readonly onChange: () => void,
    private readonly options: WatchOptions = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.attach();
    // The rescan also re-attaches the watcher after the folder was away (a watch dies with its folder).
    this.rescan = setInterval(() => {
      if (this.watchers.length === 0) this.attach();
      this.onChange();
    }, this.options.rescanMs ?? 30_000);
    this.rescan.unref();
  }

  stop(): void {
    this.stopped = true;
    this.detach();
    if (this.debounce) clearTimeout(this.debounce);
    if (this.rescan) clearInterval(this.rescan);
  }

  private attach(): void {
    if (this.stopped) return;
    this.detach();
    const devices = join(this.folder, DEVICES_DIR);
    let deviceIds: string[] = [];
    try {
      deviceIds = readdirSync(devices, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && DEVICE_ID_RE.test(entry.name))
        .map((entry) => entry.name)
        .sort()
        .slice(0, this.options.maxDevices ?? MAX_WATCHED_DEVICES);
    } catch {
      // No devices/ yet (a new group) or no folder at all: the root watch (or the rescan) notices.
    }
    const dirs = [
      this.folder,
      devices,
      ...deviceIds.flatMap((id) => [
        join(devices, id),
        join(devices, id, SEGMENTS_DIR),
        join(devices, id, BLOBS_DIR),
      ]),
    ];
    for (const dir of dirs) {
      try {
        // persistent: false, so a watched folder never keeps the process alive on its own.
        const watcher = watch(dir, { persistent: false }, () => this.poke(dir));
        watcher.on('error', () => {
          this.detach();
          this.poke(this.folder); // the folder went away: the sync reports it
        });
        this.watchers.push(watcher);
        this.watched.push(dir);
      } catch {
        if (dir === this.folder) return this.detach(); // missing folder: the periodic rescan retries
      }
    }
  }

  /** The directories watched now (for tests and diagnostics). */
  watchedDirs(): readonly string[] {
    return this.watched;
  }

  private detach(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    this.watched = [];
  }

  private poke(dir: string): void {
    if (this.stopped) return;
    // A new device or a new segments/ or blobs/ folder: watch it too, once the burst is over (a
    // directory flooded with changes would otherwise be listed and re-watched at every one).
    if (!dir.endsWith(SEGMENTS_DIR) && !dir.endsWith(BLOBS_DIR)) this.reattach = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      if (this.reattach) {
        this.reattach = false;
        this.attach();
      }
      this.onChange();
    }, this.options.debounceMs ?? 300);
    this.debounce.unref();
  }
}
