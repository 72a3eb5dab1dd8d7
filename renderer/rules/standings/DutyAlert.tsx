// "You owe critiques to A and B by Tuesday 21:00": the member's open critique duty, one line per week.
import { Alert, Stack, Text } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CritiqueDuty } from '../../../shared/api/rulesOverview';
import { formatDeadline, joinNames } from '../assignments/formatDeadline';

export function DutyAlert({ duties, timeZone }: { duties: CritiqueDuty[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (duties.length === 0) return null;
  return (
    <Alert
      color="blue"
      icon={<IconMessageCircle />}
      title={t('assignments.dutyTitle')}
      data-testid="critique-duty"
    >
      <Stack gap={4}>
        {duties.map((d) => {
          const owed = d.owed.filter((o) => !o.given).map((o) => o.name);
          const when = formatDeadline(d.critiqueDeadline, i18n.language, timeZone, t);
          return (
            <Text size="sm" key={d.key}>
              {owed.length > 0
                ? t('assignments.owe', { names: joinNames(owed, i18n.language), when, title: d.title })
                : t('assignments.allGiven', { title: d.title })}
            </Text>
          );
        })}
      </Stack>
    </Alert>
  );
}
