// Memory and CPU as the benchmarks read them, the same way for Lectern and its baseline: the
// renderer's V8 heap (CDP), the resident memory of this process's Chromium renderers (/proc), a
// sampler that keeps the peak, and a command's time, peak memory and CPU.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

/** The renderer's V8 heap (Performance.getMetrics), optionally after a full garbage collection. */
export class RendererMemory {
  private constructor(private readonly cdp: CDPSession) {}

  static async of(page: Page): Promise<RendererMemory> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    return new RendererMemory(cdp);
  }

  async heapUsed(collectFirst = false): Promise<number> {
    if (collectFirst) {
      await this.cdp.send('HeapProfiler.collectGarbage');
      await this.cdp.send('HeapProfiler.collectGarbage');
    }
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
  }
}

/**
 * The renderer processes of the Chromium this process launched (from /proc). Their resident memory
 * counts what the V8 heap leaves out of decoding (ArrayBuffers, AudioBuffers, codec state).
 */
export function rendererPids(): number[] {
  const parents = new Map<number, number>();
  const renderers: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=renderer'))
        renderers.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  const ours = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 20; at = parents.get(at) ?? 0, hops++)
      if (at === process.pid) return true;
    return false;
  };
  return renderers.filter(ours);
}

/** Summed VmRSS of the given processes (cheap enough to sample every few tens of milliseconds). */
export function rssOf(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      // Gone.
    }
  }
  return total;
}

/** Samples `read` every `intervalMs` until stopped; returns the largest value seen. */
export function sampleMax(read: () => number | Promise<number>, intervalMs = 100) {
  let max = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      max = Math.max(max, await read());
      await new Promise((done) => setTimeout(done, intervalMs));
    }
  })();
  return {
    async stop(): Promise<number> {
      running = false;
      await loop;
      max = Math.max(max, await read());
      return max;
    },
  };
}

/**
 * The peak over idle of a page's renderer, both measures sampled together from the same moment:
 * its JS heap (as found, no collection) and its renderer processes' resident memory. Start it on the
 * settled page, before the measured action; stop it at the same point for Lectern and its baseline.
 */
export async function watchRendererPeak(page: Page) {
  const memory = await RendererMemory.of(page);
  const heapIdle = await memory.heapUsed(true);
  const pids = rendererPids();
  const rssIdle = rssOf(pids);
  const heap = sampleMax(() => memory.heapUsed(false), 100);
  const rss = sampleMax(() => rssOf(pids), 25);
  return {
    async stop(): Promise<{ heapOverIdle: number; rssOverIdle: number; heapIdle: number; rssIdle: number }> {
      const [heapPeak, rssPeak] = [await heap.stop(), await rss.stop()];
      return { heapOverIdle: heapPeak - heapIdle, rssOverIdle: rssPeak - rssIdle, heapIdle, rssIdle };
    },
  };
}

/** Time (ms, by performance.now), peak memory (VmHWM) and CPU time of a command, e.g. ffmpeg decoding. */
export async function timeCommand(
  command: string,
  args: string[],
): Promise<{ ms: number; peakRss: number; cpuMs: number }> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: 'ignore' });
  let peakRss = 0;
  // CPU time (utime + stime, 10 ms ticks) as last seen: up to one poll short of the whole.
  let cpuMs = 0;
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      peakRss = Math.max(peakRss, Number(hwm ?? 0) * 1024);
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuMs = Math.max(cpuMs, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // Exited.
    }
  }, 20);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(poll);
  if (code !== 0) throw new Error(`${command} exited with ${code}`);
  return { ms: performance.now() - started, peakRss, cpuMs };
}
