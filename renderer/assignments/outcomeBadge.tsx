// Outcome and status badges in dark shades with an outline, so their text keeps AA contrast.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  'on-time': 'teal.9',
  submitted: 'teal.9',
  late: '#a63c00',
  missed: 'red.9',
  open: 'gray.7',
  excused: 'blue.9',
  pardoned: 'indigo.9',
  out: 'red.9',
  active: 'teal.9',
  warned: '#a63c00',
  paused: 'blue.9',
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={colors[outcome] ?? 'gray.7'}>
      {t(`assignments.outcome.${outcome}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={colors[status] ?? 'gray.7'}>
      {t(`assignments.status.${status}`)}
    </Badge>
  );
}
