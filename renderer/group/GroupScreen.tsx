// The Group screen: welcome (create or join) until the member is in a group; then where they stand in
// it, the group with its sync status, feed, roster and charter, and a switcher when they belong to
// several groups. A coach sees how to invite members right after creating one, and from the header.
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconHourglass, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../shared/domain/profile';
import { AssignmentsPanel } from '../rules/assignments/AssignmentsPanel';
import { MyStandingInGroup } from '../rules/standings/MyStanding';
import { StandingsPanel } from '../rules/standings/StandingsPanel';
import { CreateGroupForm } from './CreateGroupForm';
import { GroupFeed } from './GroupFeed';
import { GroupWelcome } from './GroupWelcome';
import { selectGroup, useLiveGroups } from './groupStore';
import { chooseGroupTab, groupTabs, useGroupTab, type GroupTab } from './groupTab';
import { InvitePanel } from './InvitePanel';
import { JoinGroupForm } from './JoinGroupForm';
import { RosterPanel } from './RosterPanel';
import { SyncStatus } from './SyncStatus';
import { VerificationCode } from './VerificationCode';

type Mode = 'view' | 'create' | 'join';

export function GroupScreen({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { groups, loaded, activeGroupId, view, status } = useLiveGroups();
  const [mode, setMode] = useState<Mode>('view');
  const [inviting, setInviting] = useState(false);
  const tab = useGroupTab((s) => s.tab);

  if (!loaded) {
    return (
      <Center mih={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (mode !== 'view') {
    const done = () => setMode('view');
    return (
      <Stack maw={720}>
        <Title order={1}>{t(mode === 'create' ? 'group.createTitle' : 'group.joinTitle')}</Title>
        <Paper withBorder p="lg" radius="md">
          {mode === 'create' ? (
            <CreateGroupForm
              profile={profile}
              onDone={done}
              onCreated={() => {
                done();
                setInviting(true);
              }}
            />
          ) : (
            <JoinGroupForm profile={profile} onDone={done} />
          )}
        </Paper>
      </Stack>
    );
  }
  if (groups.length === 0) {
    return (
      <Stack>
        <Title order={1}>{t('nav.group')}</Title>
        <GroupWelcome onCreate={() => setMode('create')} onJoin={() => setMode('join')} />
      </Stack>
    );
  }

  const isCoach = view?.me.status === 'member' && view.me.role === 'coach';
  const folder = groups.find((g) => g.groupId === activeGroupId)?.folder;
  // Read-only still reads; any other state means the folder's files cannot be reached.
  const folderAway =
    status !== undefined && status.folderState !== 'ok' && status.folderState !== 'read-only';
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={1}>{view?.info.name ?? t('nav.group')}</Title>
          {groups.length > 1 ? (
            <Select
              aria-label={t('group.switch')}
              size="xs"
              w={200}
              value={activeGroupId ?? null}
              allowDeselect={false}
              onChange={(id) => id && selectGroup(id)}
              data={groups.map((g) => ({ value: g.groupId, label: g.name }))}
            />
          ) : null}
        </Group>
        <Group>
          {status ? <SyncStatus status={status} /> : null}
          {isCoach ? (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconUserPlus size={14} />}
              aria-expanded={inviting}
              onClick={() => setInviting((open) => !open)}
            >
              {t('group.invite.title')}
            </Button>
          ) : null}
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" size="xs" rightSection={<IconChevronDown size={14} />}>
                {t('group.more')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setMode('create')}>{t('group.createAction')}</Menu.Item>
              <Menu.Item onClick={() => setMode('join')}>{t('group.joinAction')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {!view ? <Loader aria-label={t('common.loading')} /> : null}
      {isCoach && inviting && folder ? (
        <InvitePanel folder={folder} onClose={() => setInviting(false)} />
      ) : null}
      {view && view.me.status === 'applicant' ? (
        <Alert icon={<IconHourglass />} title={t('group.waitingTitle')} color="blue">
          <Stack gap="xs">
            <Text size="sm">{t('group.waitingBody', { name: view.info.name })}</Text>
            <div>
              <Text size="sm" fw={600}>
                {t('group.verify.yourCode')}
              </Text>
              <VerificationCode keyId={view.me.keyId} large />
            </div>
            <Text size="sm">{t('group.verify.sendToCoach')}</Text>
          </Stack>
        </Alert>
      ) : null}
      {view && (view.me.status === 'declined' || view.me.status === 'removed') ? (
        <Alert color="red" title={t(`group.${view.me.status}Title`)}>
          {t(`group.${view.me.status}Body`)}
        </Alert>
      ) : null}
      {view && view.me.status === 'member' ? <MyStandingInGroup groupId={view.info.groupId} /> : null}
      {view && view.me.status === 'member' ? (
        <Tabs
          value={tab}
          onChange={(next) => groupTabs.includes(next as GroupTab) && chooseGroupTab(next as GroupTab)}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="feed">{t('group.tabs.feed')}</Tabs.Tab>
            <Tabs.Tab value="assignments">{t('assignments.tab')}</Tabs.Tab>
            <Tabs.Tab value="standings">{t('assignments.standingsTab')}</Tabs.Tab>
            <Tabs.Tab value="members">{t('group.tabs.members')}</Tabs.Tab>
            <Tabs.Tab value="about">{t('group.tabs.about')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="feed" pt="md">
            <GroupFeed view={view} folderAway={folderAway} />
          </Tabs.Panel>
          <Tabs.Panel value="assignments" pt="md">
            <AssignmentsPanel groupId={view.info.groupId} />
          </Tabs.Panel>
          <Tabs.Panel value="standings" pt="md">
            <StandingsPanel groupId={view.info.groupId} />
          </Tabs.Panel>
          <Tabs.Panel value="members" pt="md">
            <RosterPanel view={view} />
          </Tabs.Panel>
          <Tabs.Panel value="about" pt="md">
            <Paper withBorder p="md" radius="md">
              <Text fw={600}>{t('group.charter')}</Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{view.info.charter}</Text>
              <Text size="sm" c="dimmed" mt="sm">
                {t('group.coachedBy', { name: view.info.coachName })} · {view.info.timeZone}
              </Text>
            </Paper>
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </Stack>
  );
}
