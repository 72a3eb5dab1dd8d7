// Desktop notifications are asked for only when the member presses the button in Settings' reminders
// card, never when a screen opens; the card then says what the answer means.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { ReminderLeadsSetting } from './ReminderLeadsSetting';

function stubNotifications(answer: NotificationPermission) {
  const requestPermission = vi.fn(async () => {
    stub.permission = answer;
    return answer;
  });
  const stub = { permission: 'default' as NotificationPermission, requestPermission };
  vi.stubGlobal('Notification', stub);
  return requestPermission;
}

function renderCard() {
  render(
    <MantineProvider>
      <ReminderLeadsSetting value={undefined} onChange={() => undefined} />
    </MantineProvider>,
  );
}

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('asking for desktop notifications', () => {
  it('asks only from the button, then no longer offers it', async () => {
    const ask = stubNotifications('granted');
    renderCard();
    expect(screen.getByText('To get these reminders, let Lectern show desktop notifications.')).toBeTruthy();
    expect(ask).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Allow desktop notifications' }));
    });
    expect(ask).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Allow desktop notifications' })).toBeNull();
  });

  it('says how to unblock them when the member said no', async () => {
    stubNotifications('denied');
    renderCard();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Allow desktop notifications' }));
    });
    expect(screen.getByText(/Notifications from Lectern are blocked here/)).toBeTruthy();
  });
});
