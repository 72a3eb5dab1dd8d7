// Draws a video speech's poster frame: main has no codecs, so the browser decodes one frame of the
// file in an off-screen <video>, a moment in (the very first frame is often black or a blink), at most
// 320 px wide, as a JPEG small enough to keep beside the speech.

/** Widest poster kept: a library row shows it far smaller, and 320 px stays sharp on a 2x screen. */
export const posterMaxWidth = 320;
/** A file that neither loads nor fails by then is given up on (a stalled host, an odd file). */
const givesUpAfterMs = 20_000;

/** Where the poster is taken: one second in, or a tenth of the way through a shorter video. */
export function posterMoment(durationSeconds: number): number {
  return Number.isFinite(durationSeconds) && durationSeconds > 0 ? Math.min(1, durationSeconds / 10) : 0;
}

/** The poster frame of the video at `url` as a JPEG; rejects when the browser cannot show its picture. */
export async function drawPosterFrame(url: string): Promise<Blob> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  try {
    video.src = url;
    await settles(video, 'loadeddata');
    // Chromium plays an HEVC file's sound and reports no picture: nothing to draw.
    if (video.videoWidth < 1 || video.videoHeight < 1) throw new Error('the browser shows no picture for it');
    const moment = posterMoment(video.duration);
    if (moment > 0) {
      video.currentTime = moment;
      await settles(video, 'seeked');
    }
    const width = Math.min(posterMaxWidth, video.videoWidth);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = Math.max(1, Math.round((width * video.videoHeight) / video.videoWidth));
    canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no JPEG'))), 'image/jpeg', 0.8),
    );
  } finally {
    // Lets the element go without holding the file open.
    video.removeAttribute('src');
    video.load();
  }
}

function settles(video: HTMLVideoElement, event: 'loadeddata' | 'seeked'): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no ${event} in ${givesUpAfterMs} ms`)), givesUpAfterMs);
    const ok = () => done();
    const failed = () => done(new Error(video.error?.message || `media error ${video.error?.code}`));
    function done(error?: Error) {
      clearTimeout(timer);
      video.removeEventListener(event, ok);
      video.removeEventListener('error', failed);
      if (error) reject(error);
      else resolve();
    }
    video.addEventListener(event, ok);
    video.addEventListener('error', failed);
  });
}
