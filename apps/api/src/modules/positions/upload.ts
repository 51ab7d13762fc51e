import type { CheckedUpload } from '../../lib/uploads/index.js';

/** A multipart upload (field "file") that passed the one upload policy (lib/uploads), read only after the scope checks. */
export type Upload = CheckedUpload;

export const attachmentHeader = (name: string) => `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(name)}`;
