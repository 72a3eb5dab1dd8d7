// The host's present moment, refreshed every `everyMs`, for countdowns that tick while a screen shows them.
import { useEffect, useState } from 'react';
import { hostNow } from './assignmentsStore';

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(hostNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(hostNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return Math.max(now, hostNow());
}
