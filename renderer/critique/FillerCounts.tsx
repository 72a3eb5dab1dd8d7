// The Ah-Counter's report in the evaluation summary: fillers per minute (the counters' mean), each
// counter's count and rate, the words heard, and this member's own marks, each withdrawable. A listener
// who heard none says so (a count of zero, withdrawable too); the speaker does not count their own.
import { ActionIcon, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FillerSummary } from '../../shared/critique/fillerCounts';
import { formatClock } from '../shell/formatDuration';

export function FillerCounts({
  fillers,
  me,
  speaker,
  names,
  onWithdraw,
  onCounted,
}: {
  fillers: FillerSummary;
  me: string;
  speaker: string;
  names: Readonly<Record<string, string>>;
  onWithdraw(markId: string): void;
  /** Says (true) or takes back (false) that this member counted the speech through. */
  onCounted(counted: boolean): void;
}) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  const mine = fillers.marks.filter((m) => m.author === me);
  const countedByMe = fillers.countedBy.includes(me);
  return (
    <Stack gap={4} data-testid="filler-counts">
      <Title order={4} size="h6">
        {t('critique.ahCounter.summaryTitle')}
      </Title>
      {fillers.perMinute === null ? (
        <Text size="sm" c="dimmed">
          {t('critique.ahCounter.none')}
        </Text>
      ) : (
        <>
          <Text size="sm" data-testid="filler-rate">
            <Text span size="sm" fw={600}>
              {t('critique.ahCounter.perMinute', { rate: number(fillers.perMinute) })}
            </Text>{' '}
            <Text span size="xs" c="dimmed">
              (
              {fillers.counters.length === 1
                ? t('critique.ahCounter.heardBy')
                : t('critique.ahCounter.meanOf', { count: fillers.counters.length })}
              )
            </Text>
          </Text>
          {fillers.counters.map((c) => (
            <Text key={c.member} size="xs" c="dimmed" data-testid="filler-counter">
              {t('critique.ahCounter.counter', {
                name: names[c.member] ?? c.member.slice(0, 8),
                count: c.count,
                rate: number(c.perMinute),
              })}
            </Text>
          ))}
          <Group gap={4} aria-label={t('critique.ahCounter.words')} role="group">
            {fillers.words.map((w) => (
              <Badge key={w.word ?? ''} variant="light" color="grape" size="sm" tt="none">
                {t('critique.ahCounter.wordCount', {
                  word: w.word ?? t('critique.ahCounter.aFiller'),
                  count: w.count,
                })}
              </Badge>
            ))}
          </Group>
        </>
      )}
      {mine.length > 0 && (
        <Group gap={4} aria-label={t('critique.ahCounter.yours')} role="group">
          <Text size="xs" c="dimmed">
            {t('critique.ahCounter.yours')}
          </Text>
          {mine.map((m) => (
            <Badge
              key={m.id}
              variant="outline"
              color="grape"
              size="sm"
              tt="none"
              pr={2}
              rightSection={
                <ActionIcon
                  size={14}
                  variant="transparent"
                  color="grape"
                  aria-label={t('critique.ahCounter.withdraw', { time: formatClock(m.atMs) })}
                  onClick={() => onWithdraw(m.id)}
                >
                  <IconX size={10} />
                </ActionIcon>
              }
            >
              {formatClock(m.atMs)} {m.word ?? ''}
            </Badge>
          ))}
        </Group>
      )}
      {me !== speaker && mine.length === 0 && (
        <Group gap={4} data-testid="filler-zero">
          {countedByMe ? (
            <>
              <Text size="xs" c="dimmed">
                {t('critique.ahCounter.countedZero')}
              </Text>
              <Button size="compact-xs" variant="subtle" color="grape" onClick={() => onCounted(false)}>
                {t('critique.ahCounter.takeBackZero')}
              </Button>
            </>
          ) : (
            <Button size="compact-xs" variant="light" color="grape" onClick={() => onCounted(true)}>
              {t('critique.ahCounter.heardNone')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
