// The delivery metrics of an audio file on disk: decoded a few seconds at a time and fed to the
// shared analysers as it goes, so an hour never sits in memory.
import { SpeechMetricsAnalyser } from '../../../shared/audio/metrics/analyseSpeech';
import type { SpeechMetrics } from '../../../shared/audio/metrics/speechMetrics';
import { AudioFileError, decodeAudioFile } from './decodeAudioFile';

export async function analyseAudioFile(path: string): Promise<SpeechMetrics> {
  let analyser: SpeechMetricsAnalyser | undefined;
  for await (const { samples, sampleRate } of decodeAudioFile(path)) {
    analyser ??= new SpeechMetricsAnalyser(sampleRate);
    if (sampleRate !== analyser.sampleRate)
      throw new AudioFileError('unsupported_codec', `${path} changes its sample rate midway.`);
    analyser.push(samples);
  }
  if (!analyser) throw new AudioFileError('no_audio', `${path} holds no audio.`);
  return analyser.finish();
}
