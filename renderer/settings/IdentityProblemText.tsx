// Why the member key cannot be used, and what to do, in the member's language.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdentityReport } from '../../shared/api/groupContract';

export function IdentityProblemText({ problem }: { problem: NonNullable<IdentityReport['problem']> }) {
  const { t } = useTranslation();
  const key = problem.reason === 'sealed' ? 'identity.sealed' : 'identity.unreadable';
  return <Text size="sm">{t(key, { file: problem.keptAs })}</Text>;
}
