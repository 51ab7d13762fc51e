/**
 * Generated on-site photos for the demo town's recent 主题党日: flat coloured shapes (a red banner, a crowd of
 * figures), no faces or text, each with its own perceptual hash, run through the real photo pipeline.
 */
import type { DbOrTx } from '../db/client.js';
import { activityFiles } from '../db/schema/index.js';
import { mulberry32 } from '../lib/prng.js';
import { loadSharp } from '../lib/photos/native.js';
import { processPhoto } from '../lib/photos/process-photo.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

export interface DemoPhotoTarget { activityId: number; heldOn: string; uploadedBy: number; seed: number }

/** Inserts one photo per target; returns how many. */
export async function seedDemoPhotos(db: DbOrTx, tenantId: number, targets: DemoPhotoTarget[]): Promise<number> {
  const files = await Promise.all(targets.map(async (t) => {
    const photo = await processPhoto(await demoPhoto(t.seed, t.heldOn));
    return {
      tenantId, activityId: t.activityId, category: 'photo' as const, filename: `${t.heldOn}-现场照片.jpg`, mime: 'image/jpeg', size: photo.jpeg.length,
      sha256: photo.sha256, data: photo.jpeg, thumbnail: photo.thumbnail, width: photo.width, height: photo.height,
      capturedAt: photo.capturedAt ? new Date(photo.capturedAt) : null, hadLocation: photo.hadLocation, phash: photo.phash, isDemo: true,
      uploadedBy: t.uploadedBy, createdAt: new Date(`${t.heldOn}T20:05:00+08:00`),
    };
  }));
  if (files.length) await db.insert(activityFiles).values(files);
  return files.length;
}

/** A small JPEG of an outdoor meeting in flat shapes, with the activity's date as EXIF capture time. */
export async function demoPhoto(seed: number, heldOn: string): Promise<Buffer> {
  const rand = mulberry32(seed);
  const hue = Math.floor(rand() * 360);
  const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h) % 360},${s}%,${l}%)`;
  const w = 640;
  const h = 480;
  const shapes: string[] = [
    `<rect width="${w}" height="${h}" fill="${hsl(hue, 30, 75)}"/>`,
    `<rect y="${Math.floor(h * (0.45 + rand() * 0.2))}" width="${w}" height="${h}" fill="${hsl(hue + 90 + rand() * 60, 35, 45)}"/>`,
    `<rect x="${Math.floor(rand() * 300)}" y="${40 + Math.floor(rand() * 60)}" width="${300 + Math.floor(rand() * 200)}" height="60" fill="#c8161d"/>`,
    `<rect x="${40 + Math.floor(rand() * 600)}" y="${30 + Math.floor(rand() * 80)}" width="110" height="75" fill="#de2910"/>`,
  ];
  const people = 6 + Math.floor(rand() * 10);
  for (let i = 0; i < people; i++) {
    const x = 40 + rand() * (w - 80);
    const y = 300 + rand() * 200;
    const s = 0.7 + rand() * 0.6;
    shapes.push(`<rect x="${x - 18 * s}" y="${y}" width="${36 * s}" height="${80 * s}" rx="8" fill="${hsl(rand() * 360, 40, 25 + rand() * 40)}"/>`);
    shapes.push(`<circle cx="${x}" cy="${y - 16 * s}" r="${15 * s}" fill="${hsl(25, 45, 55 + rand() * 15)}"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${shapes.join('')}</svg>`;
  const minute = pad2(Math.floor(rand() * 60));
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'Demo', Model: 'Demo Camera' }, IFD2: { DateTimeOriginal: `${heldOn.replaceAll('-', ':')} 09:${minute}:00` } })
    .toBuffer();
}
