// The key backup's passphrase is checked before anything is sent: too short for a new backup is said
// beside the field when Export is pressed (and nothing is exported), too long at once.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/i18n';

const call = vi.fn();
vi.mock('../api/api', () => ({ api: { call: (...args: unknown[]) => call(...args) } }));
const { IdentityBackup } = await import('./IdentityBackup');

beforeAll(async () => {
  await initI18n('en');
});

function typePassphrase(value: string) {
  fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value } });
}

describe('the key backup passphrase', () => {
  it('says a short one is too short for a new backup, and exports nothing', () => {
    render(
      <MantineProvider>
        <IdentityBackup />
      </MantineProvider>,
    );
    typePassphrase('short');
    expect(screen.queryByText(/at least 8 characters\./)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save a backup' }));
    expect(screen.queryByText('A new backup needs a passphrase of at least 8 characters.')).not.toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(call).not.toHaveBeenCalled();
  });

  it('says a passphrase over the limit at once, and offers neither export nor restore', () => {
    render(
      <MantineProvider>
        <IdentityBackup />
      </MantineProvider>,
    );
    typePassphrase('x'.repeat(1025));
    expect(screen.queryByText(/1,025/)).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Restore from a backup' })).toHaveProperty('disabled', true);
  });
});
