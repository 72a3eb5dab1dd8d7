// A SpeechFs over the real disk that fails at its k-th step, for fault-injection tests. A step is a
// call that changes the disk or flushes it (reads are not steps). A 'crash' is the process dying
// there: a write gets halfway, then that call and every call after it throw, so nothing the store
// would do next (a catch block's clean-up included) reaches the disk. An 'error' fails only that
// step with an errno code (a full disk: half the bytes written), and the store carries on.
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { relative } from 'node:path';
import type { FileHandlePort } from '../atomicFile';
import type { SpeechFs } from './speechFs';

export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

export type Fault = { kind: 'crash'; at: number } | { kind: 'error'; at: number; code: string };

export class FaultyFs implements SpeechFs {
  /** The steps taken so far, named for messages ("rename audio.webm.remux.tmp → audio.webm"). */
  readonly steps: string[] = [];
  private dead = false;

  /** `root` only shortens the step labels. */
  constructor(
    private readonly fault?: Fault,
    private readonly root = '',
  ) {}

  get crashed(): boolean {
    return this.dead;
  }

  readFile(path: string): Promise<Buffer> {
    this.alive();
    return fs.readFile(path);
  }

  readdir(path: string): Promise<string[]> {
    this.alive();
    return fs.readdir(path);
  }

  stat(path: string): Promise<{ size: number }> {
    this.alive();
    return fs.stat(path);
  }

  async mkdir(path: string, options: { recursive: true }): Promise<unknown> {
    this.step(`mkdir ${this.name(path)}`);
    return fs.mkdir(path, options);
  }

  async open(path: string, flags: 'r' | 'w' | 'wx' | 'a'): Promise<FileHandlePort> {
    if (flags === 'r') this.alive();
    else this.step(`open ${flags} ${this.name(path)}`);
    return this.wrap(await fs.open(path, flags), path);
  }

  async rename(from: string, to: string): Promise<void> {
    this.step(`rename ${this.name(from)} → ${this.name(to)}`);
    return fs.rename(from, to);
  }

  async link(existing: string, newPath: string): Promise<void> {
    this.step(`link ${this.name(existing)} → ${this.name(newPath)}`);
    return fs.link(existing, newPath);
  }

  async unlink(path: string): Promise<void> {
    this.step(`unlink ${this.name(path)}`);
    return fs.unlink(path);
  }

  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    this.step(`rm ${this.name(path)}`);
    return fs.rm(path, options);
  }

  private wrap(handle: FileHandle, path: string): FileHandlePort {
    const torn = async (label: string, bytes: Uint8Array, write: () => Promise<void>) => {
      const failure = this.failsAt(`${label} ${this.name(path)}`);
      if (!failure) return write();
      await handle.write(bytes, 0, Math.floor(bytes.byteLength / 2));
      throw failure;
    };
    return {
      write: async (buffer, offset, length) => {
        let written = 0;
        await torn('write', buffer.subarray(offset, offset + length), async () => {
          written = (await handle.write(buffer, offset, length)).bytesWritten;
        });
        return { bytesWritten: written };
      },
      writeFile: (data) =>
        torn('writeFile', typeof data === 'string' ? Buffer.from(data) : data, () => handle.writeFile(data)),
      sync: async () => {
        this.step(`sync ${this.name(path)}`);
        return handle.sync();
      },
      datasync: async () => {
        this.step(`datasync ${this.name(path)}`);
        return handle.datasync();
      },
      truncate: async (length) => {
        this.step(`truncate ${this.name(path)}`);
        return handle.truncate(length);
      },
      // A dead process's files are closed by the system: close for real, then report the death.
      close: async () => {
        await handle.close();
        this.alive();
      },
    };
  }

  /** A path as a stable label: relative to the root, speech ids and random suffixes blanked. */
  private name(path: string): string {
    return (relative(this.root, path) || '.')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/\.[0-9a-f]{8}\.tmp$/, '.*.tmp');
  }

  private alive(): void {
    if (this.dead) throw new SimulatedCrash('the process is gone');
  }

  private step(label: string): void {
    const failure = this.failsAt(label);
    if (failure) throw failure;
  }

  /** Counts a step; returns the error to throw if this is the step that fails. */
  private failsAt(label: string): Error | undefined {
    this.alive();
    const at = this.steps.push(label) - 1;
    if (!this.fault || at !== this.fault.at) return undefined;
    if (this.fault.kind === 'crash') {
      this.dead = true;
      return new SimulatedCrash(`crashed at step ${at}: ${label}`);
    }
    return Object.assign(new Error(`${this.fault.code}: injected at step ${at}: ${label}`), {
      code: this.fault.code,
    });
  }
}
