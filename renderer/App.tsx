// First run until a profile exists, then the app; both follow the profile live from Dexie.
import { Center, Loader } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { FirstRunScreen } from './firstRun/FirstRunScreen';
import { AppLayout } from './shell/AppLayout';
import { db } from './state/db';

export function App() {
  const profile = useLiveQuery(async () => (await db.profiles.get('me')) ?? null, []);
  if (profile === undefined) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return profile ? <AppLayout profile={profile} /> : <FirstRunScreen />;
}
