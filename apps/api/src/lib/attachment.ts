/** Sending a file as a download: one place for the headers every document and stored file route sends. */
import type { FastifyReply } from 'fastify';
import { UPLOAD_KIND_INFO, UPLOAD_PURPOSE_INFO, type UploadPurpose } from '@dj/contracts';

/** The file formats the platform writes (documents, registers, tables, archives), by their Content-Type. */
export const DOWNLOAD_MEDIA_TYPES = {
  xlsx: UPLOAD_KIND_INFO.xlsx.mime,
  docx: UPLOAD_KIND_INFO.docx.mime,
  pdf: UPLOAD_KIND_INFO.pdf.mime,
  zip: 'application/zip',
} as const;
export type DownloadFormat = keyof typeof DOWNLOAD_MEDIA_TYPES;

/**
 * What a download route answers, for the OpenAPI document (plugins/openapi.ts): the formats it writes and the upload
 * purposes whose stored files it serves (their kinds come from the one upload policy). A route whose `format` parameter
 * or URL extension names the format needs no mark; the document reads it from there.
 */
export type DownloadMark = readonly (DownloadFormat | UploadPurpose)[];

declare module 'fastify' {
  interface FastifyContextConfig {
    download?: DownloadMark;
  }
}

const isFormat = (name: string): name is DownloadFormat => Object.hasOwn(DOWNLOAD_MEDIA_TYPES, name);
const isPurpose = (name: string): name is UploadPurpose => Object.hasOwn(UPLOAD_PURPOSE_INFO, name);

/** The Content-Types a download can have: from its mark, else from format names; none when a name is unknown. */
export function downloadMediaTypes(mark: DownloadMark | undefined, formats: readonly string[] = []): string[] {
  const names: readonly string[] = mark ?? formats;
  const types = names.flatMap((name) => isFormat(name) ? [DOWNLOAD_MEDIA_TYPES[name]]
    : isPurpose(name) ? UPLOAD_PURPOSE_INFO[name].kinds.map((k) => UPLOAD_KIND_INFO[k].mime) : [null]);
  return types.includes(null) ? [] : [...new Set(types as string[])];
}

/**
 * The file as an attachment, never cached (documents hold names and figures of the caller's scope). The Chinese file
 * name goes in filename* only; `fallback` is the ASCII name for clients that ignore it.
 */
export function sendAttachment(reply: FastifyReply, file: { filename: string; mime: string; data: Buffer }, fallback = 'download') {
  return reply.header('content-type', file.mime).header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`).send(file.data);
}
