// Writing a new critique: at a moment, on a stretch, or on the whole speech, with words and, if the
// member wants, an evaluation form. Stays open (keeping what was written) until the write succeeds; the
// words are one text whether or not the form is attached, so ticking or unticking it loses nothing.
import { Checkbox, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Anchor, Evaluation } from '../../shared/critique/critiqueEvents';
import { MAX_TEXT } from '../../shared/critique/critiqueEvents';
import { formatClock } from '../shell/formatDuration';
import { EvaluationForm } from './EvaluationForm';
import { KindnessGuide, markGuideSeen } from './KindnessGuide';
import { NoteComposer } from './NoteComposer';

export interface CommentComposerProps {
  groupId: string;
  /** Absent: the whole speech. */
  anchor: Anchor | undefined;
  criteria: readonly string[];
  onSubmit(text: string, evaluation?: Evaluation): Promise<unknown>;
  onClose(): void;
}

export function composerLabel(t: TFunction, anchor: Anchor | undefined): string {
  if (!anchor) return t('critique.composeWhole');
  if ('atMs' in anchor) return t('critique.composeAt', { time: formatClock(anchor.atMs) });
  return t('critique.composeRange', { start: formatClock(anchor.startMs), end: formatClock(anchor.endMs) });
}

export function CommentComposer({ groupId, anchor, criteria, onSubmit, onClose }: CommentComposerProps) {
  const { t } = useTranslation();
  const [withEvaluation, setWithEvaluation] = useState(false);
  /** What the member has written, in the plain box or beside the form. */
  const [text, setText] = useState('');
  const label = composerLabel(t, anchor);
  const send = async (words: string, evaluation?: Evaluation) => {
    await onSubmit(words, evaluation);
    markGuideSeen(groupId);
  };

  return (
    <Paper withBorder p="sm" radius="md" data-testid="comment-composer">
      <Stack gap="xs">
        <KindnessGuide groupId={groupId} />
        <Checkbox
          label={t('critique.addEvaluation')}
          checked={withEvaluation}
          onChange={(e) => setWithEvaluation(e.currentTarget.checked)}
        />
        {withEvaluation ? (
          <>
            <Text fw={600} size="sm">
              {label}
            </Text>
            <Textarea
              label={t('critique.evaluationNote')}
              value={text}
              maxLength={MAX_TEXT}
              autosize
              minRows={1}
              maxRows={6}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <EvaluationForm
              criteria={criteria}
              onSubmit={async (evaluation) => {
                await send(text, evaluation);
                onClose();
              }}
              onCancel={onClose}
            />
          </>
        ) : (
          <NoteComposer
            label={label}
            initial={text}
            submitLabel={t('critique.send')}
            onTextChange={setText}
            onSubmit={send}
            onCancel={onClose}
          />
        )}
      </Stack>
    </Paper>
  );
}
