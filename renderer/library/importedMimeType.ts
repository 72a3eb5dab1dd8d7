// What an imported file is kept as, from its container and the tracks found in it: a phone's MP4 or
// MOV with a picture is a video speech, the same with sound alone an audio one. Pure, so the choice
// is tested without a browser.
import {
  ADTS,
  FLAC,
  MATROSKA,
  MP3,
  MP4,
  OGG,
  QTFF,
  WAVE,
  WEBM,
  WebMOutputFormat,
  type AudioCodec,
  type InputFormat,
  type VideoCodec,
} from 'mediabunny';
import { LecternError } from '../../shared/api/errors';
import type { MediaMimeType } from '../../shared/domain/speech';

export interface FoundTracks {
  /** The picture's codec; null when the file has no picture mediabunny can name (a cover image is none). */
  video: VideoCodec | null;
  /** The sound track, if any, with its codec (null: one nobody here can decode). */
  audio: { codec: AudioCodec | null } | null;
}

interface Container {
  formats: readonly InputFormat[];
  audio: MediaMimeType;
  /** Absent: the container holds sound only here. */
  video?: MediaMimeType;
  /** Codecs main can keep without re-encoding (it has none): a WebM is remuxed when it finishes. */
  keeps?: readonly string[];
}

const webm = new WebMOutputFormat();

const containers: readonly Container[] = [
  // A MOV is ISO media like an MP4, kept as-is: Chromium plays it as video/mp4.
  { formats: [MP4, QTFF], audio: 'audio/mp4', video: 'video/mp4' },
  {
    formats: [WEBM, MATROSKA],
    audio: 'audio/webm',
    video: 'video/webm',
    keeps: [...webm.getSupportedAudioCodecs(), ...webm.getSupportedVideoCodecs()],
  },
  { formats: [MP3], audio: 'audio/mpeg' },
  { formats: [OGG], audio: 'audio/ogg' },
  { formats: [WAVE], audio: 'audio/wav' },
  { formats: [ADTS], audio: 'audio/aac' },
  { formats: [FLAC], audio: 'audio/flac' },
];

/** The MIME type the import is kept under; a LecternError with the reason the member reads otherwise. */
export function importedMimeType(format: InputFormat, tracks: FoundTracks): MediaMimeType {
  const unreadable = new LecternError('invalid_input', 'errors.unreadableAudio');
  const container = containers.find((each) => each.formats.includes(format));
  if (!container) throw unreadable;
  const video = container.video ? tracks.video : null;
  if (video && !tracks.audio) throw new LecternError('invalid_input', 'errors.videoWithoutSound');
  const audio = tracks.audio?.codec;
  if (!audio) throw unreadable;
  if (container.keeps && ![audio, video].every((codec) => !codec || container.keeps!.includes(codec)))
    throw unreadable;
  return video ? container.video! : container.audio;
}
