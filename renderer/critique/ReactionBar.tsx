// The fixed reactions under a note (👍 ❤️ 💡), each a toggle that shows who holds it by count.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REACTIONS } from '../../shared/critique/critiqueEvents';
import type { Reaction } from '../../shared/critique/critiqueEvents';

export const reactionEmoji: Record<Reaction, string> = { 'thumbs-up': '👍', heart: '❤️', bulb: '💡' };

export interface ReactionBarProps {
  reactions: Partial<Record<Reaction, string[]>>;
  me: string;
  onReact(reaction: Reaction, on: boolean): void;
}

export function ReactionBar({ reactions, me, onReact }: ReactionBarProps) {
  const { t } = useTranslation();
  return (
    <Group gap={4} role="group" aria-label={t('critique.reactions')}>
      {REACTIONS.map((reaction) => {
        const who = reactions[reaction] ?? [];
        const mine = who.includes(me);
        const label = t(`critique.reaction.${reaction}`);
        return (
          <Button
            key={reaction}
            size="compact-xs"
            radius="xl"
            variant={mine ? 'light' : 'subtle'}
            color={mine ? undefined : 'gray'}
            aria-pressed={mine}
            aria-label={t('critique.reactionCount', { label, count: who.length })}
            onClick={() => onReact(reaction, !mine)}
          >
            {reactionEmoji[reaction]}
            {who.length > 0 ? ` ${who.length}` : ''}
          </Button>
        );
      })}
    </Group>
  );
}
