// The recording benchmarks' baseline: a bare page whose MediaRecorder records the same devices with the
// same options and one-second timeslice as the app, keeping its chunks in memory (no level meter, no
// peaks, no upload, no UI). The benchmark pulls each new chunk's bytes out to read how far the
// recording reaches, as it reads the app's partial file. Not a benchmark itself.
import type { Page } from '@playwright/test';

export interface BareRecorderOptions {
  /** The camera's constraints for a video recording, null for audio only. */
  video: MediaTrackConstraints | null;
  /** The first of these that MediaRecorder supports is used, as the app chooses. */
  mimeTypes: readonly string[];
  /** The rest of MediaRecorder's options (bitrates, Chromium's key-frame interval). */
  recorder: Record<string, unknown>;
}

/** The microphone as the app opens it (recordingSession.ts): raw, so the recording is the voice. */
const rawMicrophone: MediaTrackConstraints = {
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
};

interface BareState {
  recorder: MediaRecorder;
  stream: MediaStream;
  chunks: Blob[];
  taken: number;
}

export const barePageHtml = '<!doctype html><meta charset="utf-8"><title>bare MediaRecorder</title><body>';

/** Starts recording on the bare page; resolves once MediaRecorder has started. */
export async function startBareRecording(page: Page, options: BareRecorderOptions): Promise<void> {
  await page.evaluate(
    async ({ options, audio }) => {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio,
        ...(options.video ? { video: options.video } : {}),
      });
      const mimeType = options.mimeTypes.find((type) => MediaRecorder.isTypeSupported(type));
      const recorder = new MediaRecorder(stream, { ...options.recorder, mimeType });
      const state: BareState = { recorder, stream, chunks: [], taken: 0 };
      recorder.ondataavailable = (event) => {
        if (event.data.size > 0) state.chunks.push(event.data);
      };
      (globalThis as unknown as { bare: BareState }).bare = state;
      await new Promise((done) => {
        recorder.onstart = done;
        recorder.start(1000);
      });
    },
    { options, audio: rawMicrophone },
  );
}

/** The bytes of the chunks that arrived since the last call (base64 across the page boundary). */
export async function takeNewBytes(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const state = (globalThis as unknown as { bare: BareState }).bare;
    const fresh = state.chunks.slice(state.taken);
    state.taken = state.chunks.length;
    const bytes = new Uint8Array(await new Blob(fresh).arrayBuffer());
    let text = '';
    for (let at = 0; at < bytes.length; at += 0x8000)
      text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

/** Stops the recording; resolves with the bytes it holds in memory. */
export async function stopBareRecording(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const state = (globalThis as unknown as { bare: BareState }).bare;
        state.recorder.onstop = () => {
          state.stream.getTracks().forEach((track) => track.stop());
          done(state.chunks.reduce((sum, chunk) => sum + chunk.size, 0));
        };
        state.recorder.stop();
      }),
  );
}
