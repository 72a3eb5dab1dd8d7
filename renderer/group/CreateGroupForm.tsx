// A coach creates a group in a folder, with its name, charter (the values members agree to) and time zone.
// Each field is checked against the API's bounds before anything is sent, and said beside the field.
import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../shared/domain/profile';
import { api } from '../api/api';
import { noProblems, useFieldError } from '../shell/fieldChecks';
import { reportError } from '../shell/reportError';
import { checkNewGroup } from './newGroupChecks';
import { FolderField } from './FolderField';
import { afterJoining } from './groupStore';

interface Props {
  profile: Profile;
  /** Cancelled. */
  onDone(): void;
  /** The group exists and is the one on screen (the Group screen then shows how to invite members). */
  onCreated(): void;
}

export function CreateGroupForm({ profile, onDone, onCreated }: Props) {
  const { t } = useTranslation();
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The browser's list leaves out some zones it reports itself (e.g. "UTC"): keep this computer's.
  const zones = useMemo(() => [...new Set([here, ...Intl.supportedValuesOf('timeZone')])].sort(), [here]);
  const [folder, setFolder] = useState('');
  const [name, setName] = useState('');
  const [charter, setCharter] = useState(t('group.charterExample'));
  const [timeZone, setTimeZone] = useState(here);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const problems = checkNewGroup({ folder, name, charter });
  const error = useFieldError(tried);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!noProblems(problems)) return;
    setBusy(true);
    try {
      const group = await api.call('group.create', {
        folder,
        name: name.trim(),
        charter,
        timeZone,
        coachName: profile.displayName,
      });
      await afterJoining(group);
      onCreated();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack>
        <Alert color="blue" title={t('group.howSharingWorks')}>
          {t('group.howSharingWorksBody')}
        </Alert>
        <FolderField
          label={t('group.groupFolder')}
          value={folder}
          onChange={setFolder}
          error={error(problems.folder)}
        />
        <TextInput
          label={t('group.name')}
          placeholder={t('group.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error(problems.name)}
          required
        />
        <Textarea
          label={t('group.charter')}
          description={t('group.charterHint')}
          autosize
          minRows={4}
          maxRows={16}
          value={charter}
          error={error(problems.charter)}
          onChange={(e) => setCharter(e.currentTarget.value)}
        />
        <Select
          label={t('group.timeZone')}
          searchable
          data={zones}
          value={timeZone}
          onChange={(zone) => zone && setTimeZone(zone)}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('group.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
