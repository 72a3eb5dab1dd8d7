// What the evaluation forms on a speech add up to: the average 1–5 per criterion, with how many
// scored it, and the overall mean; below them, what else evaluates the speech (the Ah-Counter's count).
import { Divider, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationSummary } from '../../shared/critique/evaluationSummary';
import { useCriterionLabel } from './useCriterionLabel';

export function EvaluationSummaryCard({
  summary,
  children,
}: {
  summary: EvaluationSummary;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const label = useCriterionLabel();
  const number = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="evaluation-summary-title">
      <Stack gap={6}>
        <Title order={3} size="h5" id="evaluation-summary-title">
          {t('critique.summary.title')}
        </Title>
        {summary.evaluations === 0 ? (
          <Text size="sm" c="dimmed">
            {t('critique.summary.none')}
          </Text>
        ) : (
          <>
            <Text size="sm">
              {summary.overall !== null &&
                t('critique.summary.overall', { average: number(summary.overall) })}{' '}
              <Text span size="sm" c="dimmed">
                {t('critique.summary.forms', { count: summary.evaluations })}
              </Text>
            </Text>
            {summary.criteria.map((c) => (
              <Stack key={c.criterion} gap={2} data-testid="summary-criterion">
                <Group justify="space-between" gap={4}>
                  <Text size="sm">{label(c.criterion)}</Text>
                  <Text size="sm" ff="monospace">
                    {t('critique.summary.average', { average: number(c.average) })}{' '}
                    <Text span size="xs" c="dimmed">
                      ({t('critique.summary.scoredBy', { count: c.count })})
                    </Text>
                  </Text>
                </Group>
                <Progress
                  value={(c.average / 5) * 100}
                  size="sm"
                  color="indigo.8"
                  aria-label={`${label(c.criterion)}: ${t('critique.summary.average', { average: number(c.average) })}`}
                />
              </Stack>
            ))}
          </>
        )}
        {children && <Divider my={4} />}
        {children}
      </Stack>
    </Paper>
  );
}
