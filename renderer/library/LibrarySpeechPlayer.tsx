// The speech page: the library's player for one of the member's own speeches, with its delivery
// metrics beside it (a click on a pause there, or on its mark on the waveform, plays from it).
import { useCallback, useState } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import { speechAudioPath, type Speech } from '../../shared/domain/speech';
import { OwnSpeechMetrics } from '../metrics/OwnSpeechMetrics';
import { loadSpeechPeaks } from './loadSpeechPeaks';
import { SpeechPlayer } from './SpeechPlayer';

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
  return (
    <SpeechPlayer
      autoPlay={autoPlay}
      title={speech.title}
      durationMs={speech.durationMs}
      audioPath={speechAudioPath(speech.id)}
      loadPeaks={() => loadSpeechPeaks(speech.id)}
      onClose={onClose}
      onReady={setWs}
    >
      <OwnSpeechMetrics speech={speech} ws={ws} onSeek={seek} />
    </SpeechPlayer>
  );
}
