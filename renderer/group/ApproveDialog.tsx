// Approving a request to join. Anyone who can write the folder can ask under any name, so the coach
// first compares the applicant's verification code with the one they sent over another channel.
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../shared/api/groupContract';
import { RulesDialog } from '../rules/ruleSet/RulesDialog';
import { decide } from './groupStore';
import { VerificationCode } from './VerificationCode';

interface Props {
  groupId: string;
  applicant: GroupView['members'][number];
  onClose(): void;
}

export function ApproveDialog({ groupId, applicant, onClose }: Props) {
  const { t } = useTranslation();
  const name = applicant.displayName;
  return (
    <RulesDialog
      title={t('group.verify.approveTitle', { name })}
      action={t('group.approve')}
      run={async () => {
        await decide(groupId, applicant.keyId, 'approve'); // reports its own errors
        return true;
      }}
      onClose={onClose}
    >
      <Text size="sm">{t('group.verify.approveBody', { name })}</Text>
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t('group.verify.code')}
        </Text>
        <VerificationCode keyId={applicant.keyId} large />
      </Paper>
      <Text size="sm" c="dimmed">
        {t('group.verify.ifDifferent')}
      </Text>
    </RulesDialog>
  );
}
