// Which permissions the page gets, decided in one pure function: the microphone, notifications and
// clipboard writes, for the app's own pages only. The camera only through a one-shot allowance that a
// video recording arms just before it opens the camera (record.allowCamera), never for the app as a whole
// (the app's pages may see the cameras' names, to offer them in the picker).

export type CaptureKind = 'audio' | 'video';

/** How long an armed camera allowance waits for its request before it lapses. */
export const cameraAllowanceMs = 10_000;

/** What the page may capture: audio always, the camera only while an allowance is armed. */
export function mayCapture(requested: readonly string[], cameraArmed: boolean): boolean {
  const allowed: readonly CaptureKind[] = cameraArmed ? ['audio', 'video'] : ['audio'];
  return requested.length > 0 && requested.every((kind) => (allowed as readonly string[]).includes(kind));
}

const otherPermissions = new Set(['notifications', 'clipboard-sanitized-write']);

export interface PermissionAsk {
  permission: string;
  /** Every URL the ask comes from (the page, the requesting frame, the origin): all must be the app's. */
  urls: readonly string[];
  /** For `media`: what a request wants (details.mediaTypes) or a check asks about (details.mediaType). */
  mediaTypes: readonly string[];
}

export function permissionGranted(
  ask: PermissionAsk,
  isAppUrl: (url: string) => boolean,
  cameraArmed: boolean,
): boolean {
  if (ask.urls.length === 0 || !ask.urls.every(isAppUrl)) return false;
  if (ask.permission === 'media') return mayCapture(ask.mediaTypes, cameraArmed);
  return otherPermissions.has(ask.permission);
}

/**
 * The one-shot camera allowance: armed by a video recording about to start, it lets the next granted
 * request that includes the camera through and is spent; unused, it lapses after `cameraAllowanceMs`.
 */
export class CameraAllowance {
  private armedUntil: number | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  arm(): void {
    this.armedUntil = this.now() + cameraAllowanceMs;
  }

  get armed(): boolean {
    return this.armedUntil !== undefined && this.now() <= this.armedUntil;
  }

  /** A permission request (it may open a device): granted camera access spends the allowance. */
  request(ask: PermissionAsk, isAppUrl: (url: string) => boolean): boolean {
    const granted = permissionGranted(ask, isAppUrl, this.armed);
    if (granted && ask.permission === 'media' && ask.mediaTypes.includes('video'))
      this.armedUntil = undefined;
    return granted;
  }

  /**
   * A permission check opens nothing: for `media` it decides whether the app's pages see device names
   * (enumerateDevices labels), which the camera picker needs before any video recording has started.
   * So it is answered as if armed, and spends nothing; opening the camera still takes a request.
   */
  check(ask: PermissionAsk, isAppUrl: (url: string) => boolean): boolean {
    return permissionGranted(ask, isAppUrl, ask.permission === 'media' || this.armed);
  }
}
