// The entries the filters and search let through, newest (or best match) first, each with its day,
// mood, tags and a highlighted snippet.
import { Badge, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { highlightSegments, highlightSnippet } from '../../shared/journal/highlight';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { plainText } from '../../shared/journal/plainText';
import { ListTitle } from '../shell/ListTitle';
import { Highlighted } from './Highlighted';
import { selectEntry, setFilter, useJournalStore } from './journalStore';
import { MoodFace } from './MoodPicker';

// Each row is a dozen Mantine components; with 10,000 entries, 200 rows made opening the journal and
// every search keystroke cost seconds of rendering (tests/bench/journalOpen.bench.ts). More on request.
const shownAtOnce = 50;

export function EntryList({ entries }: { entries: JournalEntry[] }) {
  const { t } = useTranslation();
  const query = useJournalStore((state) => state.query);
  const selectedId = useJournalStore((state) => state.selectedId);
  const filter = useJournalStore((state) => state.filter);
  // How many rows show; back to the first page when the search or the filters change.
  const listKey = JSON.stringify([query, filter]);
  const [paging, setPaging] = useState({ listKey, limit: shownAtOnce });
  const limit = paging.listKey === listKey ? paging.limit : shownAtOnce;
  const more = Math.min(shownAtOnce, entries.length - limit);
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed" py="md">
        {t('journal.noResults')}
      </Text>
    );
  return (
    <ScrollArea.Autosize mah={560} type="auto" scrollbars="y">
      <Stack
        gap={2}
        component="ul"
        aria-label={t('journal.entries')}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {entries.slice(0, limit).map((entry) => (
          <li key={entry.id}>
            <NavLink
              component="button"
              active={entry.id === selectedId}
              aria-current={entry.id === selectedId ? 'true' : undefined}
              onClick={() => selectEntry(entry.id)}
              label={
                <Group gap={6} wrap="nowrap" justify="space-between">
                  <ListTitle size="sm" fw={600} title={entry.title || t('journal.untitled')}>
                    <Highlighted segments={highlightSegments(entry.title || t('journal.untitled'), query)} />
                  </ListTitle>
                  {entry.mood ? <MoodFace mood={entry.mood} size={16} /> : null}
                </Group>
              }
              description={
                <Stack gap={2} mt={2}>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    <Highlighted segments={highlightSnippet(plainText(entry.body), query)} />
                  </Text>
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      {entry.date}
                    </Text>
                    {entry.tags.map((tag) => (
                      <Badge
                        key={tag}
                        size="xs"
                        variant="default"
                        component="span"
                        style={{ cursor: 'pointer', textTransform: 'none' }}
                        onClick={(event) => {
                          event.stopPropagation();
                          setFilter({ tag });
                        }}
                      >
                        #{tag}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
              }
            />
          </li>
        ))}
      </Stack>
      {more > 0 ? (
        <Button
          variant="subtle"
          size="xs"
          fullWidth
          onClick={() => setPaging({ listKey, limit: limit + shownAtOnce })}
        >
          {t('journal.showMore', { count: more })}
        </Button>
      ) : null}
    </ScrollArea.Autosize>
  );
}
