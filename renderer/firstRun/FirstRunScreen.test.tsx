// First run, as a member meets it: an empty name is refused in their language; a name creates the
// profile in the local database, and the language they picked is kept with it.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { db } from '../state/db';
import { FirstRunScreen } from './FirstRunScreen';

function renderScreen() {
  return render(
    <MantineProvider>
      <FirstRunScreen />
    </MantineProvider>,
  );
}

beforeAll(async () => {
  await initI18n('zh-CN');
});
beforeEach(() => db.profiles.clear());

describe('FirstRunScreen', () => {
  it('refuses a blank name with a message in Chinese and saves nothing', async () => {
    renderScreen();
    fireEvent.change(screen.getByRole('textbox', { name: /显示名称/ }), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '开始练习' }));
    expect(await screen.findByText('请输入显示名称。')).toBeTruthy();
    expect(await db.profiles.count()).toBe(0);
  });

  it('says the refusal again in the language picked after it', async () => {
    renderScreen();
    fireEvent.click(screen.getByRole('button', { name: '开始练习' }));
    expect(await screen.findByText('请输入显示名称。')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByText('Please enter a display name.')).toBeTruthy();
    expect(screen.queryByText('请输入显示名称。')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: /中文/ }));
    expect(await screen.findByText('请输入显示名称。')).toBeTruthy();
  });

  it('creates the profile with the trimmed name and the chosen language', async () => {
    renderScreen();
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Start practising' })).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Display name/ }), {
      target: { value: '  Li Wei ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start practising' }));
    await waitFor(async () =>
      expect(await db.profiles.get('me')).toMatchObject({ displayName: 'Li Wei', language: 'en' }),
    );
  });
});
