import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { UPLOAD_DEFAULT_MAX_MB, UPLOAD_DEFAULT_MAX_MEGAPIXELS } from '@dj/contracts';
import { AppError } from '../errors.js';
import { checkUpload, limitsOf, setUploadLimits, sniffKind } from './index.js';

const jpeg = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#246' } }).jpeg().toBuffer();
const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#246' } }).png().toBuffer();
const pdf = Buffer.from('%PDF-1.4\n%…\n');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表1').getCell('A1').value = '姓名';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function docx(): Promise<Buffer> {
  // The smallest zip Word would recognise by its parts: sniffing reads the central directory only.
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}
/** A PNG whose header says width × height: a handful of bytes, a bomb when decoded. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const data = Buffer.from(await png());
  data.writeUInt32BE(width, 16);
  data.writeUInt32BE(height, 20);
  data.writeUInt32BE(crc32(data.subarray(12, 29)), 29);
  return data;
}
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

afterEach(() => setUploadLimits(limitsOf({ UPLOAD_MAX_MB: UPLOAD_DEFAULT_MAX_MB, UPLOAD_MAX_MEGAPIXELS: UPLOAD_DEFAULT_MAX_MEGAPIXELS })));

describe('sniffKind: the kind by content, not by name', () => {
  it('tells pictures, PDF, Word, Excel, old Office and text apart; an executable is none of them', async () => {
    expect(sniffKind(await jpeg())).toBe('jpeg');
    expect(sniffKind(await png())).toBe('png');
    expect(sniffKind(await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).webp().toBuffer())).toBe('webp');
    expect(sniffKind(pdf)).toBe('pdf');
    expect(sniffKind(await xlsx())).toBe('xlsx');
    expect(sniffKind(await docx())).toBe('docx');
    expect(sniffKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ole');
    expect(sniffKind(Buffer.from('学习资料正文', 'utf8'))).toBe('txt');
    expect(sniffKind(exe)).toBeNull();
    expect(sniffKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toBeNull();
  });
});

describe('checkUpload', () => {
  it('takes what the purpose allows, with the Content-Type of its content and a safe name', async () => {
    expect(await checkUpload('activityMaterial', { data: pdf, filename: '方案.pdf' })).toMatchObject({ kind: 'pdf', mime: 'application/pdf', filename: '方案.pdf' });
    expect(await checkUpload('photo', { data: await jpeg(), filename: 'a/b:c.jpg' })).toMatchObject({ kind: 'jpeg', filename: 'a_b_c.jpg', width: 40, height: 30 });
    // A PNG saved as .jpg is still a picture: its kind comes from its content.
    expect(await checkUpload('photo', { data: await png(), filename: 'IMG_1.JPG' })).toMatchObject({ kind: 'png', mime: 'image/png' });
    expect(await checkUpload('photo', { data: await jpeg(), filename: '照片' })).toMatchObject({ kind: 'jpeg' });
    expect(await checkUpload('roster', { data: await xlsx(), filename: '名册.xlsx' })).toMatchObject({ kind: 'xlsx' });
  });

  it('refuses a kind the purpose does not take with 415, naming the field and the kinds allowed', async () => {
    const asPhoto = await refusal(checkUpload('photo', { data: pdf, filename: '扫描.pdf' }));
    expect(asPhoto).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, fields: [{ path: 'file' }] });
    expect(asPhoto.message).toBe('文件(file)类型不支持(实际是 PDF):照片只接受 JPG、PNG、WebP、HEIC 文件');
    expect((await refusal(checkUpload('activityMaterial', { data: exe, filename: 'tool.exe' }))).status).toBe(415);
    expect((await refusal(checkUpload('roster', { data: await docx(), filename: '名册.docx' }))).message).toContain('党员名册只接受 Excel(xlsx)');
    // Text passes as text only when it is named so.
    expect((await refusal(checkUpload('activityMaterial', { data: Buffer.from('hello'), filename: '说明' }))).status).toBe(415);
    // Whatever it holds, a .exe is refused.
    expect((await refusal(checkUpload('activityMaterial', { data: pdf, filename: 'setup.exe' }))).status).toBe(415);
  });

  it('refuses a name that lies about the content with 415, saying both', async () => {
    const fake = await refusal(checkUpload('recordFile', { data: Buffer.from('not a pdf'), filename: '假文件.pdf' }));
    expect(fake).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('扩展名是 .pdf,内容是 TXT 文本') });
    expect((await refusal(checkUpload('stageFile', { data: pdf, filename: '记录.docx' }))).status).toBe(415);
  });

  it('refuses an empty file (400), one over UPLOAD_MAX_MB (413) and a picture over UPLOAD_MAX_MEGAPIXELS (413), the limit named', async () => {
    expect(await refusal(checkUpload('recordFile', { data: Buffer.alloc(0), filename: 'a.pdf' }))).toMatchObject({ status: 400, message: '文件是空的' });
    setUploadLimits(limitsOf({ UPLOAD_MAX_MB: 1, UPLOAD_MAX_MEGAPIXELS: 12 }));
    const big = await refusal(checkUpload('recordFile', { data: Buffer.concat([pdf, Buffer.alloc(1024 * 1024)]), filename: 'a.pdf' }));
    expect(big).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, message: expect.stringContaining('上限 1 MB') });
    const bomb = await refusal(checkUpload('stageFile', { data: await pngClaiming(30000, 30000), filename: '图.png' }));
    expect(bomb).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, message: '图片(file)像素过大(30000×30000,上限 1200 万像素),请缩小后再上传' });
    expect((await checkUpload('stageFile', { data: await pngClaiming(4000, 3000), filename: '图.png' })).width).toBe(4000);
    expect((await refusal(checkUpload('photo', { data: await pngClaiming(4000, 3001), filename: '图.png' }))).status).toBe(413);
  });
});
