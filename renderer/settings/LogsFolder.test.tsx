// "Open logs folder" in Settings: the desktop app opens the folder and shows nothing more; the browser
// host (which cannot open folders) shows the path to copy.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { api } from '../api/api';
import { initI18n } from '../i18n/i18n';
import { LogsFolder } from './LogsFolder';

beforeAll(async () => {
  await initI18n('en');
});

function renderWith(answer: { opened: boolean; folder: string }) {
  const call = vi.spyOn(api, 'call').mockResolvedValue(answer as never);
  render(
    <MantineProvider>
      <LogsFolder />
    </MantineProvider>,
  );
  return call;
}

describe('LogsFolder', () => {
  it('asks main to open the logs folder, and shows nothing more when it did', async () => {
    const call = renderWith({ opened: true, folder: '/home/ada/.config/Lectern/logs' });
    fireEvent.click(screen.getByRole('button', { name: 'Open logs folder' }));
    await vi.waitFor(() => expect(call).toHaveBeenCalledWith('app.openLogsFolder', {}));
    expect(screen.queryByText('/home/ada/.config/Lectern/logs')).toBeNull();
  });

  it('shows the path with a copy button where the folder cannot be opened', async () => {
    renderWith({ opened: false, folder: '/tmp/lectern-data/logs' });
    fireEvent.click(screen.getByRole('button', { name: 'Open logs folder' }));
    expect(await screen.findByText('/tmp/lectern-data/logs')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy path' })).toBeTruthy();
  });
});
