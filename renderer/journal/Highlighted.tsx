// Text with the search's matches marked.
import { Mark } from '@mantine/core';
import type { Segment } from '../../shared/journal/highlight';

export function Highlighted({ segments }: { segments: Segment[] }) {
  return segments.map((segment, i) =>
    segment.match ? (
      <Mark key={i} color="yellow">
        {segment.text}
      </Mark>
    ) : (
      <span key={i}>{segment.text}</span>
    ),
  );
}
