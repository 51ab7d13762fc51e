import { UPLOAD_KIND_INFO } from '@dj/contracts';
import { invalid } from '../errors.js';
import { loadSharp } from '../photos/native.js';
import { uploadLimits, type CheckedUpload } from './policy.js';

/**
 * A picture kept as a file (an activity material, a stage file, a record file) without its metadata: phone photos carry
 * GPS coordinates, often of someone's home, and the device in EXIF. Turned upright by its EXIF orientation first, then
 * re-encoded in its own format with no metadata (sharp writes none unless asked with withMetadata/keepExif); HEIC
 * becomes JPEG, which every browser shows. Anything but a picture is returned as it came.
 */
export async function withoutMetadata(upload: CheckedUpload): Promise<CheckedUpload> {
  if (!UPLOAD_KIND_INFO[upload.kind].image) return upload;
  const sharp = await loadSharp();
  const pipeline = sharp(upload.data, { limitInputPixels: uploadLimits().maxPixels }).rotate();
  let data: Buffer;
  try {
    if (upload.kind === 'png') data = await pipeline.png().toBuffer();
    else if (upload.kind === 'webp') data = await pipeline.webp({ quality: 90 }).toBuffer();
    else data = await pipeline.jpeg({ quality: 90 }).toBuffer();
  } catch {
    throw invalid('file', '图片(file)已损坏或不完整,请重新导出后上传');
  }
  if (upload.kind !== 'heif') return { ...upload, data };
  return { ...upload, data, kind: 'jpeg', mime: UPLOAD_KIND_INFO.jpeg.mime, filename: `${upload.filename.replace(/\.[^.]*$/, '')}.jpg` };
}
