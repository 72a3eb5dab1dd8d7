// The camera's live picture while a video recording runs, mirrored as a mirror would show the speaker
// (only here: the recording keeps the camera's own view). Before that, a word on when the camera opens.
import { AspectRatio, Center, Paper, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';

interface Props {
  stream: MediaStream | undefined;
  label: string;
  idleText: string;
}

export function CameraPreview({ stream, label, idleText }: Props) {
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream ?? null;
  }, [stream]);

  return (
    <Paper radius="lg" withBorder style={{ overflow: 'hidden', background: '#111' }}>
      <AspectRatio ratio={16 / 9}>
        {stream ? (
          <video
            ref={video}
            muted
            autoPlay
            playsInline
            aria-label={label}
            data-testid="camera-preview"
            style={{ objectFit: 'contain', transform: 'scaleX(-1)' }}
          />
        ) : (
          <Center p="md">
            <Text size="sm" ta="center" c="#e9ecef">
              {idleText}
            </Text>
          </Center>
        )}
      </AspectRatio>
    </Paper>
  );
}
