// The stored peaks of one of the member's own speeches, as int8 min/max pairs.
import { api } from '../api/api';

export async function loadSpeechPeaks(speechId: string): Promise<Int8Array> {
  const stored = await api.call('speeches.peaks', { speechId });
  return new Int8Array(stored.data.buffer, stored.data.byteOffset, stored.data.byteLength & ~1);
}
