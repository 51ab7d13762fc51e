// sharp (libvips, a native addon) and exifr are loaded on the first photo, not at start-up: the server
// must answer /readyz quickly after a restart (issue 11), and most requests never touch an image.
import type Sharp from 'sharp';

let sharpModule: Promise<typeof Sharp> | undefined;
let exifrModule: Promise<typeof import('exifr').default> | undefined;

export const loadSharp = (): Promise<typeof Sharp> => (sharpModule ??= import('sharp').then((m) => m.default));
export const loadExifr = () => (exifrModule ??= import('exifr').then((m) => m.default));
