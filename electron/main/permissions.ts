// Which permissions the page gets, decided in one pure function: the microphone (audio capture
// alone), notifications and clipboard writes, for the app's own pages only. The camera is refused.

export type CaptureKind = 'audio' | 'video';

/**
 * What the page may capture. The one place to change when video recordings arrive (#14): they will
 * allow 'video' here only while a video recording asks for it, never for the app as a whole.
 */
export function mayCapture(requested: readonly string[]): boolean {
  const allowed: readonly CaptureKind[] = ['audio'];
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

export function permissionGranted(ask: PermissionAsk, isAppUrl: (url: string) => boolean): boolean {
  if (ask.urls.length === 0 || !ask.urls.every(isAppUrl)) return false;
  if (ask.permission === 'media') return mayCapture(ask.mediaTypes);
  return otherPermissions.has(ask.permission);
}
