// The stored peaks of one of the member's own speeches, as int8 min/max pairs, merged by the host to
// what a player draws. Asked for as ▶ is pressed (`prefetchSpeechPeaks`, from the store's actions),
// so the host's answer travels while React builds the player, whose own load then takes that answer.
import { playerPeakPairs } from '../../shared/audio/peaks';
import { api } from '../api/api';

/** One request at most waits to be taken: the speech last opened. */
let prefetched: { speechId: string; peaks: Promise<Int8Array> } | undefined;

async function requestPeaks(speechId: string): Promise<Int8Array> {
  const stored = await api.call('speeches.peaks', { speechId, maxPairs: playerPeakPairs });
  return new Int8Array(stored.data.buffer, stored.data.byteOffset, stored.data.byteLength & ~1);
}

export function prefetchSpeechPeaks(speechId: string): void {
  const peaks = requestPeaks(speechId);
  // A failure is reported by the player's load that takes it, not here.
  peaks.catch(() => undefined);
  prefetched = { speechId, peaks };
}

export function loadSpeechPeaks(speechId: string): Promise<Int8Array> {
  const taken = prefetched?.speechId === speechId ? prefetched.peaks : undefined;
  prefetched = undefined;
  return taken ?? requestPeaks(speechId);
}
