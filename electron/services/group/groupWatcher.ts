// Notices changes in a group folder: fs.watch (debounced, since a sync tool touches many files at
// once) plus a periodic rescan for tools and network shares that change files without events.
// It only says "look now"; the sync itself decides what changed.
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';

export interface WatchOptions {
  debounceMs?: number;
  rescanMs?: number;
}

export class GroupWatcher {
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
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
      if (!this.watcher) this.attach();
      this.onChange();
    }, this.options.rescanMs ?? 30_000);
    this.rescan.unref();
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    this.watcher = null;
    if (this.debounce) clearTimeout(this.debounce);
    if (this.rescan) clearInterval(this.rescan);
  }

  private attach(): void {
    if (this.stopped) return;
    try {
      // persistent: false, so a watched folder never keeps the process alive on its own.
      this.watcher = watch(this.folder, { recursive: true, persistent: false }, () => this.poke());
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
        this.poke(); // the folder went away: the sync reports it
      });
    } catch {
      this.watcher = null; // missing folder: the periodic rescan retries
    }
  }

  private poke(): void {
    if (this.stopped) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.onChange(), this.options.debounceMs ?? 300);
    this.debounce.unref();
  }
}
