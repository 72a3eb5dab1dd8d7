// The journal screen (the journal feature replaces this placeholder).
import { UpcomingScreen } from '../shell/UpcomingScreen';

export function JournalScreen() {
  return <UpcomingScreen screen="journal" />;
}
