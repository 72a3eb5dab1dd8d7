// The scrolling waveform while recording, drawn on a canvas from the peaks the worklet sends.
import { useEffect, useRef } from 'react';
import { liveWaveform } from './recordStore';

export function LiveWaveform({ active, label }: { active: boolean; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!active) return;
    let frame = 0;
    const draw = () => {
      const element = canvas.current;
      const context = element?.getContext('2d');
      if (element && context) {
        const { width, height } = element;
        const color = getComputedStyle(element).color;
        context.clearRect(0, 0, width, height);
        context.fillStyle = color;
        const pixels = liveWaveform.length / 2;
        const start = Math.max(0, pixels - width);
        for (let x = 0; x < Math.min(width, pixels); x++) {
          const min = liveWaveform.pairs[2 * (start + x)]! / 127;
          const max = liveWaveform.pairs[2 * (start + x) + 1]! / 127;
          const top = height / 2 - (max * height) / 2;
          context.fillRect(x, top, 1, Math.max(1, ((max - min) * height) / 2));
        }
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [active]);

  return (
    <canvas
      ref={canvas}
      width={1000}
      height={96}
      role="img"
      aria-label={label}
      style={{ width: '100%', height: 96, color: 'var(--mantine-primary-color-filled)' }}
    />
  );
}
