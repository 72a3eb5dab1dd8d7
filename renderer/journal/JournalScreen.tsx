// The journal: private reflections with search, filters, a list or calendar, the writing streak
// and the open entry's editor. An empty journal invites the first entry.
import {
  Badge,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconLock, IconNotebook } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { tagCounts, visibleEntries } from '../../shared/journal/entryFilter';
import { localDay } from '../../shared/journal/localDay';
import { ScreenEmptyState } from '../shell/ScreenEmptyState';
import { EntryEditor } from './EntryEditor';
import { EntryList } from './EntryList';
import { JournalCalendar } from './JournalCalendar';
import { ImportReportDialog } from './ImportReportDialog';
import { JournalFilters } from './JournalFilters';
import { JournalMenu } from './JournalMenu';
import { setView, useJournalStore } from './journalStore';
import { NewEntryMenu } from './NewEntryMenu';
import { OnThisDay } from './OnThisDay';
import { TemplatesDialog } from './TemplatesDialog';
import { TrashDialog } from './TrashDialog';
import { useJournalEntries, useEntrySearch } from './useJournalEntries';
import { useJournalLifecycle } from './useJournalLifecycle';
import { WritingHeatmap } from './WritingHeatmap';

export function JournalScreen() {
  const { t } = useTranslation();
  const searchRef = useRef<HTMLInputElement>(null);
  useJournalLifecycle(searchRef);
  const { entries, trash } = useJournalEntries();
  const { query, filter, view, selectedId } = useJournalStore();
  const today = localDay(new Date());
  const { hits, indexReady } = useEntrySearch(entries, query);
  const shown = useMemo(
    () => (entries ? visibleEntries(entries, hits, filter) : []),
    [entries, hits, filter],
  );
  const tags = useMemo(() => tagCounts(entries ?? []).map((item) => item.tag), [entries]);
  const days = useMemo(() => (entries ?? []).map((entry) => entry.date), [entries]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const day of days) map.set(day, (map.get(day) ?? 0) + 1);
    return map;
  }, [days]);

  const header = (
    <Group justify="space-between">
      <Group gap="sm">
        <Title order={1}>{t('nav.journal')}</Title>
        <Tooltip label={t('journal.privateHint')}>
          <Badge variant="light" color="gray" leftSection={<IconLock size={12} />} tabIndex={0}>
            {t('journal.private')}
          </Badge>
        </Tooltip>
      </Group>
      <Group gap="xs">
        <JournalMenu shown={shown} trashCount={trash.length} />
        <NewEntryMenu />
      </Group>
    </Group>
  );

  if (entries === undefined)
    return (
      <Center mih={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );

  const selected = entries.find((entry) => entry.id === selectedId);
  return (
    <Stack>
      {header}
      {entries.length === 0 ? (
        <ScreenEmptyState
          icon={<IconNotebook size={32} />}
          title={t('journal.emptyTitle')}
          description={t('journal.emptyBody')}
        />
      ) : (
        <>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="sm" data-search-index={indexReady ? 'ready' : 'scan'}>
                <JournalFilters tags={tags} searchRef={searchRef} />
                <Group justify="space-between">
                  <SegmentedControl
                    size="xs"
                    aria-label={t('journal.view')}
                    value={view}
                    onChange={(value) => setView(value as 'list' | 'calendar')}
                    data={[
                      { value: 'list', label: t('journal.viewList') },
                      { value: 'calendar', label: t('journal.viewCalendar') },
                    ]}
                  />
                  <Text size="xs" c="dimmed" aria-live="polite">
                    {t('journal.results', { count: shown.length })}
                  </Text>
                </Group>
                {view === 'calendar' ? <JournalCalendar counts={counts} today={today} /> : null}
                <EntryList entries={shown} />
                <OnThisDay entries={entries} today={today} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              {selected ? (
                <EntryEditor entry={selected} allTags={tags} />
              ) : (
                <Paper withBorder p="xl" radius="md">
                  <Text c="dimmed" ta="center">
                    {t('journal.selectPrompt')}
                  </Text>
                </Paper>
              )}
            </Grid.Col>
          </Grid>
          <WritingHeatmap days={days} today={today} />
        </>
      )}
      <TrashDialog trash={trash} />
      <ImportReportDialog />
      <TemplatesDialog />
    </Stack>
  );
}
