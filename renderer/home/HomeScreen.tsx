// Home: a greeting, this week's assignment when in a group, or the first steps when not; then the
// member's growth once they have a speech.
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../shared/domain/profile';
import { GrowthSection } from '../growth/GrowthSection';
import { HomeAssignment } from '../rules/assignments/HomeAssignment';
import { useLiveGroups } from '../group/groupStore';
import { ScreenEmptyState } from '../shell/ScreenEmptyState';
import { screenIcons } from '../shell/screenIcons';
import { navigate } from '../state/uiStore';

export function HomeScreen({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const Icon = screenIcons.home;
  // A member of a group sees the week's assignment instead of the first-steps hint.
  const inGroup = useLiveGroups().view?.me.status === 'member';
  return (
    <Stack>
      <Title order={1}>{t('home.greeting', { name: profile.displayName })}</Title>
      <Text c="dimmed">{t('home.intro')}</Text>
      <HomeAssignment />
      {inGroup ? null : (
        <ScreenEmptyState
          icon={<Icon size={32} />}
          title={t('home.emptyTitle')}
          description={t('home.emptyBody')}
        >
          <Button onClick={() => navigate('record')}>{t('home.recordAction')}</Button>
          <Button variant="default" onClick={() => navigate('group')}>
            {t('home.groupAction')}
          </Button>
        </ScreenEmptyState>
      )}
      <GrowthSection />
    </Stack>
  );
}
