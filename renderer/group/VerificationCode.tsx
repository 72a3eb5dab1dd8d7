// A member's verification code, computed here from their key id: large where it is read out and
// compared (the waiting screen, the approve dialog), small and dimmed under a name in the roster.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { verificationCode } from '../../shared/group/verificationCode';

export function VerificationCode({ keyId, large = false }: { keyId: string; large?: boolean }) {
  const { t } = useTranslation();
  const code = verificationCode(keyId);
  return large ? (
    <Text
      size="xl"
      fw={700}
      ff="monospace"
      style={{ letterSpacing: '0.08em' }}
      data-testid="verification-code"
    >
      {code}
    </Text>
  ) : (
    <Text size="xs" c="dimmed" ff="monospace" title={t('group.verify.code')} data-testid="verification-code">
      {code}
    </Text>
  );
}
