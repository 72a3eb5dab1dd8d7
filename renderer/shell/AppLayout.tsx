// The frame around every screen: header, navigation (with Ctrl/⌘+1…5 and Ctrl/⌘+,), the current screen.
import { AppShell, Badge, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { screens, type Screen } from '../../shared/api/contract';
import type { Profile } from '../../shared/domain/profile';
import { api } from '../api/api';
import { useLiveCritiqueInbox } from '../critique/inboxStore';
import { GroupScreen } from '../group/GroupScreen';
import { PathPromptDialog } from '../group/PathPromptDialog';
import { HomeScreen } from '../home/HomeScreen';
import { JournalScreen } from '../journal/JournalScreen';
import { LibraryScreen } from '../library/LibraryScreen';
import { RecordScreen } from '../record/RecordScreen';
import { IdentityNotices } from '../settings/IdentityNotices';
import { SettingsScreen } from '../settings/SettingsScreen';
import { navigate, useUiStore } from '../state/uiStore';
import { screenIcons } from './screenIcons';

const shortcuts: Partial<Record<Screen, string>> = {
  home: 'mod+1',
  record: 'mod+2',
  library: 'mod+3',
  journal: 'mod+4',
  group: 'mod+5',
  settings: 'mod+,',
};

export function AppLayout({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const screen = useUiStore((state) => state.screen);
  const [navbarOpen, { toggle, close }] = useDisclosure();
  const unreadCritiques = useLiveCritiqueInbox();

  useHotkeys(Object.entries(shortcuts).map(([target, keys]) => [keys, () => navigate(target as Screen)]));
  useEffect(() => api.on('app.command', (command) => navigate(command.screen)), []);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navbarOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={navbarOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Title order={2} size="h3">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {profile.displayName}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {screens.map((target) => {
          const Icon = screenIcons[target];
          return (
            <NavLink
              key={target}
              href={`#/${target}`}
              label={t(`nav.${target}`)}
              leftSection={<Icon size={18} stroke={1.6} />}
              rightSection={
                target === 'group' && unreadCritiques > 0 ? (
                  <Badge
                    size="sm"
                    variant={screen === target ? 'white' : 'outline'}
                    color="teal.9"
                    aria-label={t('critique.inbox.navBadge', { count: unreadCritiques })}
                    data-testid="nav-critique-unread"
                  >
                    {unreadCritiques}
                  </Badge>
                ) : undefined
              }
              active={screen === target}
              variant="filled"
              aria-current={screen === target ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate(target);
                close();
              }}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <IdentityNotices />
        <CurrentScreen screen={screen} profile={profile} />
        <PathPromptDialog />
      </AppShell.Main>
    </AppShell>
  );
}

function CurrentScreen({ screen, profile }: { screen: Screen; profile: Profile }) {
  switch (screen) {
    case 'home':
      return <HomeScreen profile={profile} />;
    case 'record':
      return <RecordScreen />;
    case 'library':
      return <LibraryScreen />;
    case 'journal':
      return <JournalScreen />;
    case 'group':
      return <GroupScreen profile={profile} />;
    case 'settings':
      return <SettingsScreen profile={profile} />;
  }
}
