// "On this day": entries written on today's date in earlier years, to look back on.
import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { isOnThisDay } from '../../shared/journal/writingStreak';
import { selectEntry } from './journalStore';

export function OnThisDay({ entries, today }: { entries: JournalEntry[]; today: string }) {
  const { t } = useTranslation();
  const earlier = entries.filter((entry) => isOnThisDay(entry.date, today));
  if (earlier.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="journal-on-this-day">
      <Stack gap={4}>
        <Text fw={600} size="sm" id="journal-on-this-day">
          {t('journal.onThisDay')}
        </Text>
        {earlier.map((entry) => (
          <Anchor key={entry.id} component="button" size="sm" ta="left" onClick={() => selectEntry(entry.id)}>
            {t('journal.onThisDayItem', { date: entry.date, title: entry.title || t('journal.untitled') })}
          </Anchor>
        ))}
      </Stack>
    </Paper>
  );
}
