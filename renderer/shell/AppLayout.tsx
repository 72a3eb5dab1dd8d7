// The frame around every screen: header, navigation (with Ctrl/⌘+1…5 and Ctrl/⌘+,), the current screen.
// Each screen is its own chunk, loaded when first shown, so the first one does not wait for all six.
// Deadline reminders run from here, for every group, whichever screen is showing.
import { AppShell, Badge, Burger, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { screens, type Screen } from '../../shared/api/contract';
import type { Profile } from '../../shared/domain/profile';
import { api } from '../api/api';
import { useLiveCritiqueInbox } from '../critique/inboxStore';
import { PathPromptDialog } from '../group/PathPromptDialog';
import { startReminders } from '../rules/reminders/reminders';
import { IdentityNotices } from '../settings/IdentityNotices';
import { navigate, useUiStore } from '../state/uiStore';
import { screenIcons } from './screenIcons';

type ScreenComponent = ComponentType<{ profile: Profile }>;
const withProfile = (component: ComponentType<never>) => component as ScreenComponent;

const loaders: Record<Screen, () => Promise<{ default: ScreenComponent }>> = {
  home: () => import('../home/HomeScreen').then((m) => ({ default: m.HomeScreen })),
  record: () => import('../record/RecordScreen').then((m) => ({ default: withProfile(m.RecordScreen) })),
  library: () => import('../library/LibraryScreen').then((m) => ({ default: withProfile(m.LibraryScreen) })),
  journal: () => import('../journal/JournalScreen').then((m) => ({ default: withProfile(m.JournalScreen) })),
  group: () => import('../group/GroupScreen').then((m) => ({ default: m.GroupScreen })),
  settings: () => import('../settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
};

/** Screens whose code has arrived (preloaded): they render at once, with no loader and no lost keystroke. */
const loaded: Partial<Record<Screen, ScreenComponent>> = {};
/** The component each screen renders as, chosen once: a screen on screen never changes type (and remounts). */
const chosen: Partial<Record<Screen, ScreenComponent>> = {};

function screenComponent(screen: Screen): ScreenComponent {
  return (chosen[screen] ??= loaded[screen] ?? lazy(loaders[screen]));
}

/** Once the first screen's code is in, the others load too, so switching screens never waits. */
function preloadScreens(first: Screen): void {
  const load = (screen: Screen) =>
    loaders[screen]().then(
      (m) => void (loaded[screen] = m.default),
      () => undefined, // loaded on first visit instead
    );
  void load(first).then(() => Promise.all(screens.filter((s) => s !== first).map(load)));
}

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
  useEffect(startReminders, []);
  useEffect(() => preloadScreens(useUiStore.getState().screen), []);

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
        <Suspense fallback={<ScreenLoader />}>
          <CurrentScreen screen={screen} profile={profile} />
        </Suspense>
        <PathPromptDialog />
      </AppShell.Main>
    </AppShell>
  );
}

/** While a screen's chunk loads (the first visit only). */
function ScreenLoader() {
  const { t } = useTranslation();
  return (
    <Center mih={200}>
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function CurrentScreen({ screen, profile }: { screen: Screen; profile: Profile }) {
  const Component = screenComponent(screen);
  // Not created here: screenComponent hands out one component per screen, kept for the app's life.
  // eslint-disable-next-line react-hooks/static-components
  return <Component profile={profile} />;
}
