// An evaluation form as it reads in a thread: the scores, then commendations, recommendations and
// the challenge, each only when given.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../shared/critique/critiqueEvents';
import { compareCriteria } from '../../shared/critique/evaluationSummary';

export function useCriterionLabel(): (id: string) => string {
  const { t } = useTranslation();
  return (id) => t(`critique.evaluation.criteria.${id}`, { defaultValue: id });
}

export function EvaluationDetails({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const label = useCriterionLabel();
  const scores = Object.entries(evaluation.scores).sort(([a], [b]) => compareCriteria(a, b));
  const parts = [
    ['commendations', evaluation.commendations],
    ['recommendations', evaluation.recommendations],
    ['challenge', evaluation.challenge],
  ] as const;
  return (
    <Stack gap={4} aria-label={t('critique.evaluation.title')} role="group">
      {scores.length > 0 && (
        <Group gap={4}>
          {scores.map(([criterion, score]) => (
            <Badge key={criterion} variant="light" size="sm">
              {t('critique.evaluation.score', { criterion: label(criterion), score })}
            </Badge>
          ))}
        </Group>
      )}
      {parts.map(([key, text]) =>
        text.trim() ? (
          <Text key={key} size="sm">
            <Text span fw={600} size="sm">
              {t(`critique.evaluation.${key}`)}
            </Text>
            {' — '}
            <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {text}
            </Text>
          </Text>
        ) : null,
      )}
    </Stack>
  );
}
