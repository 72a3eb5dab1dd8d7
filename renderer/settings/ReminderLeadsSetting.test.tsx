// The reminders choice in Settings, as a member uses it: the default (24 h and 2 h) said in words,
// a different choice kept in the profile, none said to turn reminders off, and saving the name
// afterwards keeping the choice.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { db } from '../state/db';
import { SettingsScreen } from './SettingsScreen';

function LiveSettings() {
  const profile = useLiveQuery(() => db.profiles.get('me'), []);
  return profile ? <SettingsScreen profile={profile} /> : null;
}

const stored = async () => (await db.profiles.get('me'))?.reminderLeadHours;

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(async () => {
  // Main's answer for the Syncthing card (off, as on a new computer); the rest answers nothing.
  window.lectern!.invoke = async (name: string) => ({
    ok: true as const,
    value: name === 'syncTool.settings' ? { enabled: false, port: 8384, hasApiKey: false } : null,
  });
  await db.profiles.clear();
  const at = new Date().toISOString();
  await db.profiles.put({ id: 'me', displayName: 'Ada', language: 'en', createdAt: at, updatedAt: at });
  render(
    <MantineProvider>
      <LiveSettings />
    </MantineProvider>,
  );
});

describe('reminders before deadlines in Settings', () => {
  it('starts at 24 h and 2 h, and keeps another choice in the profile', async () => {
    const group = await screen.findByRole('group', { name: 'Reminders before deadlines' });
    expect(group.textContent).toContain('A desktop notification 24 h and 2 h before each deadline');
    expect((screen.getByRole('checkbox', { name: '24 h' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: '6 h' }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: '2 h' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '2 days' }));
    await waitFor(async () => expect(await stored()).toEqual([48, 24]));
    expect(group.textContent).toContain('2 days and 24 h before each deadline');
  });

  it('says in words that reminders are off when none is chosen, and a name change keeps that', async () => {
    fireEvent.click(await screen.findByRole('checkbox', { name: '24 h' }));
    await waitFor(async () => expect(await stored()).toEqual([2]));
    fireEvent.click(screen.getByRole('checkbox', { name: '2 h' }));
    await waitFor(async () => expect(await stored()).toEqual([]));
    expect(await screen.findByText('Reminders are off: no notification before deadlines.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'Display name' }), { target: { value: 'Ada L.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await db.profiles.get('me'))?.displayName).toBe('Ada L.'));
    expect(await stored()).toEqual([]);
  });
});
