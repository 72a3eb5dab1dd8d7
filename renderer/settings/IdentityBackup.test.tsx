// Saving or restoring the identity key asks first, in words that say what it gives away or takes on;
// nothing reaches main until the member confirms, nor before the passphrase is one the API takes.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Bridge } from '../../shared/api/contractTypes';
import { initI18n } from '../i18n/i18n';
import { IdentityBackup } from './IdentityBackup';

let invoke: MockInstance<Bridge['invoke']>;
const calls = () => invoke.mock.calls.map(([name]) => name);

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => {
  invoke = vi.spyOn(window.lectern!, 'invoke').mockImplementation(async (name) => ({
    ok: true,
    value: name === 'group.exportKey' ? { backup: '{}' } : null,
  }));
  render(
    <MantineProvider>
      <IdentityBackup />
    </MantineProvider>,
  );
  fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'long enough phrase' } });
});

describe('the identity backup', () => {
  it('says who can act with a backup before saving one, and saves only after the member agrees', async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save a backup' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save a backup of your identity?' });
    expect(dialog.textContent).toContain('can act as you in every group you belong to');
    expect(calls()).not.toContain('group.exportKey');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls()).not.toContain('group.exportKey');

    fireEvent.click(screen.getByRole('button', { name: 'Save a backup' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save the backup' }));
    await waitFor(() => expect(calls()).toContain('group.exportKey'));
  });

  it('says this computer becomes the member in the backup before restoring it', async () => {
    const file = new File(['{"format":"x"}'], 'backup.json', { type: 'application/json' });
    const input = document.querySelector('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [file] } });
    const dialog = await screen.findByRole('dialog', { name: 'Restore the identity in this backup?' });
    expect(dialog.textContent).toContain('This computer will act as the member in the backup');
    expect(calls()).not.toContain('group.importKey');

    fireEvent.click(screen.getByRole('button', { name: 'Restore it' }));
    await waitFor(() => expect(calls()).toContain('group.importKey'));
  });

  it('says a passphrase too short for a new backup beside the field, and asks nothing', () => {
    invoke.mockClear();
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'short' } });
    expect(screen.queryByText('A new backup needs a passphrase of at least 8 characters.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save a backup' }));
    expect(screen.queryByText('A new backup needs a passphrase of at least 8 characters.')).not.toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls()).not.toContain('group.exportKey');
  });

  it('says a passphrase over the limit at once, and offers no restore', () => {
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'x'.repeat(1025) } });
    expect(screen.queryByText(/1,025/)).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Restore from a backup' })).toHaveProperty('disabled', true);
  });
});
