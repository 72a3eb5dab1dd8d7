// The Toastmasters-style evaluation form attached to a critique: a 1–5 rating per criterion (the
// assignment's or group's, else the defaults), commendations, recommendations and one challenge.
// Scores may be left out; the form refuses only an evaluation with nothing in it.
import { Button, Group, Rating, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CHALLENGE, MAX_EVALUATION_TEXT } from '../../shared/critique/critiqueEvents';
import { DEFAULT_CRITERIA } from '../../shared/critique/criteria';
import type { Evaluation } from '../../shared/critique/critiqueEvents';
import { useCriterionLabel } from './useCriterionLabel';

export interface EvaluationFormProps {
  /** The speech's criteria, in order; defaults to clarity, vocal variety, structure, pacing, confidence. */
  criteria?: readonly string[];
  /** An evaluation being edited; criteria it scored stay on the form. */
  initial?: Evaluation;
  onSubmit(evaluation: Evaluation): void | Promise<unknown>;
  onCancel?(): void;
}

export function EvaluationForm({
  criteria = DEFAULT_CRITERIA,
  initial,
  onSubmit,
  onCancel,
}: EvaluationFormProps) {
  const { t } = useTranslation();
  const label = useCriterionLabel();
  const [scores, setScores] = useState<Record<string, number>>(initial?.scores ?? {});
  const [commendations, setCommendations] = useState(initial?.commendations ?? '');
  const [recommendations, setRecommendations] = useState(initial?.recommendations ?? '');
  const [challenge, setChallenge] = useState(initial?.challenge ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = [...new Set([...criteria, ...Object.keys(initial?.scores ?? {})])];

  const submit = async () => {
    const scored = Object.fromEntries(Object.entries(scores).filter(([, v]) => v >= 1 && v <= 5));
    const evaluation: Evaluation = { commendations, recommendations, challenge, scores: scored };
    if (
      Object.keys(scored).length === 0 &&
      ![commendations, recommendations, challenge].some((s) => s.trim())
    )
      return setError(t('critique.evaluation.needsSomething'));
    setBusy(true);
    try {
      await onSubmit(evaluation);
    } catch {
      // The owner reports the failure; the form keeps what was written.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={t('critique.evaluation.title')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Text fw={600} size="sm" id="evaluation-scores">
        {t('critique.evaluation.scores')}
      </Text>
      <Stack gap={6} role="group" aria-labelledby="evaluation-scores">
        {shown.map((criterion) => (
          <Group key={criterion} justify="space-between" wrap="nowrap">
            <Text size="sm">{label(criterion)}</Text>
            <Rating
              value={scores[criterion] ?? 0}
              count={5}
              allowClear
              name={`score-${criterion}`}
              getSymbolLabel={(score) =>
                score === 0
                  ? t('critique.evaluation.notScored', { criterion: label(criterion) })
                  : t('critique.evaluation.score', { criterion: label(criterion), score })
              }
              onChange={(score) => {
                setScores((s) => ({ ...s, [criterion]: score }));
                setError(null);
              }}
            />
          </Group>
        ))}
      </Stack>
      {(
        [
          ['commendations', commendations, setCommendations, MAX_EVALUATION_TEXT],
          ['recommendations', recommendations, setRecommendations, MAX_EVALUATION_TEXT],
          ['challenge', challenge, setChallenge, MAX_CHALLENGE],
        ] as const
      ).map(([key, value, set, max]) => (
        <Textarea
          key={key}
          label={t(`critique.evaluation.${key}`)}
          value={value}
          maxLength={max}
          autosize
          minRows={key === 'challenge' ? 1 : 2}
          maxRows={6}
          onChange={(e) => {
            set(e.currentTarget.value);
            setError(null);
          }}
        />
      ))}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end" gap="xs">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('critique.cancel')}
          </Button>
        )}
        <Button loading={busy} onClick={() => void submit()}>
          {t('critique.evaluation.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
