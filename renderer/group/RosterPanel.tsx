// Who is in the group: requests waiting for a coach, members with their role, status and verification
// code; coaches approve (after comparing codes), decline, promote and remove (with confirmation).
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../shared/api/groupContract';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ApproveDialog } from './ApproveDialog';
import { decide } from './groupStore';
import { SetAsidePanel } from './SetAsidePanel';
import { VerificationCode } from './VerificationCode';

type Member = GroupView['members'][number];

export function RosterPanel({ view }: { view: GroupView }) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<Member>();
  const [approving, setApproving] = useState<Member>();
  const isCoach = view.me.role === 'coach' && view.me.status === 'member';
  const groupId = view.info.groupId;
  const pending = view.members.filter((m) => m.status === 'applicant');
  const current = view.members.filter((m) => m.status === 'member');

  return (
    <Stack>
      {isCoach && pending.length > 0 ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('group.pending', { count: pending.length })}
          </Title>
          {pending.map((member) => (
            <Group key={member.keyId} justify="space-between" py={4}>
              <Stack gap={0}>
                <Text>{member.displayName}</Text>
                <VerificationCode keyId={member.keyId} />
              </Stack>
              <Group gap="xs">
                <Button size="xs" onClick={() => setApproving(member)}>
                  {t('group.approve')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => void decide(groupId, member.keyId, 'decline')}
                >
                  {t('group.decline')}
                </Button>
              </Group>
            </Group>
          ))}
        </Paper>
      ) : null}
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('group.members', { count: current.length })}
        </Title>
        {current.map((member) => (
          <Group key={member.keyId} justify="space-between" py={4} data-testid="roster-member">
            <Stack gap={0}>
              <Group gap="xs">
                <Text>{member.displayName}</Text>
                <Badge variant="outline" color={member.role === 'coach' ? 'indigo.9' : 'gray.7'}>
                  {t(`group.role.${member.role}`)}
                </Badge>
                {member.keyId === view.me.keyId ? (
                  <Badge variant="outline" color="gray.7">
                    {t('group.you')}
                  </Badge>
                ) : null}
              </Group>
              <VerificationCode keyId={member.keyId} />
            </Stack>
            {isCoach && member.keyId !== view.me.keyId ? (
              <Group gap="xs">
                {member.role !== 'coach' ? (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void decide(groupId, member.keyId, 'promote')}
                  >
                    {t('group.promote')}
                  </Button>
                ) : null}
                <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(member)}>
                  {t('group.remove')}
                </Button>
              </Group>
            ) : null}
          </Group>
        ))}
      </Paper>
      {isCoach ? <SetAsidePanel view={view} /> : null}
      <ConfirmDialog
        opened={removing !== undefined}
        title={t('group.removeTitle')}
        body={t('group.removeBody', { name: removing?.displayName ?? '' })}
        confirmLabel={t('group.remove')}
        onConfirm={() => removing && void decide(groupId, removing.keyId, 'remove')}
        onClose={() => setRemoving(undefined)}
      />
      {approving ? (
        <ApproveDialog groupId={groupId} applicant={approving} onClose={() => setApproving(undefined)} />
      ) : null}
    </Stack>
  );
}
