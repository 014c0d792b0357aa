/**
 * Just enough ZIP reading for Office files (DOCX/XLSX are ZIP containers): list the entries and read one,
 * with a cap on inflated size so a crafted archive (zip bomb) cannot exhaust memory. ZIP64 is not supported;
 * Office documents within our size limits never need it.
 */
import { inflateRawSync } from 'node:zlib';

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** The most an entry may inflate to (an XLSX sheet of a large 名单 is a few MiB). */
export const MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024;

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** The entries of a ZIP archive, from its central directory; throws ZipFormatError if it is not a readable ZIP. */
export function listZipEntries(buf: Uint8Array): ZipEntry[] {
  const dv = view(buf);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || dv.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new ZipFormatError('bad central directory');
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    if (at + 46 + nameLength > buf.length) throw new ZipFormatError('truncated central directory');
    entries.push({
      name: names.decode(buf.subarray(at + 46, at + 46 + nameLength)),
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      size: dv.getUint32(at + 24, true),
      localHeaderOffset: dv.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed bytes of one entry (stored or deflated). */
export function readZipEntry(buf: Uint8Array, entry: ZipEntry): Buffer {
  const dv = view(buf);
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || dv.getUint32(at, true) !== LOCAL_SIGNATURE) throw new ZipFormatError('bad local header');
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError('truncated entry');
  if (entry.size > MAX_ZIP_ENTRY_BYTES) throw new ZipFormatError('entry too large');
  const data = buf.subarray(start, end);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) {
    try {
      return inflateRawSync(data, { maxOutputLength: MAX_ZIP_ENTRY_BYTES });
    } catch {
      throw new ZipFormatError('corrupt deflate data');
    }
  }
  throw new ZipFormatError(`unsupported compression method ${entry.method}`);
}
