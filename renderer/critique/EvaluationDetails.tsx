// An evaluation form as it reads in a thread: the scores, then commendations, recommendations and
// the challenge, each only when given.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../shared/critique/critiqueEvents';
import { criteriaOrder } from '../../shared/critique/criteria';
import { useCriterionLabel } from './useCriterionLabel';

export function EvaluationDetails({
  evaluation,
  criteria,
}: {
  evaluation: Evaluation;
  /** The speech's criteria, listed first in their order. */
  criteria?: readonly string[];
}) {
  const { t } = useTranslation();
  const label = useCriterionLabel();
  const order = criteriaOrder(criteria);
  const scores = Object.entries(evaluation.scores).sort(([a], [b]) => order(a, b));
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
