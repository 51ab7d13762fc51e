import { createInflateRaw } from 'node:zlib';
import { AppError, invalid } from './errors.js';

/**
 * Sizes a zip (xlsx, docx) before anything parses it: a 414 KB workbook may hold a 400 MB sheet (deflate packs a
 * repeated cell about 1000:1), and exceljs would build all of it in memory. First the central directory's declared
 * sizes (no inflating at all), then every entry inflated as a stream and counted, output thrown away, stopping at the
 * limit, so a directory that lies about its sizes is caught too. Sheet cells are counted on the way
 * (`<c …>` elements of xl/worksheets/*.xml), which is what exceljs turns into objects.
 */

export interface ZipLimits {
  /** The most bytes all entries together may inflate to. */
  maxUncompressedBytes: number;
  /** The most worksheet cells (xlsx); Infinity where cells do not matter (docx). */
  maxCells: number;
}

export interface ZipEntry { name: string; method: number; compressedSize: number; uncompressedSize: number; dataStart: number }

/** More entries than any workbook or document a secretary makes (a 30-sheet workbook has well under 200). */
const MAX_ENTRIES = 5000;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

const NOT_ZIP = '文件不是有效的 Office 文件(.xlsx/.docx),请在Excel、Word或WPS中另存后再上传';
const notZip = () => invalid('file', NOT_ZIP);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** A zip over a limit (400, field `file`, the limit named), as distinct from a file that is no zip at all. */
export class ZipLimitRefusal extends AppError {
  constructor(message: string) {
    super('VALIDATION', message, [{ path: 'file', message }]);
  }
}
export const tooLarge = (limit: number) =>
  new ZipLimitRefusal(`文件解压后超过 ${mb(limit)} MB(上限 ${mb(limit)} MB),请删除多余的工作表、图片或拆分后再上传`);
export const tooManyCells = (limit: number) =>
  new ZipLimitRefusal(`表格单元格超过 ${limit} 个(上限 ${limit} 个),请删除多余的行列或拆分后再导入`);

/** The entries of the central directory; refuses what is not a plain zip (zip64, split archives, bad offsets). */
export function centralDirectory(data: Buffer): ZipEntry[] {
  const eocd = findEndRecord(data);
  const count = data.readUInt16LE(eocd + 10);
  const size = data.readUInt32LE(eocd + 12);
  const offset = data.readUInt32LE(eocd + 16);
  if (data.readUInt16LE(eocd + 4) !== 0 || count === 0xffff || offset === ZIP64_MARK || offset + size > eocd) throw notZip();
  if (count > MAX_ENTRIES) throw new ZipLimitRefusal(`压缩包内文件超过 ${MAX_ENTRIES} 个(上限),不是正常的 Office 文件`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) throw notZip();
    const nameLength = data.readUInt16LE(at + 28);
    const entry = {
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      uncompressedSize: data.readUInt32LE(at + 24),
      dataStart: localDataStart(data, data.readUInt32LE(at + 42)),
    };
    // A zip64 size (over 4 GB) is over any limit; Excel and WPS write plain zips below that.
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK) throw notZip();
    if (entry.dataStart + entry.compressedSize > data.length || (entry.method !== 0 && entry.method !== 8)) throw notZip();
    entries.push(entry);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

function findEndRecord(data: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD) return at;
  }
  throw notZip();
}

function localDataStart(data: Buffer, offset: number): number {
  if (offset + 30 > data.length || data.readUInt32LE(offset) !== LOCAL) throw notZip();
  return offset + 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28);
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A cell element, with or without a namespace prefix; `<col`, `<cols>` and `<cfRule` do not match. */
const CELL = /<(?:[A-Za-z]\w*:)?c[\s/>]/g;

/** Counts cells across chunk boundaries: a match is counted once, when the chunk that completes it arrives. */
export function cellCounter() {
  let carry = '';
  let cells = 0;
  return {
    add(chunk: Buffer) {
      const text = carry + chunk.toString('latin1');
      for (const m of text.matchAll(CELL)) if (m.index + m[0].length > carry.length) cells++;
      carry = text.slice(-32);
      return cells;
    },
  };
}

/** Inflates one entry as a stream, calling `onChunk` per piece; `onChunk` returning false stops it early. */
function streamEntry(data: Buffer, entry: ZipEntry, onChunk: (chunk: Buffer) => boolean): Promise<void> {
  const compressed = data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    onChunk(compressed);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      if (!onChunk(chunk)) {
        inflate.destroy();
        resolve();
      }
    });
    inflate.on('end', resolve);
    inflate.on('close', resolve);
    inflate.on('error', () => reject(notZip()));
    inflate.end(compressed);
  });
}

/**
 * Refuses (400, field `file`, the limit named) a zip whose entries inflate to more than the limits allow. The
 * declared sizes are checked first, so the usual bomb is refused without inflating a byte.
 */
export async function assertZipWithinLimits(data: Buffer, limits: ZipLimits): Promise<ZipEntry[]> {
  const entries = centralDirectory(data);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) throw tooLarge(limits.maxUncompressedBytes);
  let bytes = 0;
  let cells = 0;
  let over: 'size' | 'cells' | undefined;
  for (const entry of entries) {
    const counter = SHEET.test(entry.name) && Number.isFinite(limits.maxCells) ? cellCounter() : undefined;
    const before = cells;
    await streamEntry(data, entry, (chunk) => {
      bytes += chunk.length;
      if (counter) cells = before + counter.add(chunk);
      if (bytes > limits.maxUncompressedBytes) over = 'size';
      else if (cells > limits.maxCells) over = 'cells';
      return !over;
    });
    if (over === 'size') throw tooLarge(limits.maxUncompressedBytes);
    if (over === 'cells') throw tooManyCells(limits.maxCells);
  }
  return entries;
}
