// Outcome and status badges with an outline, in shades that keep their text at AA contrast in both themes.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Dark shades on light, light shades on dark: AA contrast in both themes.
const teal = 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-3))';
const amber = 'light-dark(#a63c00, var(--mantine-color-orange-4))';
const red = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-3))';
const gray = 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-gray-4))';
const blue = 'light-dark(var(--mantine-color-blue-9), var(--mantine-color-blue-3))';
const indigo = 'light-dark(var(--mantine-color-indigo-9), var(--mantine-color-indigo-3))';

export const badgeColors: Record<string, string> = {
  'on-time': teal,
  submitted: teal,
  late: amber,
  missed: red,
  open: gray,
  excused: blue,
  pardoned: indigo,
  out: red,
  active: teal,
  warned: amber,
  paused: blue,
  revived: indigo,
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={badgeColors[outcome] ?? gray}>
      {t(`assignments.outcome.${outcome}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={badgeColors[status] ?? gray}>
      {t(`assignments.status.${status}`)}
    </Badge>
  );
}
