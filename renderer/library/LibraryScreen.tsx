// The library: every speech, searchable and sortable, with import (picker or drag and drop) and a player.
import { Button, FileButton, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch, IconUpload } from '@tabler/icons-react';
import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Speech } from '../../shared/domain/speech';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ScreenEmptyState } from '../shell/ScreenEmptyState';
import { screenIcons } from '../shell/screenIcons';
import { useLiveGroups } from '../group/groupStore';
import { ShareChoiceDialog } from '../group/ShareChoiceDialog';
import { shareSpeech } from '../group/shareSpeech';
import { navigate } from '../state/uiStore';
import { allTags, filterSpeeches, type SpeechSort } from './filterSpeeches';
import { importFiles } from './importFiles';
import { ImportProgressRow } from './ImportProgressRow';
import { notify } from '../shell/notify';
import { RenameDialog } from './RenameDialog';
import {
  deleteSpeech,
  openSpeech,
  playSpeech,
  renameSpeech,
  restoreSpeech,
  setSpeechTags,
  useLiveSpeeches,
  useOpenSpeech,
} from './speechesStore';
import { LibrarySpeechPlayer } from './LibrarySpeechPlayer';
import { SpeechRow } from './SpeechRow';
import { SpeechTrashButton } from './SpeechTrashButton';
import { SpeechTrashDialog } from './SpeechTrashDialog';
import { useLiveTrash } from './speechTrashStore';

// A phone's MOV is video/quicktime, and some systems name no type for .mkv or .m4v: list the extensions too.
const accepted =
  'audio/*,video/mp4,video/quicktime,video/webm,.mp3,.m4a,.aac,.wav,.ogg,.opus,.webm,.flac,.mp4,.m4v,.mov,.mkv';

export function LibraryScreen() {
  const { t, i18n } = useTranslation();
  const { speeches, loaded, imports } = useLiveSpeeches();
  const { groups } = useLiveGroups();
  const { trash } = useLiveTrash();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [sort, setSort] = useState<SpeechSort>('newest');
  const [renaming, setRenaming] = useState<Speech>();
  const [deleting, setDeleting] = useState<Speech>();
  const [dragging, setDragging] = useState(false);
  const shown = useMemo(
    () => filterSpeeches(speeches, { query, tag, sort }, i18n.language),
    [speeches, query, tag, sort, i18n.language],
  );
  const Icon = screenIcons.library;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void importFiles([...event.dataTransfer.files]);
  };
  const remove = (speech: Speech) => {
    void deleteSpeech(speech.id);
    notify({
      message: (
        <Group justify="space-between">
          <Text size="sm">{t('library.deleted', { title: speech.title })}</Text>
          <Button size="compact-sm" variant="light" onClick={() => void restoreSpeech(speech.id)}>
            {t('library.undo')}
          </Button>
        </Group>
      ),
      autoClose: 10000,
    });
  };

  return (
    <Stack
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Group justify="space-between">
        <Title order={1}>{t('nav.library')}</Title>
        <Group gap="xs">
          <SpeechTrashButton count={trash.length} />
          <FileButton onChange={(files) => void importFiles(files)} accept={accepted} multiple>
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={18} />} variant="light">
                {t('library.import')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      <Paper
        withBorder
        p="xs"
        radius="md"
        style={{
          borderStyle: 'dashed',
          background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
        }}
      >
        <Text size="sm" c="dimmed" ta="center">
          {t('library.importHint')}
        </Text>
      </Paper>
      {imports.map((each) => (
        <ImportProgressRow key={each.key} progress={each} />
      ))}
      <OpenSpeechPlayer />
      {loaded && speeches.length === 0 ? (
        <ScreenEmptyState
          icon={<Icon size={32} />}
          title={t('library.emptyTitle')}
          description={t('library.emptyBody')}
        >
          <Button onClick={() => navigate('record')}>{t('library.recordAction')}</Button>
        </ScreenEmptyState>
      ) : (
        <>
          <Group grow>
            <TextInput
              leftSection={<IconSearch size={16} />}
              aria-label={t('library.search')}
              placeholder={t('library.search')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
            />
            <Select
              aria-label={t('library.filterTag')}
              placeholder={t('library.filterTag')}
              clearable
              value={tag}
              onChange={setTag}
              data={allTags(speeches)}
            />
            <Select
              aria-label={t('library.sort')}
              value={sort}
              allowDeselect={false}
              onChange={(value) => setSort((value as SpeechSort) ?? 'newest')}
              data={[
                { value: 'newest', label: t('library.sortNewest') },
                { value: 'oldest', label: t('library.sortOldest') },
                { value: 'longest', label: t('library.sortLongest') },
                { value: 'title', label: t('library.sortTitle') },
              ]}
            />
          </Group>
          {shown.length === 0 && loaded ? <Text c="dimmed">{t('library.noMatch')}</Text> : null}
          {shown.map((speech) => (
            <SpeechRow
              key={speech.id}
              speech={speech}
              onPlay={() => playSpeech(speech.id)}
              onOpen={() => openSpeech(speech.id)}
              onRename={() => setRenaming(speech)}
              onDelete={() => setDeleting(speech)}
              onTags={(tags) => void setSpeechTags(speech.id, tags)}
              groups={groups}
              onShare={(groupId) => void shareSpeech(groupId, speech, groups)}
            />
          ))}
        </>
      )}
      {renaming ? (
        <RenameDialog
          title={renaming.title}
          onSave={(title) => void renameSpeech(renaming.id, title)}
          onClose={() => setRenaming(undefined)}
        />
      ) : null}
      <ConfirmDialog
        opened={deleting !== undefined}
        title={t('library.delete')}
        body={t('library.deleteConfirm', { title: deleting?.title ?? '' })}
        confirmLabel={t('library.delete')}
        onConfirm={() => deleting && remove(deleting)}
        onClose={() => setDeleting(undefined)}
      />
      <SpeechTrashDialog />
      <ShareChoiceDialog />
    </Stack>
  );
}

/** The player of the speech opened from the list: opening one renders this alone, not the list. */
function OpenSpeechPlayer() {
  const { speech, playRequest } = useOpenSpeech();
  if (!speech) return null;
  return (
    <LibrarySpeechPlayer
      key={`${speech.id}-${playRequest}`}
      autoPlay={playRequest > 0}
      speech={speech}
      onClose={() => openSpeech(undefined)}
    />
  );
}
