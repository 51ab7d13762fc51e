// The one upload policy (issue 12 point 5): every upload route reads its file through here.
export { checkUpload, limitsOf, safeName, setUploadLimits, sniffKind, uploadLimits, type CheckedUpload, type RawUpload, type UploadLimits } from './policy.js';
export { readForm, uploadReader } from './read.js';
export { withoutMetadata } from './strip.js';
