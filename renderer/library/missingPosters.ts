// Gives every video speech without a poster frame one (imports, camera recordings, recovered ones alike):
// one at a time, in the background, each tried once a session, so a file whose picture the browser
// cannot decode (HEVC here) stays without a poster instead of being tried again at every reload.
import { speechAudioPath, type Speech } from '../../shared/domain/speech';
import { api, mediaUrl } from '../api/api';
import { drawPosterFrame } from './posterFrame';

const tried = new Set<string>();
let queue: Promise<void> = Promise.resolve();

export function drawMissingPosters(speeches: readonly Speech[]): void {
  for (const speech of speeches) {
    if (!speech.video || speech.video.poster || tried.has(speech.id)) continue;
    tried.add(speech.id);
    queue = queue.then(() => keepPoster(speech));
  }
}

async function keepPoster(speech: Speech): Promise<void> {
  try {
    const jpeg = await drawPosterFrame(mediaUrl(speechAudioPath(speech.id)));
    await api.call('speeches.savePoster', {
      speechId: speech.id,
      jpeg: new Uint8Array(await jpeg.arrayBuffer()),
    });
  } catch (error) {
    // The row keeps its placeholder; the speech plays (or its sound does) as before.
    console.warn(`[lectern] no poster frame for speech ${speech.id}:`, error);
  }
}
