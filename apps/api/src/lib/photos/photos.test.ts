import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SAME_PHOTO_MAX_DISTANCE, hammingDistance, hashFromPixels } from './phash.js';
import { PhotoError, processPhoto, toIso } from './process-photo.js';
import { mulberry32 as rng } from '../prng.js';

// All images are generated here: SVG scenes (gradients and shapes, no text, so no fonts are needed)
// with blurred noise on top for photo-like texture. A seeded PRNG keeps every run identical.

const colour = (r: () => number) => `rgb(${Math.floor(r() * 256)},${Math.floor(r() * 256)},${Math.floor(r() * 256)})`;

function sceneSvg(seed: number, w: number, h: number): string {
  const r = rng(seed);
  const shapes: string[] = [];
  for (let i = 0; i < 14; i++) {
    const x = r() * w, y = r() * h, s = (0.05 + r() * 0.3) * Math.min(w, h);
    const fill = r() < 0.3 ? `url(#g${i % 2})` : colour(r);
    const kind = Math.floor(r() * 3);
    if (kind === 0) shapes.push(`<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${fill}" opacity="${0.6 + r() * 0.4}"/>`);
    else if (kind === 1) shapes.push(`<rect x="${x - s / 2}" y="${y - s / 3}" width="${s}" height="${s * (0.4 + r())}" fill="${fill}" transform="rotate(${r() * 60 - 30} ${x} ${y})"/>`);
    else shapes.push(`<polygon points="${x},${y - s / 2} ${x + s / 2},${y + s / 2} ${x - s / 2},${y + s / 2}" fill="${fill}"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs>
      <linearGradient id="bg" x1="0" y1="0" x2="${r().toFixed(2)}" y2="1"><stop offset="0" stop-color="${colour(r)}"/><stop offset="1" stop-color="${colour(r)}"/></linearGradient>
      <radialGradient id="g0"><stop offset="0" stop-color="${colour(r)}"/><stop offset="1" stop-color="${colour(r)}"/></radialGradient>
      <linearGradient id="g1"><stop offset="0" stop-color="${colour(r)}"/><stop offset="1" stop-color="${colour(r)}"/></linearGradient>
    </defs>
    <rect width="100%" height="100%" fill="url(#bg)"/>${shapes.join('')}</svg>`;
}

const rawOf = ({ width, height, channels }: sharp.OutputInfo) => ({ width, height, channels });

/** A photo-like image: SVG scene with soft noise, as a sharp pipeline (caller picks the format). */
async function scene(seed: number, w: number, h: number): Promise<sharp.Sharp> {
  const r = rng(seed * 7919);
  const nw = Math.ceil(w / 4), nh = Math.ceil(h / 4);
  const noise = Buffer.alloc(nw * nh);
  for (let i = 0; i < noise.length; i++) noise[i] = 96 + Math.floor(r() * 64);
  // Raw pixels between the steps: PNG is lossless, so encoding a 12-megapixel layer only to decode it again
  // changed nothing but cost most of this file's time.
  const texture = await sharp(noise, { raw: { width: nw, height: nh, channels: 1 } }).resize(w, h).blur(1.2).raw().toBuffer({ resolveWithObject: true });
  const base = await sharp(Buffer.from(sceneSvg(seed, w, h)))
    .composite([{ input: texture.data, raw: rawOf(texture.info), blend: 'soft-light' }]).raw().toBuffer({ resolveWithObject: true });
  return sharp(base.data, { raw: rawOf(base.info) });
}

const jpegScene = async (seed: number, w: number, h: number, quality = 92) => (await scene(seed, w, h)).jpeg({ quality }).toBuffer();

/** What a phone writes: DateTimeOriginal in the Exif IFD (IFD2) and coordinates in the GPS IFD (IFD3).
 *  sharp 0.34's withExif writes both through libexif — checked below by reading them back with exifr. */
async function phoneJpeg(extra: { offset?: string; withGps?: boolean } = {}): Promise<Buffer> {
  const ifd2: Record<string, string> = { DateTimeOriginal: '2026:11:28 09:30:00' };
  if (extra.offset) ifd2.OffsetTimeOriginal = extra.offset;
  const exif: Record<string, Record<string, string>> = { IFD0: { Make: 'TestPhone', Model: 'X1' }, IFD2: ifd2 };
  if (extra.withGps !== false) {
    exif.IFD3 = { GPSLatitudeRef: 'N', GPSLatitude: '34/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 33/1 0/1' };
  }
  return (await scene(1, 800, 600)).withExif(exif).jpeg({ quality: 90 }).toBuffer();
}

/** Asserts a JPEG carries no metadata whatsoever (EXIF, GPS, ICC, XMP, IPTC). */
async function expectNoMetadata(jpeg: Buffer) {
  expect(await exifr.parse(jpeg, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: true })).toBeUndefined();
  expect(await exifr.gps(jpeg)).toBeUndefined();
  const meta = await sharp(jpeg).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  // Belt and braces: no APP1 "Exif\0\0" header anywhere in the bytes.
  expect(jpeg.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
}

async function expectPhotoError(input: Buffer): Promise<PhotoError> {
  const err = await processPhoto(input).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(PhotoError);
  expect((err as PhotoError).message).toMatch(/[\u4e00-\u9fff]/); // shown to users as is: Chinese
  return err as PhotoError;
}

describe('processPhoto: metadata', () => {
  it('removes GPS and all EXIF, reports the location was there, keeps the capture time', async () => {
    const input = await phoneJpeg();
    // The fixture really carries what a phone writes.
    const gps = await exifr.gps(input);
    expect(gps.latitude).toBeCloseTo(34 + 50 / 60, 6);
    expect(gps.longitude).toBeCloseTo(117 + 33 / 60, 6);
    expect((await exifr.parse(input, { reviveValues: false })).DateTimeOriginal).toBe('2026:11:28 09:30:00');

    const out = await processPhoto(input);
    expect(out.hadLocation).toBe(true);
    // No OffsetTimeOriginal in the file: the wall-clock time is taken as Asia/Shanghai.
    expect(out.capturedAt).toBe('2026-11-28T09:30:00+08:00');
    await expectNoMetadata(out.jpeg);
    await expectNoMetadata(out.thumbnail);
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out.phash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('uses the camera-written offset when there is one', async () => {
    const out = await processPhoto(await phoneJpeg({ offset: '+09:00', withGps: false }));
    expect(out.capturedAt).toBe('2026-11-28T09:30:00+09:00');
    expect(out.hadLocation).toBe(false);
  });

  it('gives null capture time (never "now") and no location for a file without EXIF', async () => {
    const out = await processPhoto(await jpegScene(2, 640, 480));
    expect(out.capturedAt).toBeNull();
    expect(out.hadLocation).toBe(false);
  });

  it('accepts PNG (transparency flattened on white) and WebP', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const out = await processPhoto(png);
    const { data } = await sharp(out.jpeg).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(245);
    const webp = await (await scene(3, 500, 400)).webp().toBuffer();
    expect((await processPhoto(webp)).width).toBe(500);
  });

  it('reads capture time and GPS from PNG, WebP and AVIF too, and strips them', async () => {
    const exif = {
      IFD2: { DateTimeOriginal: '2026:01:02 03:04:05' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 33/1 0/1' },
    };
    const base = await (await scene(7, 480, 360)).png().toBuffer();
    for (const format of ['png', 'webp', 'avif'] as const) {
      const out = await processPhoto(await sharp(base).withExif(exif).toFormat(format).toBuffer());
      expect([format, out.capturedAt, out.hadLocation]).toEqual([format, '2026-01-02T03:04:05+08:00', true]);
      await expectNoMetadata(out.jpeg);
    }
  });

  it('parses EXIF date strings strictly', () => {
    expect(toIso('2026:11:28 09:30:00', undefined)).toBe('2026-11-28T09:30:00+08:00');
    expect(toIso('2026:11:28 09:30:00', '-05:00')).toBe('2026-11-28T09:30:00-05:00');
    expect(toIso('0000:00:00 00:00:00', undefined)).toBeNull();
    expect(toIso('2026:02:30 09:30:00', undefined)).toBeNull();
    expect(toIso('    ', undefined)).toBeNull();
    expect(toIso(undefined, undefined)).toBeNull();
  });
});

describe('processPhoto: size and orientation', () => {
  it('shrinks a 4000×3000 photo to 1600×1200 with a 320 px thumbnail', async () => {
    const input = await jpegScene(4, 4000, 3000);
    const started = performance.now();
    const out = await processPhoto(input);
    const ms = performance.now() - started;
    console.log(`4000×3000 JPEG (${(input.length / 1024).toFixed(0)} KB) processed in ${ms.toFixed(0)} ms → ${(out.jpeg.length / 1024).toFixed(0)} KB + thumbnail ${(out.thumbnail.length / 1024).toFixed(0)} KB`);
    expect([out.width, out.height]).toEqual([1600, 1200]);
    const meta = await sharp(out.jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1600, 1200]);
    const thumb = await sharp(out.thumbnail).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
  });

  it('does not enlarge an 800×600 photo', async () => {
    const out = await processPhoto(await jpegScene(5, 800, 600));
    expect([out.width, out.height]).toEqual([800, 600]);
    expect(await sharp(out.jpeg).metadata().then((m) => [m.width, m.height])).toEqual([800, 600]);
  });

  it('applies EXIF orientation 6 (rotate 90° clockwise) before dropping it', async () => {
    // Stored pixels: 400×300, red top half, blue bottom half. Orientation 6 means "display rotated 90° cw",
    // so the upright photo is 300×400 with red on the RIGHT.
    const half = (c: string, top: number) => ({ input: { create: { width: 400, height: 150, channels: 3 as const, background: c } }, top, left: 0 });
    const input = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#000' } })
      .composite([half('#ff0000', 0), half('#0000ff', 150)])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await exifr.orientation(input)).toBe(6);
    const out = await processPhoto(input);
    expect([out.width, out.height]).toEqual([300, 400]);
    const { data, info } = await sharp(out.jpeg).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(px(280, 200)[0]).toBeGreaterThan(200); // right: red
    expect(px(20, 200)[2]).toBeGreaterThan(200); // left: blue
    await expectNoMetadata(out.jpeg);
  });
});

describe('processPhoto: refusals', () => {
  it('refuses non-images, truncated files, SVG and empty input with a Chinese message', async () => {
    await expectPhotoError(Buffer.from('这不是图片,只是一段文字 not an image'));
    await expectPhotoError(Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'));
    await expectPhotoError(Buffer.alloc(0));
    await expectPhotoError(Buffer.from(sceneSvg(6, 200, 200)));
    const jpeg = await jpegScene(6, 800, 600);
    const truncated = await expectPhotoError(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    expect(truncated.message).toContain('损坏');
    const png = await (await scene(6, 400, 300)).png().toBuffer();
    await expectPhotoError(png.subarray(0, Math.floor(png.length / 2)));
  });

  it('refuses files over 15 MB and images over 50 megapixels', async () => {
    expect((await expectPhotoError(Buffer.alloc(15 * 1024 * 1024 + 1, 0xff))).message).toContain('15 MB');
    // 8000×7000 = 56 MP, but a flat PNG of it is only a few KB: the pixel limit, not the byte limit, must catch it.
    const huge = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: '#888' } }).png().toBuffer();
    expect(huge.length).toBeLessThan(15 * 1024 * 1024);
    expect((await expectPhotoError(huge)).message).toContain('像素');
  });
});

describe('pHash', () => {
  it('finds the same photo after re-encoding, resizing and cropping, and tells different photos apart', async () => {
    const seeds = [11, 12, 13, 14, 15];
    const originals = await Promise.all(seeds.map((s) => jpegScene(s, 1200, 900)));
    const hashes = await Promise.all(originals.map(async (o) => (await processPhoto(o)).phash));

    const same: string[] = [];
    let worstSame = 0;
    for (const [i, original] of originals.entries()) {
      const crop = (frac: number) => ({ left: Math.round(1200 * frac), top: Math.round(900 * frac), width: Math.round(1200 * (1 - 2 * frac)), height: Math.round(900 * (1 - 2 * frac)) });
      const variants: Record<string, Buffer> = {
        q60: await sharp(original).jpeg({ quality: 60 }).toBuffer(),
        resize70: await sharp(original).resize(840, 630).jpeg({ quality: 85 }).toBuffer(),
        // "3 % crop", measured both ways: 3 % off the whole (1.5 % per edge) and 3 % off every edge.
        crop3total: await sharp(original).extract(crop(0.015)).jpeg({ quality: 85 }).toBuffer(),
        crop3each: await sharp(original).extract(crop(0.03)).jpeg({ quality: 85 }).toBuffer(),
        // Same picture uploaded as PNG and then re-saved by a chat app at a small size.
        chatApp: await sharp(original).resize(480).jpeg({ quality: 50 }).toBuffer(),
      };
      const ds: string[] = [];
      for (const [name, v] of Object.entries(variants)) {
        const d = hammingDistance(hashes[i], (await processPhoto(v)).phash);
        worstSame = Math.max(worstSame, d);
        ds.push(`${name}=${d}`);
        expect(d, `scene ${seeds[i]} ${name}`).toBeLessThanOrEqual(SAME_PHOTO_MAX_DISTANCE);
      }
      same.push(`scene ${seeds[i]}: ${ds.join(' ')}`);
    }

    const pairs: string[] = [];
    let closestDifferent = 64;
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        const d = hammingDistance(hashes[i], hashes[j]);
        closestDifferent = Math.min(closestDifferent, d);
        pairs.push(`${seeds[i]}/${seeds[j]}=${d}`);
        expect(d, `scenes ${seeds[i]} vs ${seeds[j]}`).toBeGreaterThan(SAME_PHOTO_MAX_DISTANCE);
      }
    }
    console.log(`pHash same photo:\n  ${same.join('\n  ')}\npHash different photos: ${pairs.join(' ')}\n` +
      `worst same = ${worstSame}, closest different = ${closestDifferent}, threshold = ${SAME_PHOTO_MAX_DISTANCE}`);
  });

  it('hashes the upright image, so a rotated-by-EXIF upload matches the original', async () => {
    const original = await jpegScene(21, 900, 600);
    const sideways = await sharp(original).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const d = hammingDistance((await processPhoto(original)).phash, (await processPhoto(sideways)).phash);
    console.log(`pHash original vs stored-sideways-with-orientation-6: ${d}`);
    expect(d).toBeLessThanOrEqual(SAME_PHOTO_MAX_DISTANCE);
  });

  it('is brightness-invariant and computes Hamming distance correctly', () => {
    const px = new Float64Array(1024).map((_, i) => ((i * 37) % 101) + ((i >> 5) * 3));
    expect(hashFromPixels(px.map((v) => v * 0.5 + 40))).toBe(hashFromPixels(px));
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow();
  });
});
