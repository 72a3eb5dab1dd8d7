// Whether a WebM already has what finishing adds (finishWebm: a duration and cues), read from its head:
// the EBML header, then the Segment's top-level elements up to the first Cluster. A file made by a
// muxer that finished it (ffmpeg, an editor, a phone) is then kept byte for byte; MediaRecorder's live
// WebM (a Segment of unknown size, no duration, no cues) is not. Anything unexpected answers false,
// and the file is remuxed as before.
import { open, type FileHandle } from 'node:fs/promises';

const ids = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  seekHead: 0x114d9b74,
  seek: 0x4dbb,
  seekId: 0x53ab,
  seekPosition: 0x53ac,
  info: 0x1549a966,
  duration: 0x4489,
  cues: 0x1c53bb6b,
  cluster: 0x1f43b675,
};

/** The head holds the EBML header, SeekHead and Info; an editor may pad them, but not by this much. */
const headBytes = 256 * 1024;

interface Element {
  id: number;
  /** Where the element's data starts and ends (end is null for an unknown size). */
  start: number;
  end: number | null;
}

/** A variable-length integer at `at` (RFC 8794 §4): its value (with the marker bit kept for IDs) and length. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { value: !keepMarker && allOnes ? -1 : value, length };
}

function element(bytes: Uint8Array, at: number): Element | null {
  const id = vint(bytes, at, true);
  const size = id && vint(bytes, at + id.length, false);
  if (!id || !size) return null;
  const start = at + id.length + size.length;
  return { id: id.value, start, end: size.value < 0 ? null : start + size.value };
}

/** The elements in `bytes` from `from` to `to`, up to the first that is cut off or of unknown size. */
function* children(bytes: Uint8Array, from: number, to: number): Generator<Element> {
  for (let at = from; at < to;) {
    const child = element(bytes, at);
    if (!child || child.end === null || child.end > to) return;
    yield child;
    at = child.end;
  }
}

function uint(bytes: Uint8Array, { start, end }: Element): number {
  let value = 0;
  for (let i = start; i < end!; i++) value = value * 256 + bytes[i]!;
  return value;
}

function float(bytes: Uint8Array, { start, end }: Element): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, end! - start);
  if (end! - start === 4) return view.getFloat32(0);
  return end! - start === 8 ? view.getFloat64(0) : 0;
}

/**
 * True when the WebM at `path` states a duration and has cues (in its head, or where its SeekHead
 * points) inside a Segment of known size that the file holds whole. Read straight from disk: reading
 * changes nothing there.
 */
export async function webmIsSeekable(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    return await seekable(handle, (await handle.stat()).size);
  } finally {
    await handle.close();
  }
}

async function seekable(handle: FileHandle, size: number): Promise<boolean> {
  const head = new Uint8Array(Math.min(size, headBytes));
  await handle.read(head, 0, head.length, 0);
  const header = element(head, 0);
  if (header?.id !== ids.ebml || header.end === null) return false;
  const segment = element(head, header.end);
  if (segment?.id !== ids.segment || segment.end === null || segment.end > size) return false;
  let duration = false;
  let cuesAt: number | null = null;
  for (const child of children(head, segment.start, Math.min(segment.end, head.length))) {
    if (child.id === ids.cluster) break;
    if (child.id === ids.cues) cuesAt = child.start;
    if (child.id === ids.info)
      for (const field of children(head, child.start, child.end!))
        if (field.id === ids.duration && float(head, field) > 0) duration = true;
    if (child.id === ids.seekHead)
      for (const seek of children(head, child.start, child.end!)) {
        if (seek.id !== ids.seek) continue;
        const fields = [...children(head, seek.start, seek.end!)];
        const target = fields.find((field) => field.id === ids.seekId);
        const position = fields.find((field) => field.id === ids.seekPosition);
        if (target && position && uint(head, target) === ids.cues)
          cuesAt ??= await cuesElementAt(handle, segment.start + uint(head, position), segment.end);
      }
  }
  return duration && cuesAt !== null;
}

/** `at` itself when a Cues element of non-zero size starts there and ends inside the segment, else null. */
async function cuesElementAt(handle: FileHandle, at: number, segmentEnd: number): Promise<number | null> {
  if (at >= segmentEnd) return null;
  const bytes = new Uint8Array(12);
  const { bytesRead } = await handle.read(bytes, 0, bytes.length, at);
  const cues = element(bytes.subarray(0, bytesRead), 0);
  if (cues?.id !== ids.cues || cues.end === null || cues.end === cues.start) return null;
  return at + cues.end <= segmentEnd ? at : null;
}
