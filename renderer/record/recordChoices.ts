// The Record screen's choices of this computer (audio only or with the camera, microphone, camera,
// video quality and target length), kept between runs in localStorage. "No target" is a choice too,
// kept as null; nothing saved yet means audio only, the system's devices, 720p and the 5–7 min default.
import { SpeechTarget } from '../../shared/audio/timerLights';
import type { RecordMode } from './recordingBudget';
import { videoQualities, type VideoQuality } from './videoQuality';

export interface RecordChoices {
  mode: RecordMode;
  deviceId: string | undefined;
  cameraId: string | undefined;
  quality: VideoQuality;
  target: SpeechTarget | undefined;
}

export const choicesKey = 'lectern.record.choices';
const defaultTarget: SpeechTarget = { minSeconds: 300, maxSeconds: 420 };

export function readChoices(storage: Pick<Storage, 'getItem'>): RecordChoices {
  let saved: Record<string, unknown> = {};
  try {
    saved = (JSON.parse(storage.getItem(choicesKey) ?? '{}') as typeof saved | null) ?? {};
  } catch {
    // A damaged entry is as good as none.
  }
  // Each field stands alone: one damaged field falls back to its default, not the others.
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const target = SpeechTarget.safeParse(saved['target']);
  return {
    mode: saved['mode'] === 'video' ? 'video' : 'audio',
    deviceId: text(saved['deviceId']),
    cameraId: text(saved['cameraId']),
    quality: videoQualities.find((quality) => quality === saved['quality']) ?? '720p',
    target: saved['target'] === null ? undefined : target.success ? target.data : defaultTarget,
  };
}

export function saveChoices(storage: Pick<Storage, 'setItem'>, choices: RecordChoices): void {
  try {
    storage.setItem(choicesKey, JSON.stringify({ ...choices, target: choices.target ?? null }));
  } catch {
    // A full or unavailable localStorage only forgets the choice.
  }
}
