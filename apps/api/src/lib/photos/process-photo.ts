import { createHash } from 'node:crypto';
import type sharp from 'sharp';
import { loadExifr, loadSharp } from './native.js';
import { perceptualHash } from './phash.js';
import { uploadLimits } from '../uploads/policy.js';
import { invalid } from '../errors.js';

/**
 * Turns an uploaded activity evidence photo (a branch's on-site photo of its monthly activity) into
 * what we store: a bounded-size JPEG with NO metadata, a thumbnail, and the few facts we want from
 * the original before its metadata is thrown away (capture time, whether it carried a location).
 *
 * Why strip everything: phone photos carry GPS coordinates (often of a member's home), device
 * serials and sometimes faces' thumbnails in EXIF; the stored evidence must not leak them.
 * Pure: no database, no filesystem, no clock.
 */

export interface ProcessedPhoto {
  jpeg: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
  /**
   * From EXIF DateTimeOriginal (else CreateDate), always as ISO 8601 WITH an offset: the EXIF offset
   * tag when the camera wrote one, otherwise +08:00 (the platform and its users are in Asia/Shanghai,
   * and a phone's EXIF wall-clock time is local time). null when the file has no such tag — never
   * the upload time or file mtime, which would make a re-used old photo look fresh.
   */
  capturedAt: string | null;
  /** The upload carried GPS coordinates in EXIF, which we removed. */
  hadLocation: boolean;
  /** DCT pHash of the stored image (after orientation), 16 hex chars; see phash.ts. */
  phash: string;
  /** sha256 (hex) of the stored `jpeg` — the bytes we keep, so it can be re-verified later. */
  sha256: string;
}

/** A problem with the uploaded file itself; `message` is shown to the user as is. */
export class PhotoError extends Error {
  override name = 'PhotoError';
}

export const MAX_INPUT_BYTES = 15 * 1024 * 1024;
export const MAX_LONG_EDGE = 1600;
export const THUMBNAIL_LONG_EDGE = 320;
const JPEG_QUALITY = 82;
/** Used when EXIF has a local time but no OffsetTime* tag. */
const DEFAULT_OFFSET = '+08:00';
/** Formats a phone or camera produces. SVG/TIFF/GIF/raw etc. are refused: no evidence photo is one,
 *  and SVG in particular would make us render untrusted vector content. ('heif' covers HEIC and AVIF.) */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif']);

const MSG_UNRECOGNISED = '照片格式无法识别,请上传 JPG、PNG 或 HEIC/WebP 图片';
const tooManyPixels = (max: number) => `照片像素过大(超过 ${Math.round(max / 10_000)} 万像素),请缩小后再上传`;
const MSG_DAMAGED = '照片文件已损坏或不完整,请重新拍摄或导出后上传';

export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (!Buffer.isBuffer(input) || input.length === 0) throw new PhotoError('未收到照片内容,请重新选择图片');
  if (input.length > MAX_INPUT_BYTES) throw new PhotoError('照片超过 15 MB,请压缩后再上传');

  // Header only — cheap, and lets us refuse oversized/unsupported images before decoding pixels.
  // limitInputPixels is off here only because metadata() would otherwise throw a generic error for a
  // too-large image; the header read decodes no pixels, and the size is checked explicitly below.
  const sharp = await loadSharp();
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoError(MSG_UNRECOGNISED);
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format) || !meta.width || !meta.height) throw new PhotoError(MSG_UNRECOGNISED);
  // The prebuilt libvips that ships with sharp decodes AVIF but not HEVC-coded HEIC (patents), which
  // is what iPhones save by default; say so rather than "unrecognised".
  if (meta.format === 'heif' && meta.compression === 'hevc') {
    throw new PhotoError('暂不支持 HEVC 编码的 HEIC 照片,请在手机相机设置中选择“兼容性最佳”或导出为 JPG 后上传');
  }
  // Every upload route has checked this already (lib/uploads); kept for callers such as the demo town.
  const maxPixels = uploadLimits().maxPixels;
  if (meta.width * meta.height > maxPixels) throw new PhotoError(tooManyPixels(maxPixels));

  // Read what we need from the metadata BEFORE sharp drops it. exifr is given the EXIF block sharp
  // has already located rather than the whole file: exifr 7 finds it in JPEG but fails ("Malformed
  // EXIF data") on the EXIF libheif writes into AVIF/HEIF, while sharp extracts it from every format.
  const tiff = exifAsTiff(meta.exif);
  const [capturedAt, hadLocation] = tiff ? await Promise.all([readCapturedAt(tiff), readHadLocation(tiff)]) : [null, false];

  // Decode once into oriented, bounded raw pixels; encode the JPEG, thumbnail and pHash from them.
  let raw: { data: Buffer; info: sharp.OutputInfo };
  try {
    raw = await sharp(input, { limitInputPixels: maxPixels }) // failOn defaults to 'warning': truncated files are refused
      .rotate() // auto-orient from EXIF Orientation while we still have it
      .resize({ width: MAX_LONG_EDGE, height: MAX_LONG_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' }) // transparent PNG/WebP: white, not JPEG's default black
      .toColourspace('srgb') // CMYK / greyscale / embedded profiles → plain sRGB, as browsers expect
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new PhotoError(/pixel limit/i.test(String(err)) ? tooManyPixels(maxPixels) : MSG_DAMAGED);
  }
  const { width, height, channels } = raw.info;
  const rawInput = { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } };

  // A fresh pipeline from raw pixels has no metadata at all, and sharp writes none unless
  // keepExif/withMetadata/keepIccProfile is called (checked in the test): the output is clean.
  const [jpeg, thumbnail, phash] = await Promise.all([
    sharp(raw.data, rawInput).jpeg({ quality: JPEG_QUALITY, mozjpeg: false }).toBuffer(),
    sharp(raw.data, rawInput)
      .resize({ width: THUMBNAIL_LONG_EDGE, height: THUMBNAIL_LONG_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: false })
      .toBuffer(),
    perceptualHash({ data: raw.data, width, height, channels: rawInput.raw.channels }),
  ]);

  return { jpeg, thumbnail, width, height, capturedAt, hadLocation, phash, sha256: createHash('sha256').update(jpeg).digest('hex') };
}

interface DateTags {
  DateTimeOriginal?: unknown;
  OffsetTimeOriginal?: unknown;
  CreateDate?: unknown;
  OffsetTimeDigitized?: unknown;
}

/** sharp's `metadata().exif` is the APP1 payload: "Exif\0\0" (absent for PNG's eXIf) then a TIFF structure, which exifr parses as a TIFF file. */
function exifAsTiff(exif: Buffer | undefined): Buffer | null {
  if (!exif || exif.length < 8) return null;
  return exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
}

/** EXIF capture time as ISO 8601 with offset, or null. Unreadable metadata is not an error: the photo is still usable. */
async function readCapturedAt(input: Buffer): Promise<string | null> {
  let tags: DateTags | undefined;
  try {
    // reviveValues: false keeps the raw 'YYYY:MM:DD HH:MM:SS' string; exifr would otherwise build a
    // Date in the server's own time zone, silently shifting the wall-clock time.
    const exifr = await loadExifr();
    tags = await exifr.parse(input, {
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTimeDigitized'],
      reviveValues: false,
    });
  } catch {
    return null;
  }
  if (!tags) return null;
  return toIso(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ?? toIso(tags.CreateDate, tags.OffsetTimeDigitized);
}

/** 'YYYY:MM:DD HH:MM:SS' (+ optional '±HH:MM') → 'YYYY-MM-DDTHH:MM:SS±HH:MM'; null for blanks/garbage like '0000:00:00 00:00:00'. */
/** An uploaded photo re-encoded as processPhoto does; a picture it cannot read answers 400 on the field `file`, in Chinese. */
export async function processUploadedPhoto(input: Buffer): Promise<ProcessedPhoto> {
  try {
    return await processPhoto(input);
  } catch (error) {
    if (error instanceof PhotoError) throw invalid('file', error.message);
    throw error;
  }
}

export function toIso(value: unknown, offset: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const [Y, MO, D, H, MI, S] = [y, mo, d, h, mi, s].map(Number);
  // Round-trip through UTC to reject impossible dates (Feb 30, month 13); years before 1990 are a
  // phone with a reset clock (1970/1980 defaults), not a real capture time of an activity.
  const probe = new Date(Date.UTC(Y, MO - 1, D, H, MI, S));
  if (Y < 1990 || probe.getUTCFullYear() !== Y || probe.getUTCMonth() !== MO - 1 || probe.getUTCDate() !== D || H > 23 || MI > 59 || S > 59) return null;
  const off = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : DEFAULT_OFFSET;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${off}`;
}

/** True when EXIF carries usable coordinates (a GPS IFD with only a timestamp or version is not a location). */
async function readHadLocation(input: Buffer): Promise<boolean> {
  try {
    const gps = await (await loadExifr()).gps(input);
    return !!gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude);
  } catch {
    return false;
  }
}
