// One comment or reply: who wrote it, its words (or that it was withdrawn or hidden), its reactions,
// and what the viewer may do with it: reply, edit and withdraw their own, hide it as a coach.
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteView } from '../../shared/critique/critiqueBoard';
import type { CritiqueActions, CritiqueViewer } from './critiqueActions';
import { EvaluationDetails } from './EvaluationDetails';
import { NoteComposer } from './NoteComposer';
import { ReactionBar } from './ReactionBar';

export function nameOf(viewer: CritiqueViewer, key: string, you: string): string {
  return key === viewer.me ? you : (viewer.names[key] ?? key.slice(0, 8));
}

export interface CritiqueNoteItemProps {
  note: NoteView;
  viewer: CritiqueViewer;
  actions: CritiqueActions;
}

export function CritiqueNoteItem({ note, viewer, actions }: CritiqueNoteItemProps) {
  const { t } = useTranslation();
  const [composing, setComposing] = useState<'reply' | 'edit' | null>(null);
  const author = nameOf(viewer, note.author, t('critique.you'));
  const mine = note.author === viewer.me && note.status !== 'retracted';
  const shown = note.status === 'shown';

  return (
    <Stack gap={4} data-note={note.id}>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {author}
        </Text>
        {note.author === viewer.speaker && (
          <Badge size="xs" variant="outline">
            {t('critique.speaker')}
          </Badge>
        )}
        {note.editedAt && shown && (
          <Text size="xs" c="dimmed">
            ({t('critique.edited')})
          </Text>
        )}
      </Group>
      {shown ? (
        note.text.trim() && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.text}
          </Text>
        )
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          {note.status === 'retracted' ? t('critique.withdrawn') : t('critique.hidden')}
        </Text>
      )}
      {note.evaluation && <EvaluationDetails evaluation={note.evaluation} criteria={viewer.criteria} />}
      {composing ? (
        <NoteComposer
          label={composing === 'reply' ? t('critique.replyTo', { name: author }) : t('critique.editLabel')}
          initial={composing === 'edit' ? note.text : ''}
          submitLabel={composing === 'reply' ? t('critique.send') : t('critique.save')}
          onSubmit={(text) =>
            composing === 'reply' ? actions.onReply(note.id, text) : actions.onEdit(note.id, text)
          }
          onCancel={() => setComposing(null)}
        />
      ) : (
        <Group gap={4} justify="space-between">
          {shown ? (
            <ReactionBar
              reactions={note.reactions}
              me={viewer.me}
              onReact={(reaction, on) => void actions.onReact(note.id, reaction, on)}
            />
          ) : (
            <span />
          )}
          <Group gap={2}>
            <Button size="compact-xs" variant="subtle" onClick={() => setComposing('reply')}>
              {t('critique.reply')}
            </Button>
            {mine && note.text.trim() && (
              <Button size="compact-xs" variant="subtle" onClick={() => setComposing('edit')}>
                {t('critique.edit')}
              </Button>
            )}
            {mine && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => void actions.onRetract(note.id)}
              >
                {t('critique.retract')}
              </Button>
            )}
            {viewer.isCoach && actions.onHide && note.status !== 'retracted' && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                onClick={() => void actions.onHide?.(note.id, note.status !== 'hidden')}
              >
                {note.status === 'hidden' ? t('critique.unhide') : t('critique.hide')}
              </Button>
            )}
          </Group>
        </Group>
      )}
    </Stack>
  );
}
