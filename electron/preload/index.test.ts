// The preload with `electron` stood in for: what it exposes to the page, and that it passes only the
// contract's method names to main and only the contract's event names to the page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../shared/api/contract';
import { ipcChannels } from '../../shared/api/names';

type Forward = (event: unknown, name: unknown, payload: unknown) => void;

const exposed = new Map<string, unknown>();
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: null }));
const listeners = new Map<string, Set<Forward>>();
const getPathForFile = vi.fn((file: unknown) => (file as { path: string }).path);

vi.mock('electron', () => ({
  webUtils: { getPathForFile: (file: unknown) => getPathForFile(file) },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: Forward) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: Forward) => listeners.get(channel)?.delete(listener),
  },
}));

await import('./index');

interface Bridge {
  invoke(name: unknown, input: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  pathForFile(file: unknown): string;
}
const bridge = () => exposed.get('lectern') as Bridge;

/** Main sends an event to the page over the event channel. */
function fromMain(name: unknown, payload: unknown): void {
  for (const listener of listeners.get(ipcChannels.event) ?? []) listener({ sender: 'main' }, name, payload);
}

beforeEach(() => invoke.mockClear());

describe('the preload', () => {
  it('exposes exactly invoke, subscribe and pathForFile, under `lectern` alone', () => {
    expect([...exposed.keys()]).toEqual(['lectern']);
    expect(Object.keys(bridge()).sort()).toEqual(['invoke', 'pathForFile', 'subscribe']);
    expect(Object.values(bridge()).every((member) => typeof member === 'function')).toBe(true);
  });

  it('passes every contract method to main on the invoke channel', async () => {
    for (const name of Object.keys(contract)) {
      await bridge().invoke(name, { some: 'input' });
      expect(invoke).toHaveBeenLastCalledWith(ipcChannels.invoke, name, { some: 'input' });
    }
    expect(invoke).toHaveBeenCalledTimes(Object.keys(contract).length);
  });

  it('rejects a method name outside the contract without reaching main', async () => {
    for (const name of ['app.quit', 'toString', '__proto__', '', 42, null, { name: 'app.info' }])
      await expect(bridge().invoke(name, {})).rejects.toThrow(/Unknown method/);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('forwards only the contract’s event names to the page, and stops when unsubscribed', () => {
    const seen: [string, unknown][] = [];
    const unsubscribe = bridge().subscribe((name, payload) => seen.push([name, payload]));
    for (const name of Object.keys(events)) fromMain(name, { from: name });
    fromMain('app.secretEvent', { leaked: true });
    fromMain('constructor', {});
    fromMain(undefined, {});
    expect(seen).toEqual(Object.keys(events).map((name) => [name, { from: name }]));

    unsubscribe();
    fromMain('group.changed', { groupId: 'x' });
    expect(seen).toHaveLength(Object.keys(events).length);
    expect(listeners.get(ipcChannels.event)?.size).toBe(0);
  });

  it('names a picked file’s path through webUtils, without touching IPC', () => {
    expect(bridge().pathForFile({ path: '/home/me/talk.mp3' })).toBe('/home/me/talk.mp3');
    expect(getPathForFile).toHaveBeenCalledTimes(1);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('hands the page no IPC event object (no sender, no ports)', () => {
    const payloads: unknown[][] = [];
    const unsubscribe = bridge().subscribe((...args) => payloads.push(args));
    fromMain('speeches.changed', {});
    unsubscribe();
    expect(payloads).toEqual([['speeches.changed', {}]]);
  });
});
