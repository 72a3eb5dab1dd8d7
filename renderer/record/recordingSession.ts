// One recording, from microphone (and camera) to disk: MediaRecorder (Opus in WebM, with VP9 or VP8 for
// the picture) sends a chunk every second, each chunk goes to main with the peaks computed since the
// last one, and main appends and flushes it. A crash therefore loses at most the last second or two.
import { LecternError } from '../../shared/api/errors';
import type { SpeechTarget } from '../../shared/audio/timerLights';
import type { Speech } from '../../shared/domain/speech';
import { api } from '../api/api';
import { defaultSpeechLanguage } from '../metrics/speechLanguage';
import { openCamera } from './camera';
import peakWorkletUrl from './peakWorklet.ts?worker&url';
import { videoRecorderOptions, type VideoQuality } from './videoQuality';

export interface SessionEvents {
  onLevel(rms: number, peak: number): void;
  onPeaks(pairs: Int8Array): void;
  /** The recording ended on its own (device unplugged, disk full); what was recorded is kept. */
  onInterrupted(messageKey: string, speech: Speech | undefined): void;
}

export interface SessionOptions {
  deviceId: string | undefined;
  title: string;
  target: SpeechTarget | undefined;
  /** With the camera: which one, at what quality. Absent: audio only. */
  video: { cameraId: string | undefined; quality: VideoQuality } | undefined;
}

const timesliceMs = 1000;
const audioMimeType = 'audio/webm;codecs=opus';

export class RecordingSession {
  private pendingPeaks: number[] = [];
  private sending: Promise<unknown> = Promise.resolve();
  private failure: LecternError | undefined;
  private startedAt = 0;
  private pausedAt: number | undefined;
  private pausedTotal = 0;
  private ended = false;

  private constructor(
    private readonly speechId: string,
    private readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly worklet: AudioWorkletNode,
    private readonly recorder: MediaRecorder,
    private readonly events: SessionEvents,
  ) {}

  static async start(options: SessionOptions, events: SessionEvents): Promise<RecordingSession> {
    const stream = await openDevices(options);
    const context = new AudioContext();
    try {
      await context.audioWorklet.addModule(peakWorkletUrl);
      const worklet = new AudioWorkletNode(context, 'lectern-peaks');
      context.createMediaStreamSource(stream).connect(worklet);
      const { speechId } = await api.call('speeches.begin', {
        source: 'recording',
        mimeType: options.video ? 'video/webm' : 'audio/webm',
        title: options.title,
        ...(options.target ? { target: options.target } : {}),
        language: defaultSpeechLanguage(),
        sampleRate: context.sampleRate,
        samplesPerPixel: Math.round(context.sampleRate / 100),
      });
      const recorder = new MediaRecorder(
        stream,
        options.video
          ? videoRecorderOptions(options.video.quality, (type) => MediaRecorder.isTypeSupported(type))
          : { mimeType: audioMimeType },
      );
      const session = new RecordingSession(speechId, stream, context, worklet, recorder, events);
      session.wire();
      recorder.start(timesliceMs);
      session.startedAt = performance.now();
      return session;
    } catch (error) {
      stream.getTracks().forEach((track) => track.stop());
      await context.close();
      throw error;
    }
  }

  get id(): string {
    return this.speechId;
  }

  /** The camera's picture alone (no sound), for the live preview; undefined for audio only. */
  get preview(): MediaStream | undefined {
    const video = this.stream.getVideoTracks();
    return video.length > 0 ? new MediaStream(video) : undefined;
  }

  get elapsedMs(): number {
    const now = this.pausedAt ?? performance.now();
    return Math.max(0, now - this.startedAt - this.pausedTotal);
  }

  get paused(): boolean {
    return this.pausedAt !== undefined;
  }

  pause(): void {
    if (this.paused || this.ended) return;
    this.recorder.pause();
    this.worklet.port.postMessage({ paused: true });
    this.pausedAt = performance.now();
  }

  resume(): void {
    if (!this.paused || this.ended) return;
    this.recorder.resume();
    this.worklet.port.postMessage({ paused: false });
    this.pausedTotal += performance.now() - this.pausedAt!;
    this.pausedAt = undefined;
  }

  /** Stops and keeps the recording as a speech. */
  async stop(): Promise<Speech> {
    const durationMs = Math.round(this.elapsedMs);
    await this.end();
    if (this.failure && this.failure.code !== 'disk_full') throw this.failure;
    return api.call('speeches.finish', { speechId: this.speechId, durationMs });
  }

  /** Stops and throws the recording away. */
  async discard(): Promise<void> {
    await this.end();
    await api.call('speeches.discard', { speechId: this.speechId });
  }

  private wire(): void {
    this.worklet.port.onmessage = (event: MessageEvent<{ pairs: Int8Array; rms: number; peak: number }>) => {
      const { pairs, rms, peak } = event.data;
      for (const value of pairs) this.pendingPeaks.push(value);
      this.events.onPeaks(pairs);
      this.events.onLevel(rms, peak);
    };
    this.recorder.ondataavailable = (event) => {
      if (event.data.size > 0 || this.pendingPeaks.length > 0) this.send(event.data);
    };
    const track = this.stream.getAudioTracks()[0];
    if (track) track.onended = () => void this.interrupt('record.errors.deviceLost');
    const camera = this.stream.getVideoTracks()[0];
    if (camera) camera.onended = () => void this.interrupt('record.errors.cameraLost');
  }

  private send(chunk: Blob): void {
    const peaks = Int8Array.from(this.pendingPeaks.splice(0));
    this.sending = this.sending.then(async () => {
      if (this.failure) return;
      try {
        await api.call('speeches.append', {
          speechId: this.speechId,
          audio: new Uint8Array(await chunk.arrayBuffer()),
          peaks: new Uint8Array(peaks.buffer),
        });
      } catch (error) {
        this.failure = error instanceof LecternError ? error : new LecternError('internal');
        if (this.failure.code === 'disk_full') void this.interrupt('record.errors.diskFull');
      }
    });
  }

  private async interrupt(messageKey: string): Promise<void> {
    if (this.ended) return;
    const speech = await this.stop().catch(() => undefined);
    this.events.onInterrupted(messageKey, speech);
  }

  private async end(): Promise<void> {
    if (this.ended) return this.sending.then(() => undefined);
    this.ended = true;
    const stopped = new Promise<void>((resolve) => (this.recorder.onstop = () => resolve()));
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    await stopped;
    // The worklet's last partial pixel of peaks, then the final chunk with it.
    await new Promise<void>((resolve) => {
      const previous = this.worklet.port.onmessage;
      this.worklet.port.onmessage = (event) => {
        previous?.call(this.worklet.port, event);
        resolve();
      };
      this.worklet.port.postMessage({ flush: true });
      setTimeout(resolve, 300);
    });
    if (this.pendingPeaks.length > 0) this.send(new Blob());
    this.stream.getTracks().forEach((track) => track.stop());
    await this.context.close();
    await this.sending;
  }
}

/** The microphone, and the camera for a video recording; neither stays open if the other fails. */
async function openDevices(options: SessionOptions): Promise<MediaStream> {
  const microphone = await openMicrophone(options.deviceId);
  if (!options.video) return microphone;
  try {
    const camera = await openCamera(options.video.cameraId, options.video.quality);
    return new MediaStream([...microphone.getAudioTracks(), ...camera.getVideoTracks()]);
  } catch (error) {
    microphone.getTracks().forEach((track) => track.stop());
    throw error;
  }
}

/** The microphone, raw: no echo cancelling, noise suppression or gain control, so the recording is the voice. */
async function openMicrophone(deviceId: string | undefined): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new LecternError('unavailable', 'record.errors.noMicrophone');
  const audio: MediaTrackConstraints = {
    echoCancellation: false,
    noiseSuppression: false,
    autoGainControl: false,
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
  };
  try {
    return await navigator.mediaDevices.getUserMedia({ audio });
  } catch (error) {
    const name = (error as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError')
      throw new LecternError('forbidden', 'record.errors.permission');
    if (name === 'OverconstrainedError' && deviceId) return openMicrophone(undefined);
    if (name === 'NotReadableError') throw new LecternError('unavailable', 'record.errors.deviceBusy');
    throw new LecternError('unavailable', 'record.errors.noMicrophone');
  }
}

export async function listMicrophones(): Promise<MediaDeviceInfo[]> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  return devices.filter((device) => device.kind === 'audioinput');
}
