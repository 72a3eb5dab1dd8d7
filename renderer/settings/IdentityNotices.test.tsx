// What the member is told about their key above every screen: a copied data folder's new device id
// (with "nothing is lost"), shown until they have read it; a key that could not be opened, with
// where it was kept and the way to Settings to restore it.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { IdentityReport } from '../../shared/api/groupContract';
import { initI18n } from '../i18n/i18n';
import { useUiStore } from '../state/uiStore';
import { IdentityNotices } from './IdentityNotices';
import { reloadIdentity } from './identityStore';

const ready: IdentityReport = {
  keyId: 'a'.repeat(64),
  deviceId: '0123456789abcdef',
  atRest: 'plaintext',
  problem: null,
  notice: null,
};

/** main, answering group.identity with `report` until the notice is dismissed. */
async function showWith(report: IdentityReport) {
  const invoke = vi.spyOn(window.lectern!, 'invoke').mockImplementation(async (name, input) => {
    if (name !== 'group.identity') return { ok: true, value: null };
    const dismissed = (input as { dismissNotice?: true }).dismissNotice === true;
    return { ok: true, value: dismissed ? { ...report, notice: null } : report };
  });
  await reloadIdentity();
  render(
    <MantineProvider>
      <IdentityNotices />
    </MantineProvider>,
  );
  return invoke;
}

beforeAll(async () => {
  await initI18n('en');
});

describe('identity notices', () => {
  it('tells once that this copy got its own device id and that nothing is lost', async () => {
    const invoke = await showWith({
      ...ready,
      notice: { kind: 'device-renewed', previousDeviceId: 'fedcba9876543210', at: '2030-01-01T00:00:00Z' },
    });
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain('This computer now has its own device id');
    expect(notice.textContent).toContain('Nothing is lost');

    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(invoke).toHaveBeenCalledWith('group.identity', { dismissNotice: true });
  });

  it('says where an unreadable key was kept and leads to Settings to restore it', async () => {
    useUiStore.setState({ screen: 'home' });
    await showWith({
      ...ready,
      keyId: null,
      deviceId: null,
      atRest: null,
      problem: { reason: 'unreadable', keptAs: 'identity/member-key.unreadable-2030.json' },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your member key could not be opened');
    expect(alert.textContent).toContain('kept the file as identity/member-key.unreadable-2030.json');
    fireEvent.click(screen.getByRole('button', { name: 'Restore from a backup' }));
    expect(useUiStore.getState().screen).toBe('settings');
  });
});
