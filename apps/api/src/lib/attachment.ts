/** Sending a file as a download: one place for the headers every document and stored file route sends. */
import type { FastifyReply } from 'fastify';

/**
 * The file as an attachment, never cached (documents hold names and figures of the caller's scope). The Chinese file
 * name goes in filename* only; `fallback` is the ASCII name for clients that ignore it.
 */
export function sendAttachment(reply: FastifyReply, file: { filename: string; mime: string; data: Buffer }, fallback = 'download') {
  return reply.header('content-type', file.mime).header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`).send(file.data);
}
