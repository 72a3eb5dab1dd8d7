// A member joins: choose the shared folder, read the group's charter, agree, send the request.
import { Blockquote, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupInfo } from '../../shared/api/groupContract';
import type { Profile } from '../../shared/domain/profile';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';
import { FolderField } from './FolderField';
import { afterJoining } from './groupStore';

export function JoinGroupForm({ profile, onDone }: { profile: Profile; onDone(): void }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const [preview, setPreview] = useState<GroupInfo>();
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);

  const choose = async (path: string) => {
    setFolder(path);
    setPreview(undefined);
    setAgreed(false);
    try {
      setPreview(await api.call('group.preview', { folder: path }));
    } catch (error) {
      reportError(error);
    }
  };
  const join = async () => {
    setBusy(true);
    try {
      await afterJoining(await api.call('group.join', { folder, displayName: profile.displayName }));
      onDone();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('group.joinHint')}
      </Text>
      <FolderField label={t('group.groupFolder')} value={folder} onChange={(path) => void choose(path)} />
      {preview ? (
        <Stack gap="xs">
          <Title order={3}>{preview.name}</Title>
          <Text size="sm" c="dimmed">
            {t('group.coachedBy', { name: preview.coachName })} · {preview.timeZone}
          </Text>
          <Blockquote p="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {preview.charter}
          </Blockquote>
          <Checkbox
            label={t('group.agree')}
            checked={agreed}
            onChange={(e) => setAgreed(e.currentTarget.checked)}
          />
        </Stack>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button disabled={!preview || !agreed} loading={busy} onClick={() => void join()}>
          {t('group.sendRequest')}
        </Button>
      </Group>
    </Stack>
  );
}
