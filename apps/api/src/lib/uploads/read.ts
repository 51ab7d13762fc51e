import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { UPLOAD_MESSAGES, type UploadPurpose } from '@dj/contracts';
import { AppError } from '../errors.js';
import { checkUpload, fileTooLarge, type CheckedUpload } from './policy.js';

const missing = () => new AppError('VALIDATION', UPLOAD_MESSAGES.missing, [{ path: 'file', message: '缺少文件' }]);

/** The part's bytes; a file over the multipart size limit (set from UPLOAD_MAX_MB in app.ts) answers 413, the limit named. */
async function bytesOf(part: MultipartFile): Promise<Buffer> {
  try {
    return await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
    throw error;
  }
}

/**
 * The one file of a multipart upload (field `file`), checked against the policy for its purpose. Returns a reader,
 * called by the service only after its scope checks, so an out-of-scope id answers 404 whatever was sent.
 */
export const uploadReader = (request: FastifyRequest, purpose: UploadPurpose, defaultName = '附件') => async (): Promise<CheckedUpload> => {
  if (!request.isMultipart()) throw missing();
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw missing();
  return checkUpload(purpose, { data: await bytesOf(part), filename: part.filename || defaultName });
};

/** A multipart form of text fields and at most one file (field `file`), the file checked against the policy. */
export async function readForm(request: FastifyRequest, purpose: UploadPurpose, defaultName = '附件'): Promise<{ fields: Record<string, string>; file: CheckedUpload | null }> {
  const fields: Record<string, string> = {};
  let file: CheckedUpload | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw missing();
      file = await checkUpload(purpose, { data: await bytesOf(part), filename: part.filename || defaultName });
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  return { fields, file };
}
