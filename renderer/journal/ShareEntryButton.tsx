// Shares one reflection with a group, on purpose and one entry at a time: the journal is private by
// default and nothing else of it ever reaches the group folder. An entry longer than a shared reflection
// may be is not sent: the member is told how long it is, the limit, and what to do.
import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api';
import { reloadGroups, useGroupStore } from '../group/groupStore';
import { announceShared } from '../group/shareSpeech';
import { sayProblem } from '../shell/fieldChecks';
import { reportError } from '../shell/reportError';
import { flushDraft } from './entryDraftStore';
import { markShared } from './journalActions';
import { notify } from '../shell/notify';
import { shareProblem } from './shareCheck';

export function ShareEntryButton({ entryId, title, body }: { entryId: string; title: string; body: string }) {
  const { t, i18n } = useTranslation();
  const groups = useGroupStore((state) => state.groups);

  const share = async (groupId: string, name: string) => {
    const sentTitle = title.trim() || t('journal.untitled');
    const problem = shareProblem(sentTitle, body);
    if (problem) {
      notify({
        color: 'red',
        title: t('journal.notShared'),
        message: sayProblem(problem, t, i18n.language),
        autoClose: false,
      });
      return;
    }
    try {
      await flushDraft();
      await api.call('group.shareReflection', { groupId, title: sentTitle, text: body });
      await markShared(entryId);
      await announceShared(groupId, name);
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Menu position="bottom-end" onOpen={() => void reloadGroups()}>
      <Menu.Target>
        <Tooltip label={t('group.share')}>
          <ActionIcon variant="subtle" aria-label={t('group.share')}>
            <IconShare size={18} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {groups.length === 0 ? <Menu.Item disabled>{t('group.nothingToShareTo')}</Menu.Item> : null}
        {groups.map((group) => (
          <Menu.Item key={group.groupId} onClick={() => void share(group.groupId, group.name)}>
            {group.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
