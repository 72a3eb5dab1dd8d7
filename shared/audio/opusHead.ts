// What an Opus decoder needs from the track's OpusHead (RFC 7845 §5.1): channels, pre-skip and the
// channel mapping. Read where Opus packets are decoded outside the browser (the CLI's wasm decoders).

export interface OpusDecoderOptions {
  channels: number;
  /** Samples (at 48 kHz) at the stream's start that are the decoder's priming, not the recording. */
  preSkip: number;
  /** Mapping family 1+ only (more than two channels); family 0 leaves them to the decoder. */
  streamCount?: number;
  coupledStreamCount?: number;
  channelMappingTable?: number[];
}

/** The options from `head` (the track's codec private data), or from the channel count when it has none. */
export function opusDecoderOptions(head: Uint8Array | undefined, channels: number): OpusDecoderOptions {
  const view = head && head.length >= 19 ? new DataView(head.buffer, head.byteOffset, head.length) : null;
  if (!view) return { channels, preSkip: 0 };
  const count = view.getUint8(9);
  const family = view.getUint8(18);
  const mapping =
    family !== 0 && head!.length >= 21 + count
      ? {
          streamCount: view.getUint8(19),
          coupledStreamCount: view.getUint8(20),
          channelMappingTable: Array.from(head!.subarray(21, 21 + count)),
        }
      : {};
  return { channels: count, ...mapping, preSkip: view.getUint16(10, true) };
}
