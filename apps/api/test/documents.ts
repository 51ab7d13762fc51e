import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, expect } from 'vitest';

/** Reading generated documents the way a user's software would: the PDF through poppler's pdftotext, the .docx by its XML. */

const PDFTOTEXT = '/usr/bin/pdftotext';

let dir: string | undefined;
let pdfs = 0;
/** One temp directory per test process (per test file: vitest isolates modules), made on the first PDF. */
function tempDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'dj-test-docs-'));
  return dir;
}
// Imported while the test file is collected, so this hook belongs to that file; vitest's forks do not see a process 'exit'.
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

export interface PdfTextOptions {
  /**
   * Keep the text as pdftotext -layout lays it out. By default every whitespace character is removed,
   * so an assertion does not depend on where a table cell wrapped or how wide a column was padded.
   */
  keepWhitespace?: boolean;
}

/** The text of a PDF response (expected 200 and application/pdf). Fails, never skips, without poppler: the PDF checks would prove nothing. */
export function pdfText(res: LightMyRequestResponse, options: PdfTextOptions = {}): string {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return pdfBytesText(res.rawPayload, options);
}

/** The text of PDF bytes made without a route (a pure generator's output), read the same way. */
export function pdfBytesText(data: Buffer, options: PdfTextOptions = {}): string {
  if (!existsSync(PDFTOTEXT)) throw new Error('pdftotext not found: install poppler-utils');
  const file = join(tempDir(), `doc-${++pdfs}.pdf`);
  writeFileSync(file, data);
  try {
    const text = execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
    return options.keepWhitespace ? text : text.replace(/\s+/g, '');
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * The text of a .docx response (expected 200): the <w:t> runs of word/document.xml joined, entities unescaped.
 * Word splits text into runs; joined, assertions do not depend on where it split.
 */
export async function docxText(res: LightMyRequestResponse): Promise<string> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    .replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** The UTF-8 file name of a download (Content-Disposition filename*=UTF-8''…), or null without one. */
export function filename(res: LightMyRequestResponse): string | null {
  const m = /filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']));
  return m ? decodeURIComponent(m[1]) : null;
}

/** 2026-03-05 → 2026年3月5日, written independently of chineseDate, so a broken formatter cannot pass its own test. */
export const cn = (ymd: string) => `${ymd.slice(0, 4)}年${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
