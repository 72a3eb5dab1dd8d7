// A video speech's poster thumbnail in its library row, or a film icon while it has none (being drawn,
// or a picture this browser cannot decode). Decorative: the row's title names the speech.
import { Center, Image } from '@mantine/core';
import { IconVideo } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { speechPosterPath, type Speech } from '../../shared/domain/speech';
import { mediaUrl } from '../api/api';

/** 16:9 at the height of a row's title and details line, so a video row is no taller than an audio one. */
const size = { w: 96, h: 54 };

export function SpeechPoster({ speech }: { speech: Speech }) {
  const hasPoster = speech.video?.poster === true;
  // Signed once: a new signature at every render would make the browser fetch the image again.
  const src = useMemo(
    () => (hasPoster ? mediaUrl(speechPosterPath(speech.id)) : undefined),
    [speech.id, hasPoster],
  );
  const [broken, setBroken] = useState<string>();
  if (src && broken !== src) {
    return (
      <Image
        src={src}
        alt=""
        {...size}
        fit="cover"
        radius="sm"
        style={{ flex: 'none' }}
        onError={() => setBroken(src)}
        data-testid="speech-poster"
      />
    );
  }
  return (
    <Center
      {...size}
      bdrs="sm"
      style={{
        flex: 'none',
        background: 'light-dark(var(--mantine-color-gray-1), var(--mantine-color-dark-5))',
      }}
      c="dimmed"
      data-testid="speech-poster-placeholder"
    >
      <IconVideo size={22} aria-hidden />
    </Center>
  );
}
