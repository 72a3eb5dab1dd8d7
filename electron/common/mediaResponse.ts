// Serves a media file with HTTP Range support (206, Content-Range, 416), for both hosts: players seek
// by asking for byte ranges, and a response that ignores Range makes seeking re-read from the start.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';

export type ByteRange = { start: number; end: number };

/** Parses a single-range `Range` header; `undefined` means "send it all", `'unsatisfiable'` means 416. */
export function parseRange(
  header: string | undefined | null,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

export interface MediaResponse {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Readable | undefined;
}

export async function mediaResponse(
  path: string,
  contentType: string,
  rangeHeader: string | undefined | null,
): Promise<MediaResponse> {
  const { size } = await stat(path);
  const range = parseRange(rangeHeader, size);
  const common = { 'Accept-Ranges': 'bytes', 'Content-Type': contentType, 'Cache-Control': 'no-cache' };
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` }, body: undefined };
  }
  if (!range) {
    return {
      status: 200,
      headers: { ...common, 'Content-Length': String(size) },
      body: createReadStream(path),
    };
  }
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
    body: createReadStream(path, { start: range.start, end: range.end }),
  };
}

/** Maps app URLs under /media/ to files; the speech store answers /media/speeches/<id>/audio. */
export type MediaResolver = (urlPath: string) => Promise<{ path: string; mimeType: string } | undefined>;
