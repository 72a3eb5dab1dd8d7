// Peaks of a shared speech, read from the group folder (the same audiowaveform JSON the author stored).
// The compact layout every Lectern writes is read by a plain scan of its bytes: for an hour, JSON.parse
// and the schema's check of 720,000 numbers took ~60 ms before the critique player could draw.
import { LecternError } from '../../shared/api/errors';
import { peakDataFromJson, WaveformPeaks } from '../../shared/audio/peaks';
import { mediaUrl } from '../api/api';

export async function loadGroupPeaks(peaksPath: string): Promise<Int8Array> {
  const response = await fetch(mediaUrl(peaksPath));
  if (!response.ok) throw new LecternError('unavailable', 'group.audioArriving');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const scanned = peakDataFromJson(bytes);
  if (scanned) return scanned;
  const parsed = WaveformPeaks.safeParse(parseJson(bytes));
  if (!parsed.success) throw new LecternError('invalid_input', 'errors.unreadableAudio');
  return Int8Array.from(parsed.data.data);
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}
