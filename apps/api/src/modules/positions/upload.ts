import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';

/** Reads a multipart upload (field "file") only when called: after the scope checks. */
export interface Upload { data: Buffer; filename: string }

/** The one file of a multipart upload (field "file"), read when the service asks for it. */
export const readUpload = (request: FastifyRequest) => async (): Promise<Upload> => {
  if (!request.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 上传文件(字段名 file)', [{ path: 'file', message: '缺少文件' }]);
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION', '请选择要上传的文件(字段名 file)', [{ path: 'file', message: '缺少文件' }]);
  return { data: await part.toBuffer(), filename: part.filename || '附件' };
};

export const attachmentHeader = (name: string) => `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(name)}`;
