import { invalid } from '../../lib/errors.js';
import { processUploadedPhoto } from '../../lib/photos/process-photo.js';
import type { CheckedUpload } from '../../lib/uploads/index.js';

/** An upload that passed the one upload policy (lib/uploads): its kind known by content. */
export type Upload = CheckedUpload;
export interface StoredFile { name: string; mime: string; size: number; data: Buffer }

/**
 * A photo as stored: re-encoded JPEG without EXIF, so the GPS position of a phone photo (often taken at someone's
 * home) never reaches the database (security checklist: ASVS 14.2.8, GPS-tagged photos treated as sensitive).
 */
export async function storedPhoto(upload: Upload): Promise<StoredFile> {
  const photo = await processUploadedPhoto(upload.data);
  return { name: `${upload.filename.replace(/\.[^.]*$/, '')}.jpg`, mime: 'image/jpeg', size: photo.jpeg.length, data: photo.jpeg };
}

/** Evidence may be a photo (processed as above) or a document (PDF, Word, Excel, text), its kind checked by content. */
export async function storedEvidence(upload: Upload): Promise<StoredFile> {
  if (upload.width) return storedPhoto(upload);
  return { name: upload.filename, mime: upload.mime, size: upload.data.length, data: upload.data };
}
