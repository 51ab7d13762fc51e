import { ATTACHMENT_TYPES, safeName } from '../../lib/attachments.js';
import { invalid } from '../../lib/errors.js';
import { PhotoError, processPhoto } from '../../lib/photos/process-photo.js';

export interface Upload { data: Buffer; filename: string }
export interface StoredFile { name: string; mime: string; size: number; data: Buffer }

const PHOTO_NAME = /\.(jpe?g|png|webp|heic|heif)$/i;

/**
 * A photo as stored: re-encoded JPEG without EXIF, so the GPS position of a phone photo (often taken at someone's
 * home) never reaches the database (security checklist: ASVS 14.2.8, GPS-tagged photos treated as sensitive).
 */
export async function storedPhoto(upload: Upload): Promise<StoredFile> {
  try {
    const photo = await processPhoto(upload.data);
    return { name: `${safeName(upload.filename).replace(/\.[^.]*$/, '')}.jpg`, mime: 'image/jpeg', size: photo.jpeg.length, data: photo.jpeg };
  } catch (error) {
    if (error instanceof PhotoError) throw invalid('file', error.message);
    throw error;
  }
}

/** Evidence may be a photo (processed as above) or a document (PDF, Word, Excel, text), checked by content. */
export async function storedEvidence(upload: Upload): Promise<StoredFile> {
  if (PHOTO_NAME.test(upload.filename)) return storedPhoto(upload);
  const type = ATTACHMENT_TYPES.find((t) => t.ext.test(upload.filename));
  if (!type) throw invalid('file', '整改材料格式不支持,请上传照片(JPG/PNG/HEIC)或 PDF、Word、Excel、TXT 文件');
  if (!upload.data.length) throw invalid('file', '文件是空的');
  if (type.magic && !type.magic.every((b, i) => upload.data[i] === b)) throw invalid('file', '文件内容与扩展名不符,请检查文件是否损坏');
  return { name: safeName(upload.filename), mime: type.mime, size: upload.data.length, data: upload.data };
}
