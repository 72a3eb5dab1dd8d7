// The Record screen's choices of this computer (microphone and target length), kept between runs in
// localStorage. "No target" is a choice too, kept as null; nothing saved yet means the 5–7 min default.
import { SpeechTarget } from '../../shared/audio/timerLights';

export interface RecordChoices {
  deviceId: string | undefined;
  target: SpeechTarget | undefined;
}

export const choicesKey = 'lectern.record.choices';
const defaultTarget: SpeechTarget = { minSeconds: 300, maxSeconds: 420 };

export function readChoices(storage: Pick<Storage, 'getItem'>): RecordChoices {
  let saved: { deviceId?: unknown; target?: unknown } = {};
  try {
    saved = (JSON.parse(storage.getItem(choicesKey) ?? '{}') as typeof saved | null) ?? {};
  } catch {
    // A damaged entry is as good as none.
  }
  const deviceId = typeof saved.deviceId === 'string' ? saved.deviceId : undefined;
  if (saved.target === null) return { deviceId, target: undefined };
  const target = SpeechTarget.safeParse(saved.target);
  return { deviceId, target: target.success ? target.data : defaultTarget };
}

export function saveChoices(storage: Pick<Storage, 'setItem'>, choices: RecordChoices): void {
  try {
    storage.setItem(
      choicesKey,
      JSON.stringify({ deviceId: choices.deviceId, target: choices.target ?? null }),
    );
  } catch {
    // A full or unavailable localStorage only forgets the choice.
  }
}
