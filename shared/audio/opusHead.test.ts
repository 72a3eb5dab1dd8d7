import { describe, expect, it } from 'vitest';
import { opusDecoderOptions } from './opusHead';

/** An OpusHead as RFC 7845 §5.1 lays it out. */
function opusHead(channels: number, preSkip: number, family = 0, mapping: number[] = []): Uint8Array {
  const head = new Uint8Array(19 + (family === 0 ? 0 : 2 + channels));
  head.set(new TextEncoder().encode('OpusHead'));
  const view = new DataView(head.buffer);
  view.setUint8(8, 1);
  view.setUint8(9, channels);
  view.setUint16(10, preSkip, true);
  view.setUint32(12, 48_000, true);
  view.setUint8(18, family);
  if (family !== 0) head.set([mapping.length > 2 ? 2 : 1, 1, ...mapping], 19);
  return head;
}

describe('opusDecoderOptions', () => {
  it('reads channels and pre-skip of a mono or stereo stream', () => {
    expect(opusDecoderOptions(opusHead(1, 312), 2)).toEqual({ channels: 1, preSkip: 312 });
    expect(opusDecoderOptions(opusHead(2, 3840), 1)).toEqual({ channels: 2, preSkip: 3840 });
  });

  it('reads the stream counts and mapping table of a surround stream', () => {
    expect(opusDecoderOptions(opusHead(3, 312, 1, [0, 2, 1]), 3)).toEqual({
      channels: 3,
      preSkip: 312,
      streamCount: 2,
      coupledStreamCount: 1,
      channelMappingTable: [0, 2, 1],
    });
  });

  it('falls back to the track channel count when the head is missing or cut short', () => {
    expect(opusDecoderOptions(undefined, 2)).toEqual({ channels: 2, preSkip: 0 });
    expect(opusDecoderOptions(opusHead(1, 312).subarray(0, 12), 1)).toEqual({ channels: 1, preSkip: 0 });
  });
});
