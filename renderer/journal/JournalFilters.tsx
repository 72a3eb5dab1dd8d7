// Search and filters over the journal: full text, tag, mood and a date range.
import { Button, CloseButton, Group, Select, Stack, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { moods, type Mood } from '../../shared/journal/journalEntry';
import { clearFilters, setFilter, setQuery, useJournalStore } from './journalStore';

export function JournalFilters({ tags, searchRef }: { tags: string[]; searchRef: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const query = useJournalStore((state) => state.query);
  const filter = useJournalStore((state) => state.filter);
  const filtered = query || filter.tag || filter.mood || filter.from || filter.to;
  return (
    <Stack gap="xs" role="search">
      <TextInput
        ref={searchRef}
        type="search"
        aria-label={t('journal.search')}
        placeholder={t('journal.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => event.key === 'Escape' && setQuery('')}
        rightSection={
          query ? (
            <CloseButton size="sm" aria-label={t('journal.clearSearch')} onClick={() => setQuery('')} />
          ) : null
        }
      />
      <Group gap="xs" grow>
        <Select
          aria-label={t('journal.filterTag')}
          placeholder={t('journal.anyTag')}
          data={tags}
          value={filter.tag}
          onChange={(tag) => setFilter({ tag })}
          clearable
          searchable
          size="xs"
        />
        <Select
          aria-label={t('journal.filterMood')}
          placeholder={t('journal.anyMood')}
          data={moods.map((mood) => ({
            value: String(mood),
            label: t(`journal.moods.${mood}`),
          }))}
          value={filter.mood ? String(filter.mood) : null}
          onChange={(mood) => setFilter({ mood: mood ? (Number(mood) as Mood) : null })}
          clearable
          size="xs"
        />
      </Group>
      <Group gap="xs" grow align="flex-end">
        <TextInput
          type="date"
          size="xs"
          label={t('journal.from')}
          value={filter.from ?? ''}
          onChange={(event) => setFilter({ from: event.currentTarget.value || null })}
        />
        <TextInput
          type="date"
          size="xs"
          label={t('journal.to')}
          value={filter.to ?? ''}
          onChange={(event) => setFilter({ to: event.currentTarget.value || null })}
        />
        {filtered ? (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconFilterOff size={14} />}
            onClick={clearFilters}
            style={{ flexGrow: 0 }}
          >
            {t('journal.clearFilters')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
