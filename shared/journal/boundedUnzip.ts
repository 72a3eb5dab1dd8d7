// Reads a zip's entries with bounded memory, whatever its headers claim. The central directory
// (counts, declared sizes) is read first so callers can refuse an archive before inflating anything;
// an entry is then inflated into a buffer of its declared size and stopped the moment it yields more.
// Only the directory and the entries asked for are ever read. Limits: docs/architecture.md.
import { Inflate, strFromU8 } from 'fflate';

/** Random access to an archive's bytes (a Blob in the worker, a Uint8Array in tests). */
export interface ArchiveSource {
  readonly name: string;
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(name: string, bytes: Uint8Array): ArchiveSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
  };
}

/**
 * Serves reads from one window of `windowBytes` read ahead, for reading entries in file order: one
 * read of a Blob costs far more than copying, so 10,000 small entries must not cost 20,000 reads.
 */
export function readAhead(source: ArchiveSource, windowBytes: number): ArchiveSource {
  let start = 0;
  let window: Uint8Array = new Uint8Array(0);
  return {
    name: source.name,
    size: source.size,
    async read(offset, length) {
      if (offset < start || offset + length > start + window.length) {
        start = offset;
        window = await source.read(offset, Math.min(Math.max(length, windowBytes), source.size - offset));
      }
      return window.subarray(offset - start, offset - start + length);
    },
  };
}

export interface ZipRecord {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  /** The inflated size the directory declares: a claim, checked while inflating. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

export type DirectoryRead =
  | { ok: true; records: ZipRecord[] }
  | { ok: false; problem: 'badZip' }
  | { ok: false; problem: 'tooManyRecords'; count: number };

/** Why an entry was not read: it holds more than declared, is damaged, or is encrypted / not deflate. */
export type EntryProblem = 'lies' | 'damaged' | 'unsupported';
export type EntryRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: EntryProblem };

const max32 = 0xffffffff;
const endSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const directorySignature = 0x02014b50;
const localSignature = 0x04034b50;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
/** Exact below 2^53; anything larger is far beyond every limit anyway. */
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** Reads the central directory: at most `maxRecords` records and `maxBytes` of directory. */
export async function readDirectory(
  source: ArchiveSource,
  maxRecords: number,
  maxBytes: number,
): Promise<DirectoryRead> {
  const end = await findEnd(source);
  if (!end) return { ok: false, problem: 'badZip' };
  if (end.count > maxRecords) return { ok: false, problem: 'tooManyRecords', count: end.count };
  if (end.size > maxBytes || end.offset + end.size > source.size) return { ok: false, problem: 'badZip' };
  const directory = await source.read(end.offset, end.size);
  const records: ZipRecord[] = [];
  let at = 0;
  for (let n = 0; n < end.count; n++) {
    if (at + 46 > directory.length || u32(directory, at) !== directorySignature)
      return { ok: false, problem: 'badZip' };
    const flags = u16(directory, at + 8);
    const nameEnd = at + 46 + u16(directory, at + 28);
    const extraEnd = nameEnd + u16(directory, at + 30);
    const next = extraEnd + u16(directory, at + 32);
    if (next > directory.length) return { ok: false, problem: 'badZip' };
    const record: ZipRecord = {
      // Names are UTF-8 when the writer says so (bit 11), else the old DOS code page: as fflate reads them.
      name: strFromU8(directory.subarray(at + 46, nameEnd), !(flags & 0x800)),
      flags,
      method: u16(directory, at + 10),
      crc: u32(directory, at + 16),
      compressedSize: u32(directory, at + 20),
      size: u32(directory, at + 24),
      offset: u32(directory, at + 42),
    };
    if (!readZip64Extra(record, directory.subarray(nameEnd, extraEnd)))
      return { ok: false, problem: 'badZip' };
    records.push(record);
    at = next;
  }
  return { ok: true, records };
}

/** Sizes and offsets too big for 32 bits sit in the zip64 extra field, in this order. */
function readZip64Extra(record: ZipRecord, extra: Uint8Array): boolean {
  const wide = (['size', 'compressedSize', 'offset'] as const).filter((field) => record[field] === max32);
  if (wide.length === 0) return true;
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== 0x0001) continue;
    if (at + 4 + 8 * wide.length > extra.length) return false;
    wide.forEach((field, i) => (record[field] = u64(extra, at + 4 + 8 * i)));
    return true;
  }
  return false;
}

async function findEnd(
  source: ArchiveSource,
): Promise<{ count: number; size: number; offset: number } | null> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) !== endSignature || at + 22 + u16(tail, at + 20) > tail.length) continue;
    const end = { count: u16(tail, at + 10), size: u32(tail, at + 12), offset: u32(tail, at + 16) };
    if (end.count !== 0xffff && end.size !== max32 && end.offset !== max32) return end;
    const locatorAt = tailStart + at - 20;
    if (locatorAt < 0) return null;
    const locator = await source.read(locatorAt, 20);
    if (u32(locator, 0) !== zip64LocatorSignature) return null;
    const zip64At = u64(locator, 8);
    if (zip64At + 56 > source.size) return null;
    const zip64 = await source.read(zip64At, 56);
    if (u32(zip64, 0) !== zip64EndSignature) return null;
    return { count: u64(zip64, 32), size: u64(zip64, 40), offset: u64(zip64, 48) };
  }
  return null;
}

/** Deflate never grows data by more than this (stored blocks cost 5 bytes per 64 KiB). */
const deflatedBound = (size: number) => size + Math.ceil(size / 1000) + 1024;

/**
 * Reads one entry. The caller has already checked `record.size` against its limits; this makes the
 * entry keep to it: the output buffer has exactly that size and inflating stops as soon as it would
 * overflow. A stored entry, or a deflated one whose compressed size could not fit that claim, lies too.
 */
export async function readEntry(source: ArchiveSource, record: ZipRecord): Promise<EntryRead> {
  if (record.flags & 1 || (record.method !== 0 && record.method !== 8))
    return { ok: false, problem: 'unsupported' };
  const most = record.method === 0 ? record.size : deflatedBound(record.size);
  if (record.compressedSize > most) return { ok: false, problem: 'lies' };
  if (record.offset + 30 > source.size) return { ok: false, problem: 'damaged' };
  const header = await source.read(record.offset, 30);
  if (u32(header, 0) !== localSignature) return { ok: false, problem: 'damaged' };
  const start = record.offset + 30 + u16(header, 26) + u16(header, 28);
  if (start + record.compressedSize > source.size) return { ok: false, problem: 'damaged' };
  const data = await source.read(start, record.compressedSize);
  const read =
    record.method === 0
      ? data.length === record.size
        ? ({ ok: true, bytes: data } as const)
        : ({ ok: false, problem: 'damaged' } as const)
      : inflateBounded(data, record.size);
  if (read.ok && crc32(read.bytes) !== record.crc) return { ok: false, problem: 'damaged' };
  return read;
}

/** Compressed bytes per push: one push inflates to at most ~1032 times this (deflate's best ratio). */
const pushBytes = 4096;

/** Inflates raw deflate data that must come to exactly `size` bytes; stops as soon as it would exceed it. */
export function inflateBounded(data: Uint8Array, size: number): EntryRead {
  const out = new Uint8Array(size);
  let written = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over || written + chunk.length > size) return void (over = true);
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && !over; at += pushBytes)
      inflater.push(data.subarray(at, at + pushBytes), at + pushBytes >= data.length);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (over) return { ok: false, problem: 'lies' };
  if (data.length === 0 || written !== size) return { ok: false, problem: 'damaged' };
  return { ok: true, bytes: out };
}

let crcTable: Uint32Array | null = null;

/** The zip's CRC-32 (polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
