import { loadSharp } from './native.js';

/**
 * Perceptual hash (DCT pHash) of an activity photo, so that the same on-site photo submitted again
 * for another month — re-saved by a phone, shrunk by a chat app, or slightly cropped — can be flagged.
 * A byte hash (sha256) catches only the identical file; this catches "the same picture".
 *
 * Algorithm (as in pHash.org's ph_dct_imagehash): greyscale, squash to 32×32 ignoring aspect ratio,
 * 2-D DCT-II, keep the 8×8 block of coefficients at rows/cols 1..8 — i.e. the lowest frequencies
 * except row 0 and column 0, so the DC term (overall brightness) never takes part — and set each bit
 * to "coefficient > median of the 64". Low frequencies describe the coarse layout of light and dark,
 * which survives JPEG re-encoding and resizing; comparing to the median makes it brightness/contrast
 * invariant.
 */

const SIZE = 32;
const BLOCK = 8;

/**
 * Largest Hamming distance (of 64 bits) at which two hashes count as "the same photo".
 *
 * Measured in photos.test.ts on five generated 1200×900 scenes (gradients, shapes, blurred noise; the
 * test logs the numbers on every run), each variant run through processPhoto like a real upload:
 *   JPEG quality 60 → 0; resized to 70 % → 0; shrunk to 480 px at quality 50 → 0;
 *   3 % crop (1.5 % off each edge) → 2–4; 3 % off EVERY edge → 4–8; stored sideways + EXIF orientation 6 → 0.
 *   Five different scenes pairwise → 20–34 (closest pair 20).
 * 10 sits above the worst same-photo case (8) and well below the closest different pair (20); pHash
 * literature uses about 10 for 64-bit hashes too. It is a "possible re-used photo" hint for a human
 * reviewer, not an automatic rejection, so erring slightly generous is the cheap side. Caveat: two
 * genuinely different photos of the same room from the same spot will be closer than random scenes.
 */
export const SAME_PHOTO_MAX_DISTANCE = 10;

/** cos((2x+1)·u·π / 2N) for u = 0..8, x = 0..31 — only the rows the 8×8 block needs. */
const COS: Float64Array[] = Array.from({ length: BLOCK + 1 }, (_, u) => {
  const row = new Float64Array(SIZE);
  for (let x = 0; x < SIZE; x++) row[x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE));
  return row;
});

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** pHash of an encoded image (JPEG/PNG/…) or of raw pixels already decoded (avoids a second decode). */
export async function perceptualHash(image: Buffer | RawImage): Promise<string> {
  const sharp = await loadSharp();
  const pipeline = Buffer.isBuffer(image)
    ? sharp(image)
    : sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } });
  const grey = await pipeline
    .greyscale()
    // 'fill' ignores aspect ratio: every photo maps onto the same 32×32 grid, so a 3 % crop moves
    // content by ~1 pixel instead of changing which pixels are compared.
    .resize(SIZE, SIZE, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // .greyscale() on an image with alpha still yields 2 channels; the luma is channel 0 either way.
  const { channels } = grey.info;
  const pixels = new Float64Array(SIZE * SIZE);
  for (let i = 0; i < SIZE * SIZE; i++) pixels[i] = grey.data[i * channels];
  return hashFromPixels(pixels);
}

/** The DCT + median step on 32×32 luma values (row-major); exported for unit checks. */
export function hashFromPixels(pixels: Float64Array): string {
  // Separable 2-D DCT restricted to u, v ≤ 8: first along x for each row, then along y.
  // Normalisation factors are omitted: they scale whole rows/columns of the block by a positive
  // constant that is the same for every image, and the block excludes row/col 0, where the
  // factor differs, so the ordering against the median is unaffected.
  const rowPass = new Float64Array(SIZE * (BLOCK + 1)); // [y][v]
  for (let y = 0; y < SIZE; y++) {
    for (let v = 1; v <= BLOCK; v++) {
      let sum = 0;
      for (let x = 0; x < SIZE; x++) sum += pixels[y * SIZE + x] * COS[v][x];
      rowPass[y * (BLOCK + 1) + v] = sum;
    }
  }
  const coeffs: number[] = [];
  for (let u = 1; u <= BLOCK; u++) {
    for (let v = 1; v <= BLOCK; v++) {
      let sum = 0;
      for (let y = 0; y < SIZE; y++) sum += rowPass[y * (BLOCK + 1) + v] * COS[u][y];
      coeffs.push(sum);
    }
  }
  const sorted = [...coeffs].sort((a, b) => a - b);
  const median = (sorted[31] + sorted[32]) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let n = 0;
    for (let b = 0; b < 4; b++) n = (n << 1) | (coeffs[nibble * 4 + b] > median ? 1 : 0);
    hex += n.toString(16);
  }
  return hex;
}

const HEX16 = /^[0-9a-f]{16}$/i;
const POPCOUNT = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Number of differing bits between two 16-hex-char hashes (0..64). */
export function hammingDistance(a: string, b: string): number {
  if (!HEX16.test(a) || !HEX16.test(b)) throw new Error(`pHash must be 16 hex chars: "${a}", "${b}"`);
  let distance = 0;
  for (let i = 0; i < 16; i++) distance += POPCOUNT[parseInt(a[i], 16) ^ parseInt(b[i], 16)];
  return distance;
}
