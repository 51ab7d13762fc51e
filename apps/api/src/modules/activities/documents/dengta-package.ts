import { minutesDocx, minutesPdf, signInSheetPdf } from './activity-documents.js';
import type { DocActivity } from './types.js';

/**
 * The export bundle for 灯塔—党建在线. Its upload form takes the structured record plus the
 * documents and photos as attachments, so everything for one activity travels in one zip that a
 * secretary can upload (or keep) as is.
 */
export async function dengtaPackage(a: DocActivity, record: unknown): Promise<Buffer> {
  const [docx, pdf, signIn] = await Promise.all([minutesDocx(a), minutesPdf(a), signInSheetPdf(a)]);
  // Loaded on the first package, not at start-up (restart time, issue 11).
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  // Explicit UTF-8 bytes: the upstream importer reads the JSON as UTF-8 and Chinese must survive.
  zip.file('record.json', Buffer.from(JSON.stringify(record, null, 2) + '\n', 'utf8'));
  // JPEGs and PDFs are already compressed; deflating them again only costs time.
  a.photos.forEach((p, i) => zip.file(`photos/${String(i + 1).padStart(2, '0')}.jpg`, p.data, { compression: 'STORE' }));
  zip.file('会议记录.docx', docx, { compression: 'STORE' });
  zip.file('会议记录.pdf', pdf, { compression: 'STORE' });
  zip.file('签到表.pdf', signIn, { compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
