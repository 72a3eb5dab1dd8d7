// When a media element has asked for its file: its `loadstart`, which Chromium fires once the first
// request is out. A video speech waits for it before asking for its peaks, so the host answers the
// picture first: reading an hour's peaks kept the host from answering the picture for up to 40 ms.
/** Resolves at the element's `loadstart`, or after `waitMs` whatever happens (a source that never loads). */
export function mediaRequested(media: HTMLMediaElement, waitMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      media.removeEventListener('loadstart', done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    media.addEventListener('loadstart', done);
  });
}
