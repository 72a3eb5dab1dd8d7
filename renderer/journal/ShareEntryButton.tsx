// Shares one reflection with a group, on purpose and one entry at a time: the journal is private by
// default and nothing else of it ever reaches the group folder.
import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api';
import { reloadGroups, useGroupStore } from '../group/groupStore';
import { reportError } from '../shell/reportError';
import { flushDraft } from './entryDraftStore';
import { markShared } from './journalActions';
import { notify } from './notify';

export function ShareEntryButton({ entryId, title, body }: { entryId: string; title: string; body: string }) {
  const { t } = useTranslation();
  const groups = useGroupStore((state) => state.groups);

  const share = async (groupId: string, name: string) => {
    try {
      await flushDraft();
      await api.call('group.shareReflection', { groupId, title: title || t('journal.untitled'), text: body });
      await markShared(entryId);
      notify({ message: t('group.shared', { name }) });
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
