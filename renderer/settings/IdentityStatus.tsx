// In Settings, how the member key is kept on this computer (sealed by the OS's keychain, or plainly
// with a note to protect the account) and, when it could not be opened, what happened and what to do.
import { Alert, Text } from '@mantine/core';
import { IconKeyOff, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useIdentity } from './identityStore';
import { IdentityProblemText } from './IdentityProblemText';

export function IdentityStatus() {
  const { t } = useTranslation();
  const identity = useIdentity();
  if (identity?.problem)
    return (
      <Alert color="red" icon={<IconKeyOff size={20} />} title={t('identity.problemTitle')} role="alert">
        <IdentityProblemText problem={identity.problem} />
      </Alert>
    );
  if (identity?.atRest === 'plaintext')
    return (
      <Alert color="yellow" variant="outline" icon={<IconLockOpen size={20} />}>
        <Text size="sm">{t('identity.atRestPlaintext')}</Text>
      </Alert>
    );
  if (identity?.atRest === 'sealed')
    return (
      <Alert color="teal" variant="outline" icon={<IconLock size={20} />}>
        <Text size="sm">{t('identity.atRestSealed')}</Text>
      </Alert>
    );
  return null;
}
