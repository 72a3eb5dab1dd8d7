// The camera for a video recording: opened only as the recording starts (the desktop app lets the
// camera through for that one request), with its failures said in the member's words.
import { LecternError } from '../../shared/api/errors';
import { api } from '../api/api';
import { cameraConstraints, type VideoQuality } from './videoQuality';

export async function openCamera(cameraId: string | undefined, quality: VideoQuality): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new LecternError('unavailable', 'record.errors.noCamera');
  await api.call('record.allowCamera', {});
  try {
    return await navigator.mediaDevices.getUserMedia({ video: cameraConstraints(quality, cameraId) });
  } catch (error) {
    const name = (error as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError')
      throw new LecternError('forbidden', 'record.errors.cameraPermission');
    // The camera chosen last time is gone: the system's camera, as the microphone does.
    if ((name === 'OverconstrainedError' || name === 'NotFoundError') && cameraId)
      return openCamera(undefined, quality);
    if (name === 'NotReadableError' || name === 'AbortError')
      throw new LecternError('unavailable', 'record.errors.cameraBusy');
    throw new LecternError('unavailable', 'record.errors.noCamera');
  }
}

export async function listCameras(): Promise<MediaDeviceInfo[]> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  return devices.filter((device) => device.kind === 'videoinput');
}
