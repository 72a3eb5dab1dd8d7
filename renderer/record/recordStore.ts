// The Record screen's state and actions, outside React: the session, the clock, the level, the live
// waveform, the camera's preview, the disk's room and the member's choices (audio only or with the
// camera, the devices, the quality and the target, remembered between runs). Recording for an
// assignment borrows its target until that recording is saved; the member's own choice stays kept.
import { create } from 'zustand';
import { LecternError } from '../../shared/api/errors';
import type { SpeechTarget } from '../../shared/audio/timerLights';
import type { Speech } from '../../shared/domain/speech';
import { api } from '../api/api';
import { reloadSpeeches } from '../library/speechesStore';
import { ensureSpeechMetrics } from '../metrics/metricsStore';
import { readChoices, saveChoices } from './recordChoices';
import { diskBudget, recordingBytesPerSecond, type DiskBudget, type RecordMode } from './recordingBudget';
import { RecordingSession } from './recordingSession';
import type { VideoQuality } from './videoQuality';

export type RecordStatus = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping';

/** The assignment occurrence a recording is made for: where the saved banner's 打卡 checks it in. */
export interface RecordingFor {
  groupId: string;
  /** The occurrence's key (OccurrenceView.key). */
  occurrence: string;
}

/** About 12 s of live waveform at 100 pixels a second. */
const liveWindow = 1200;
/** How often a recording looks again at the disk's free space. */
const diskCheckMs = 30_000;

interface RecordState {
  status: RecordStatus;
  elapsedMs: number;
  level: number;
  mode: RecordMode;
  deviceId: string | undefined;
  cameraId: string | undefined;
  quality: VideoQuality;
  /** The camera's live picture while a video recording runs. */
  preview: MediaStream | undefined;
  /** How much recording the disk holds at the chosen format, when last looked at; undefined if unknown. */
  disk: DiskBudget | undefined;
  /** The target the timer lights follow now: the member's own, or the assignment's. */
  target: SpeechTarget | undefined;
  /** The member's own choice, kept between runs; an assignment's target never replaces it. */
  ownTarget: SpeechTarget | undefined;
  /** The title of the assignment being recorded for, whose target `target` holds until the recording is saved. */
  assignment: string | undefined;
  /** Which occurrence that assignment recording is for, while `assignment` is set. */
  recordingFor: RecordingFor | undefined;
  /** The occurrence `lastSpeech` was recorded for, if it was. */
  savedFor: RecordingFor | undefined;
  title: string;
  errorKey: string | undefined;
  lastSpeech: Speech | undefined;
}

const saved = readChoices(localStorage);

export const useRecordStore = create<RecordState>(() => ({
  status: 'idle',
  elapsedMs: 0,
  level: 0,
  mode: saved.mode,
  deviceId: saved.deviceId,
  cameraId: saved.cameraId,
  quality: saved.quality,
  preview: undefined,
  disk: undefined,
  target: saved.target,
  ownTarget: saved.target,
  assignment: undefined,
  recordingFor: undefined,
  savedFor: undefined,
  title: '',
  errorKey: undefined,
  lastSpeech: undefined,
}));

/** The live waveform lives outside React state: it changes 20 times a second and only a canvas reads it. */
export const liveWaveform = { pairs: new Int8Array(liveWindow * 2), length: 0 };

let session: RecordingSession | undefined;
let clock: ReturnType<typeof setInterval> | undefined;
let diskWatch: ReturnType<typeof setInterval> | undefined;
/** Stop was pressed while the microphone was still opening: stop as soon as it is. */
let stopWhenStarted = false;

export function chooseDevice(deviceId: string | undefined): void {
  useRecordStore.setState({ deviceId });
  saveOwnChoices();
}

export function chooseMode(mode: RecordMode): void {
  useRecordStore.setState({ mode });
  saveOwnChoices();
  void checkDiskSpace();
}

export function chooseCamera(cameraId: string | undefined): void {
  useRecordStore.setState({ cameraId });
  saveOwnChoices();
}

export function chooseQuality(quality: VideoQuality): void {
  useRecordStore.setState({ quality });
  saveOwnChoices();
  void checkDiskSpace();
}

/**
 * Looks at how much the disk still holds at the chosen format. Not knowing (the call failed) is not a
 * reason to stop anyone recording: the disk-full path still keeps what was recorded.
 */
export async function checkDiskSpace(): Promise<DiskBudget | undefined> {
  const { mode, quality } = useRecordStore.getState();
  try {
    const { freeBytes } = await api.call('speeches.freeSpace', {});
    const disk = diskBudget(freeBytes, recordingBytesPerSecond(mode, quality));
    useRecordStore.setState({ disk });
    return disk;
  } catch {
    useRecordStore.setState({ disk: undefined });
    return undefined;
  }
}

/** The member picks a target: for this assignment's recording only, or as their own from now on. */
export function chooseTarget(target: SpeechTarget | undefined): void {
  if (useRecordStore.getState().assignment) {
    useRecordStore.setState({ target });
    return;
  }
  useRecordStore.setState({ target, ownTarget: target });
  saveOwnChoices();
}

export function setTitle(title: string): void {
  useRecordStore.setState({ title });
}

/** Presets the next recording for an assignment: its target drives the timer lights, its title names it. */
export function prepareRecording(target: SpeechTarget, title: string, recordingFor: RecordingFor): void {
  if (useRecordStore.getState().status !== 'idle') return;
  // A new assignment's recording replaces the last one's saved banner and verdict (it is in the library).
  useRecordStore.setState({
    target,
    title,
    assignment: title,
    recordingFor,
    lastSpeech: undefined,
    savedFor: undefined,
    elapsedMs: 0,
  });
}

export async function startRecording(defaultTitle: string): Promise<void> {
  const state = useRecordStore.getState();
  if (state.status !== 'idle') return;
  useRecordStore.setState({
    status: 'starting',
    errorKey: undefined,
    lastSpeech: undefined,
    savedFor: undefined,
    elapsedMs: 0,
    level: 0,
  });
  liveWaveform.length = 0;
  if ((await checkDiskSpace())?.verdict === 'full') {
    finishUp({ errorKey: 'record.errors.noRoom' });
    return;
  }
  try {
    session = await RecordingSession.start(
      {
        deviceId: state.deviceId,
        title: state.title.trim() || defaultTitle,
        target: state.target,
        video: state.mode === 'video' ? { cameraId: state.cameraId, quality: state.quality } : undefined,
      },
      {
        onLevel: (rms) => useRecordStore.setState({ level: Math.min(1, rms * 4) }),
        onPeaks: appendLive,
        onInterrupted: (messageKey, speech) => finishUp({ errorKey: messageKey, lastSpeech: speech }),
      },
    );
    useRecordStore.setState({ status: 'recording', preview: session.preview });
    clock = setInterval(() => useRecordStore.setState({ elapsedMs: session?.elapsedMs ?? 0 }), 200);
    diskWatch = setInterval(() => void checkDiskSpace(), diskCheckMs);
    if (stopWhenStarted) void stopRecording();
  } catch (error) {
    finishUp({ errorKey: messageKeyOf(error) });
  }
}

export function togglePause(): void {
  if (!session) return;
  if (session.paused) session.resume();
  else session.pause();
  useRecordStore.setState({ status: session.paused ? 'paused' : 'recording', elapsedMs: session.elapsedMs });
}

export async function stopRecording(): Promise<Speech | undefined> {
  stopWhenStarted = useRecordStore.getState().status === 'starting';
  if (!session || useRecordStore.getState().status === 'stopping') return undefined;
  useRecordStore.setState({ status: 'stopping' });
  try {
    const speech = await session.stop();
    // Listed before it is announced: the library opened next must not show the list without it.
    await reloadSpeeches();
    finishUp({ lastSpeech: speech });
    // Its delivery metrics, from the saved audio, in the background (a worker): ready when it is opened.
    void ensureSpeechMetrics(speech);
    return speech;
  } catch (error) {
    finishUp({ errorKey: messageKeyOf(error) });
    return undefined;
  }
}

export async function discardRecording(): Promise<void> {
  if (!session) return;
  useRecordStore.setState({ status: 'stopping' });
  await session.discard().catch(() => undefined);
  finishUp({});
}

function finishUp(result: { errorKey?: string | undefined; lastSpeech?: Speech | undefined }): void {
  if (clock) clearInterval(clock);
  if (diskWatch) clearInterval(diskWatch);
  clock = undefined;
  diskWatch = undefined;
  session = undefined;
  stopWhenStarted = false;
  // A saved recording was the one for the assignment: the next one follows the member's own target.
  const { assignment, recordingFor, ownTarget } = useRecordStore.getState();
  const done = result.lastSpeech && assignment;
  useRecordStore.setState({
    ...(done ? { target: ownTarget, assignment: undefined, recordingFor: undefined } : {}),
    savedFor: done ? recordingFor : undefined,
    // The clock ends on the saved length (measured from the audio, which starts a little after the
    // clock), so the two never read 0:31 and 0:30 side by side.
    ...(result.lastSpeech ? { elapsedMs: result.lastSpeech.durationMs } : {}),
    status: 'idle',
    level: 0,
    preview: undefined,
    title: '',
    errorKey: result.errorKey,
    lastSpeech: result.lastSpeech,
  });
}

function appendLive(pairs: Int8Array): void {
  const { pairs: buffer } = liveWaveform;
  const total = liveWaveform.length + pairs.length;
  if (total > buffer.length) {
    const drop = Math.min(liveWaveform.length, total - buffer.length);
    buffer.copyWithin(0, drop, liveWaveform.length);
    liveWaveform.length -= drop;
  }
  buffer.set(pairs.subarray(Math.max(0, pairs.length - buffer.length)), liveWaveform.length);
  liveWaveform.length = Math.min(buffer.length, liveWaveform.length + pairs.length);
}

function messageKeyOf(error: unknown): string {
  if (error instanceof LecternError) return error.messageKey;
  console.error(error);
  return 'errors.internal';
}

function saveOwnChoices(): void {
  const { mode, deviceId, cameraId, quality, ownTarget } = useRecordStore.getState();
  saveChoices(localStorage, { mode, deviceId, cameraId, quality, target: ownTarget });
}
