// How far a WebM that may be cut anywhere (MediaRecorder's, as it is written) reaches: the end of its
// last whole block, for the recording benchmarks (recordingRun.ts). Not a benchmark itself.
/**
 * The end (ms from the recording's start) of the last whole block in a WebM that may be cut anywhere, as
 * MediaRecorder's is: EBML walked by hand, clusters of unknown size included.
 */
export function lastBlockMs(bytes: Uint8Array): number {
  const ids = {
    segment: 0x18538067,
    cluster: 0x1f43b675,
    timecode: 0xe7,
    simpleBlock: 0xa3,
    blockGroup: 0xa0,
    block: 0xa1,
  };
  const info = { scale: 0x2ad7b1, info: 0x1549a966 };
  let scaleMs = 1;
  let clusterTime = 0;
  let last = 0;
  const vint = (
    at: number,
    keepMarker: boolean,
  ): { value: number; length: number; unknown: boolean } | undefined => {
    const first = bytes[at];
    if (first === undefined || first === 0) return undefined;
    const length = Math.clz32(first) - 23;
    if (at + length > bytes.length) return undefined;
    let value = keepMarker ? first : first & (0xff >> length);
    let allOnes = value === 0xff >> length;
    for (let i = 1; i < length; i++) {
      value = value * 256 + bytes[at + i]!;
      if (bytes[at + i] !== 0xff) allOnes = false;
    }
    return { value, length, unknown: !keepMarker && allOnes };
  };
  const walk = (from: number, to: number): void => {
    let at = from;
    while (at < to) {
      const id = vint(at, true);
      const size = id && vint(at + id.length, false);
      if (!id || !size) return;
      const body = at + id.length + size.length;
      const end = size.unknown ? to : body + size.value;
      if (
        id.value === ids.segment ||
        id.value === ids.cluster ||
        id.value === ids.blockGroup ||
        id.value === info.info
      ) {
        // Containers: descend. A cluster of unknown size ends where the next cluster begins.
        if (id.value === ids.cluster && size.unknown) {
          walk(body, to);
          return;
        }
        walk(body, Math.min(end, to));
      } else if (end > bytes.length) {
        return; // cut off mid-element: what follows is not on disk yet
      } else if (id.value === info.scale) {
        scaleMs = readUint(body, size.value) / 1e6;
      } else if (id.value === ids.timecode) {
        clusterTime = readUint(body, size.value);
      } else if (id.value === ids.simpleBlock || id.value === ids.block) {
        const track = vint(body, false);
        if (track) {
          const relative = ((bytes[body + track.length]! << 24) >> 16) | bytes[body + track.length + 1]!;
          last = Math.max(last, (clusterTime + relative) * scaleMs + 20); // an Opus frame is 20 ms
        }
      }
      at = end;
    }
  };
  const readUint = (at: number, length: number): number => {
    let value = 0;
    for (let i = 0; i < length; i++) value = value * 256 + bytes[at + i]!;
    return value;
  };
  walk(0, bytes.length);
  return last;
}
