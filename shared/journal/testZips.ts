// Hostile zips for tests (unit and end-to-end): entries whose headers lie about their size, and
// deflate streams that inflate to gigabytes from a few kilobytes, built in memory.
import { Deflate, strFromU8, strToU8 } from 'fflate';
import { crc32 } from './boundedUnzip';

export interface RawZipEntry {
  name: string;
  /** The bytes as stored: raw deflate for method 8, the content itself for method 0. */
  data: Uint8Array;
  method: 0 | 8;
  /** The inflated size the headers declare (true or not). */
  size: number;
  crc: number;
  /** Writes the sizes in the central directory's zip64 extra field, as writers of big archives do. */
  zip64?: boolean;
}

/**
 * A zip written field by field, so the headers say exactly what the test wants; `reversed` lists
 * the directory backwards (last entry first), as nothing forbids.
 */
export function rawZip(entries: readonly RawZipEntry[], { reversed = false } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new Uint8Array(30 + name.length);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, 0x800, true);
    view.setUint16(8, entry.method, true);
    view.setUint32(14, entry.crc, true);
    view.setUint32(18, entry.data.length, true);
    view.setUint32(22, entry.size, true);
    view.setUint16(26, name.length, true);
    local.set(name, 30);
    const extra = entry.zip64 ? 20 : 0;
    const central = new Uint8Array(46 + name.length + extra);
    const cview = new DataView(central.buffer);
    cview.setUint32(0, 0x02014b50, true);
    cview.setUint16(4, 20, true);
    cview.setUint16(6, 20, true);
    cview.setUint16(8, 0x800, true);
    cview.setUint16(10, entry.method, true);
    cview.setUint32(16, entry.crc, true);
    cview.setUint32(20, entry.zip64 ? 0xffffffff : entry.data.length, true);
    cview.setUint32(24, entry.zip64 ? 0xffffffff : entry.size, true);
    cview.setUint16(28, name.length, true);
    cview.setUint16(30, extra, true);
    cview.setUint32(42, offset, true);
    central.set(name, 46);
    if (entry.zip64) {
      const at = 46 + name.length;
      cview.setUint16(at, 0x0001, true);
      cview.setUint16(at + 2, 16, true);
      cview.setBigUint64(at + 4, BigInt(entry.size), true);
      cview.setBigUint64(at + 12, BigInt(entry.data.length), true);
    }
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const eview = new DataView(end.buffer);
  eview.setUint32(0, 0x06054b50, true);
  eview.setUint16(8, entries.length, true);
  eview.setUint16(10, entries.length, true);
  eview.setUint32(12, directorySize, true);
  eview.setUint32(16, offset, true);
  return concat([...locals, ...(reversed ? centrals.reverse() : centrals), end]);
}

/** A stored entry with honest CRC and data whose headers declare `size`. */
export function storedEntry(name: string, data: Uint8Array, size = data.length): RawZipEntry {
  return { name, data, method: 0, size, crc: crc32(data) };
}

/**
 * Raw deflate of `megabytes` MiB of zeros, about 1 KB per MiB: one deflated MiB, flushed to a byte
 * boundary, repeated, then an empty final block. Nothing this size is ever built uncompressed.
 */
export function zerosDeflated(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  deflate.push(new Uint8Array(1024 * 1024));
  deflate.flush(true);
  const segment = concat(parts);
  return concat([...Array.from({ length: megabytes }, () => segment), new Uint8Array([1, 0, 0, 0xff, 0xff])]);
}

/** A zip bomb: one deflated entry that declares `declaredSize` bytes and inflates to `megabytes` MiB. */
export function zipBomb(name: string, megabytes: number, declaredSize: number): Uint8Array {
  return rawZip([{ name, data: zerosDeflated(megabytes), method: 8, size: declaredSize, crc: 0 }]);
}

/** Rewrites the inflated size that the local and central headers of `name` declare (a zip from fflate). */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const patched = zip.slice();
  const view = new DataView(patched.buffer);
  let end = patched.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(at + 28, true);
    const entryName = strFromU8(patched.subarray(at + 46, at + 46 + nameLength));
    if (entryName === name) {
      view.setUint32(at + 24, size, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
      return patched;
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no entry ${name}`);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, (at += part.length) - part.length);
  return out;
}
