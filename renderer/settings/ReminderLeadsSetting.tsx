// Settings: how long before deadlines the member gets a desktop reminder (none turns them off),
// and what that means in words. The choice lives in the profile; reminders.ts follows it. Desktop
// notifications are asked for here, from the member's own click, never on their own.
import { Button, Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultReminderLeadHours, reminderLeadChoices } from '../../shared/domain/profile';
import { joinNames } from '../rules/assignments/formatDeadline';
import { useNotificationPermission } from '../rules/reminders/notificationPermission';

function leadLabel(hours: number, t: TFunction): string {
  return hours >= 48
    ? t('assignments.reminder.days', { days: hours / 24 })
    : t('assignments.reminder.hours', { hours });
}

export function ReminderLeadsSetting({
  value,
  onChange,
}: {
  /** The profile's choice; undefined when the member never chose. */
  value: readonly number[] | undefined;
  onChange(hours: number[]): void;
}) {
  const { t, i18n } = useTranslation();
  // Shown at once and saved in the background: a second click before the profile comes back
  // must build on the first.
  const [chosen, setChosen] = useState(() => [...(value ?? defaultReminderLeadHours)].sort((a, b) => b - a));
  const { permission, ask } = useNotificationPermission();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm" role="group" aria-labelledby="settings-reminders">
        <Title order={2} size="h4" id="settings-reminders">
          {t('assignments.reminder.settingTitle')}
        </Title>
        <Chip.Group
          multiple
          value={chosen.map(String)}
          onChange={(next) => {
            const hours = next.map(Number).sort((a, b) => b - a);
            setChosen(hours);
            onChange(hours);
          }}
        >
          <Group gap="xs">
            {reminderLeadChoices.map((hours) => (
              <Chip key={hours} value={String(hours)}>
                {leadLabel(hours, t)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Text size="sm">
          {chosen.length === 0
            ? t('assignments.reminder.off')
            : t('assignments.reminder.on', {
                leads: joinNames(
                  chosen.map((h) => leadLabel(h, t)),
                  i18n.language,
                ),
              })}
        </Text>
        {permission === 'default' && chosen.length > 0 ? (
          <Group gap="sm" wrap="nowrap" align="center">
            <Text size="sm" style={{ flex: 1 }}>
              {t('assignments.reminder.askWhy')}
            </Text>
            <Button size="xs" variant="light" leftSection={<IconBell size={14} />} onClick={() => void ask()}>
              {t('assignments.reminder.allow')}
            </Button>
          </Group>
        ) : null}
        {permission === 'denied' && chosen.length > 0 ? (
          <Text size="sm" c="red.9">
            {t('assignments.reminder.blocked')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
