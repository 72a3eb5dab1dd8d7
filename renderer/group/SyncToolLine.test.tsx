// The Syncthing line in the sync status popover, in both languages: asked once when it appears, nothing
// while the setting is off, devices counted only where they matter.
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncToolStatus } from '../../shared/api/syncToolContract';
import { api } from '../api/api';
import { initI18n } from '../i18n/i18n';
import { SyncToolLine } from './SyncToolLine';

const groupId = 'a'.repeat(64);

afterEach(() => vi.restoreAllMocks());

/** What the line says for Syncthing's `answer` (null: the setting is off), rendered alone. */
async function shown(language: 'en' | 'zh-CN', answer: SyncToolStatus | null) {
  cleanup();
  vi.restoreAllMocks();
  await initI18n(language);
  const call = vi.spyOn(api, 'call').mockResolvedValue(answer as never);
  const { container } = render(
    <MantineProvider>
      <SyncToolLine groupId={groupId} />
    </MantineProvider>,
  );
  await vi.waitFor(() => expect(call).toHaveBeenCalledWith('syncTool.status', { groupId }));
  await act(async () => {}); // the answer has come back and is drawn
  const line = within(container);
  if (answer === null) return { text: line.queryByTestId('sync-tool-status')?.textContent ?? null, call };
  return { text: (await line.findByTestId('sync-tool-status')).textContent, call };
}

const status = (over: Partial<SyncToolStatus>): SyncToolStatus => ({
  state: 'up-to-date',
  connectedDevices: 2,
  totalDevices: 3,
  needBytes: 0,
  ...over,
});

describe('SyncToolLine', () => {
  it('says up to date with the devices connected, in English and Chinese', async () => {
    expect((await shown('en', status({}))).text).toBe('Syncthing: up to date · 2 of 3 devices connected');
    expect((await shown('en', status({ connectedDevices: 1, totalDevices: 1 }))).text).toBe(
      'Syncthing: up to date · 1 of 1 device connected',
    );
    expect((await shown('zh-CN', status({}))).text).toBe('Syncthing：已是最新 · 2/3 台设备在线');
  });

  it('says how much is left while syncing, and when no other device shares the folder', async () => {
    const syncing = status({ state: 'syncing', needBytes: 5 * 1024 * 1024, connectedDevices: 1 });
    expect((await shown('en', syncing)).text).toBe(
      'Syncthing: syncing, 5\u00a0MB to go · 1 of 3 devices connected',
    );
    expect((await shown('zh-CN', status({ totalDevices: 0, connectedDevices: 0 }))).text).toBe(
      'Syncthing：已是最新 · 没有与其他设备共享',
    );
  });

  it('says paused, not shared and what to check, without device counts', async () => {
    expect((await shown('zh-CN', status({ state: 'paused' }))).text).toBe('Syncthing 已暂停这个文件夹');
    expect((await shown('zh-CN', status({ state: 'not-shared' }))).text).toBe('Syncthing 没有共享这个文件夹');
    expect((await shown('en', status({ state: 'unauthorized' }))).text).toBe(
      'Syncthing refused the API key. Check the API key in Settings.',
    );
  });

  it('shows nothing while the setting is off', async () => {
    const { text, call } = await shown('en', null);
    expect(text).toBeNull();
    expect(call).toHaveBeenCalledTimes(1);
  });
});
