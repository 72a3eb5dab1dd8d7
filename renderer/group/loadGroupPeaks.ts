// Peaks of a shared speech, read from the group folder (the same audiowaveform JSON the author stored).
import { LecternError } from '../../shared/api/errors';
import { WaveformPeaks } from '../../shared/audio/peaks';
import { mediaUrl } from '../api/api';

export async function loadGroupPeaks(peaksPath: string): Promise<Int8Array> {
  const response = await fetch(mediaUrl(peaksPath));
  if (!response.ok) throw new LecternError('unavailable', 'group.audioArriving');
  const parsed = WaveformPeaks.safeParse(await response.json());
  if (!parsed.success) throw new LecternError('invalid_input', 'errors.unreadableAudio');
  return Int8Array.from(parsed.data.data);
}
