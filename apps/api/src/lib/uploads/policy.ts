import {
  UPLOAD_DEFAULT_MAX_MB, UPLOAD_DEFAULT_MAX_MEGAPIXELS, UPLOAD_KIND_INFO, UPLOAD_MESSAGES, UPLOAD_PURPOSE_INFO, type UploadKind, type UploadPurpose,
} from '@dj/contracts';
import { AppError, invalid } from '../errors.js';
import { loadSharp } from '../photos/native.js';
import { centralDirectory } from '../zip-limits.js';

/**
 * The one upload policy (issue 12 point 5): every upload route checks its file here, by content, against the kinds
 * its purpose takes (packages/contracts/src/uploads.ts), the size limit and, for pictures, the pixel limit, read from
 * the image header without decoding a pixel. A 30000×30000 PNG of a few hundred bytes is thus refused as a photo and
 * as an activity material, a 四议两公开 stage file or a recruitment record file alike.
 */

export interface UploadLimits {
  /** The most bytes one uploaded file may have (UPLOAD_MAX_MB). */
  maxBytes: number;
  /** The most pixels (width × height) an uploaded picture may have (UPLOAD_MAX_MEGAPIXELS). */
  maxPixels: number;
}

const MB = 1024 * 1024;
export const limitsOf = (settings: { UPLOAD_MAX_MB: number; UPLOAD_MAX_MEGAPIXELS: number }): UploadLimits =>
  ({ maxBytes: settings.UPLOAD_MAX_MB * MB, maxPixels: settings.UPLOAD_MAX_MEGAPIXELS * 1_000_000 });

let limits: UploadLimits = limitsOf({ UPLOAD_MAX_MB: UPLOAD_DEFAULT_MAX_MB, UPLOAD_MAX_MEGAPIXELS: UPLOAD_DEFAULT_MAX_MEGAPIXELS });

/** Set once at start-up from the configuration (app.ts), like the import limits. */
export function setUploadLimits(next: UploadLimits): void {
  limits = next;
}
export const uploadLimits = (): UploadLimits => limits;

/** A file as it arrived: its bytes and the name the browser gave. */
export interface RawUpload { data: Buffer; filename: string }

/** A file that passed the policy: its kind by content, the Content-Type to store, a safe name. */
export interface CheckedUpload {
  data: Buffer;
  /** The name as given, made safe for headers and zip entries. */
  filename: string;
  kind: UploadKind;
  mime: string;
  /** Pictures only: dimensions from the header. */
  width?: number;
  height?: number;
}

/** A file name safe for a Content-Disposition header and a zip entry. */
export const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(-100) || '附件';

const startsWith = (data: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);
const ascii = (data: Buffer, from: number, to: number) => data.toString('latin1', from, to);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** The kind of a file by its content; null when it is none of the kinds the platform takes. */
export function sniffKind(data: Buffer): UploadKind | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'webp';
  if (ascii(data, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(data, 8, 12))) return 'heif';
  if (ascii(data, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return officeKind(data);
  // Plain text has no magic: no NUL byte in it (UTF-8 and GBK text alike), which every binary format above has.
  return data.includes(0) ? null : 'txt';
}

/** A zip is a Word document or an Excel workbook by its parts; any other zip is neither. */
function officeKind(data: Buffer): UploadKind | null {
  let names: string[];
  try {
    names = centralDirectory(data).map((e) => e.name);
  } catch {
    return null;
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  return null;
}

const extensionOf = (filename: string) => (/\.([^.]+)$/.exec(filename)?.[1] ?? '').toLowerCase();
const kindOfExtension = (extension: string) =>
  (Object.keys(UPLOAD_KIND_INFO) as UploadKind[]).find((k) => UPLOAD_KIND_INFO[k].extensions.includes(extension)) ?? null;

const unsupported = (message: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ path: 'file', message }]);
const tooLarge = (message: string) => new AppError('PAYLOAD_TOO_LARGE', message, [{ path: 'file', message }]);

/** 413 for a file over the size limit, the limit named. */
export const fileTooLarge = () => tooLarge(UPLOAD_MESSAGES.tooLarge(Math.round(limits.maxBytes / MB)));

/**
 * Checks one upload for a purpose: empty (400), over the size limit (413), a kind the purpose does not take or a name
 * that lies about the content (415 UNSUPPORTED_MEDIA_TYPE), a picture over the pixel limit (413) or whose header
 * cannot be read (400). A picture named with another picture's extension (a PNG saved as .jpg) is taken: its kind
 * comes from its content.
 */
export async function checkUpload(purpose: UploadPurpose, upload: RawUpload): Promise<CheckedUpload> {
  const { data } = upload;
  if (!data.length) throw invalid('file', UPLOAD_MESSAGES.empty);
  if (data.length > limits.maxBytes) throw fileTooLarge();
  const allowed = UPLOAD_PURPOSE_INFO[purpose].kinds;
  const found = sniffKind(data);
  const extension = extensionOf(upload.filename);
  const named = kindOfExtension(extension);
  if (!found) throw unsupported(UPLOAD_MESSAGES.wrongKind(purpose, null));
  const bothPictures = named !== null && UPLOAD_KIND_INFO[named].image && UPLOAD_KIND_INFO[found].image;
  if (named && named !== found && !bothPictures) throw unsupported(UPLOAD_MESSAGES.nameMismatch(purpose, extension, UPLOAD_KIND_INFO[found].label));
  if (!allowed.includes(found)) throw unsupported(UPLOAD_MESSAGES.wrongKind(purpose, UPLOAD_KIND_INFO[found].label));
  // Text is only text when it says so: without an extension any binary-free bytes would pass as .txt.
  if (found === 'txt' && named !== 'txt') throw unsupported(UPLOAD_MESSAGES.wrongKind(purpose, null));
  // A name such as tool.exe: whatever it holds, it is not what the user meant to upload here. ("2024.03.15" is no extension.)
  if (!named && /^(?=.*[a-z])[a-z0-9]{1,5}$/.test(extension)) throw unsupported(UPLOAD_MESSAGES.wrongKind(purpose, null));
  const checked: CheckedUpload = { data, filename: safeName(upload.filename), kind: found, mime: UPLOAD_KIND_INFO[found].mime };
  if (UPLOAD_KIND_INFO[found].image) Object.assign(checked, await pictureSize(data));
  return checked;
}

/** Width and height from the picture's header (sharp reads no pixels for metadata); refuses one over the pixel limit. */
async function pictureSize(data: Buffer): Promise<{ width: number; height: number }> {
  const sharp = await loadSharp();
  let width: number | undefined;
  let height: number | undefined;
  try {
    // limitInputPixels is off for the header read only: with it on, metadata() of a huge picture fails with a
    // generic error; the count is checked just below, before anything decodes the picture.
    ({ width, height } = await sharp(data, { limitInputPixels: false }).metadata());
  } catch {
    throw invalid('file', UPLOAD_MESSAGES.damagedImage);
  }
  if (!width || !height) throw invalid('file', UPLOAD_MESSAGES.damagedImage);
  if (width * height > limits.maxPixels) throw tooLarge(UPLOAD_MESSAGES.tooManyPixels(width, height, limits.maxPixels / 1_000_000));
  return { width, height };
}
