// The speech page: the library's player for one of the member's own speeches, with its delivery
// metrics beside it (a click on a pause there, or on its mark on the waveform, plays from it). The
// metrics come once the waveform (and a video's first frame) is on screen: their panel, and an hour's
// analysis when none is stored yet, would otherwise hold back the first paint.
import { useCallback, useMemo, useState } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import { isVideo, speechAudioPath, speechPosterPath, type Speech } from '../../shared/domain/speech';
import { OwnSpeechMetrics } from '../metrics/OwnSpeechMetrics';
import { useAfterPaint } from '../shell/useAfterPaint';
import { loadSpeechPeaks } from './loadSpeechPeaks';
import { usePictureShown } from './usePictureShown';
import { SpeechPlayer } from './SpeechPlayer';
import type { PlayerVideo } from './VideoPicture';

export function LibrarySpeechPlayer({
  speech,
  autoPlay,
  onClose,
}: {
  speech: Speech;
  autoPlay: boolean;
  onClose(): void;
}) {
  const [ws, setWs] = useState<WaveSurfer | null>(null);
  const seek = useCallback((ms: number) => ws?.setTime(ms / 1000), [ws]);
  // After the waveform (and a video's first frame) is on screen: the panel's first render is a long task.
  const pictureShown = usePictureShown(ws, isVideo(speech.mimeType));
  const waveformShown = useAfterPaint(ws !== null && pictureShown);
  const video = useMemo<PlayerVideo | undefined>(
    () =>
      isVideo(speech.mimeType)
        ? {
            width: speech.video?.width,
            height: speech.video?.height,
            posterPath: speech.video?.poster ? speechPosterPath(speech.id) : undefined,
          }
        : undefined,
    [speech.id, speech.mimeType, speech.video],
  );
  return (
    <SpeechPlayer
      autoPlay={autoPlay}
      title={speech.title}
      durationMs={speech.durationMs}
      audioPath={speechAudioPath(speech.id)}
      loadPeaks={() => loadSpeechPeaks(speech.id)}
      video={video}
      onClose={onClose}
      onReady={setWs}
    >
      {waveformShown ? <OwnSpeechMetrics speech={speech} ws={ws} onSeek={seek} /> : null}
    </SpeechPlayer>
  );
}
