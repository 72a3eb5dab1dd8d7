// The one API client the features use. The transport is chosen here, once: the preload's bridge in
// Electron, the loopback HTTP host in a browser. Nothing else knows which one it has.
import type { Contract, Events } from '../../shared/api/contract';
import { createClient } from '../../shared/api/client';
import type { DesktopBridge } from '../../shared/api/contractTypes';
import { reportError } from '../shell/reportError';
import { createHttpBridge, createUrlSigner } from './httpBridge';
import { createHttpUpload } from './httpUpload';
import { createDesktopUpload, type SpeechFileUpload } from './speechFileUpload';
import { adoptSessionFromUrl, tabSession } from './tabSession';

declare global {
  interface Window {
    lectern?: DesktopBridge<File>;
  }
}

if (!window.lectern) adoptSessionFromUrl(window);
const session = () => tabSession(window);

export const api = createClient<Contract, Events>(
  window.lectern ?? createHttpBridge({ session, onSessionLost: reportError }),
);

/**
 * A media path from the app (`/media/...`) as a URL this page can load: as it is in Electron, where
 * app://lectern/media/ needs no key; signed for this tab in a browser. Call it where the URL reaches the
 * DOM (a player's source, a link's href, a fetch), not earlier: a signed URL that is not used expires.
 */
export const mediaUrl: (path: string) => string = window.lectern ? (path) => path : createUrlSigner(session);

/** Moves an imported file's bytes into its speech once: main copies it from disk, or one streamed upload. */
export const uploadSpeechFile: SpeechFileUpload = window.lectern
  ? createDesktopUpload(window.lectern, api)
  : createHttpUpload({ session });
