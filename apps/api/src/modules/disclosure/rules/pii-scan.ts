/**
 * 保密审查 before anything is published (PIPL Art. 25: publishing personal information needs a legal duty;
 * 村务公开 gives one for names and amounts, never for 身份证号 or 手机号). Finds 18-digit mainland ID numbers
 * with a valid GB 11643 check digit and mainland mobile numbers, and says where. Pure: no database, no clock.
 */
import { maskIdNumber, maskPhone, validateIdNumber } from '@dj/contracts';

export interface PiiFinding { kind: 'id_number' | 'mobile'; where: string; masked: string; message: string }
export interface ScanWarning { where: string; message: string }
export interface PiiScan { ok: boolean; findings: PiiFinding[]; warnings: ScanWarning[] }

interface Hit { kind: PiiFinding['kind']; start: number; end: number; value: string }

// Not part of a longer run of digits or letters: a 20-digit account number is not an ID number.
const ID_CANDIDATE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
// 138 1234 5678 and 138-1234-5678 are written too; +86/86 in front is still a mobile.
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[-\s]?)?(1[3-9]\d(?:[-\s]?\d{4}){2})(?![0-9])/g;

/**
 * Full-width digits (１３８…) become ASCII first (NFKC), so they cannot slip past; NFKC keeps the length of
 * these characters, so positions still point into the original text.
 */
const normalise = (text: string) => text.replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF0B\uFF0D]/g, (c) => c.normalize('NFKC'));

/** The personal numbers in one text; `today` bounds the birth date inside an ID number. */
export function findNumbers(text: string, today: string): Hit[] {
  const s = normalise(text);
  const hits: Hit[] = [];
  for (const m of s.matchAll(ID_CANDIDATE)) {
    // A wrong check digit or an impossible birth date is some other 18-digit number (an order number …).
    if (validateIdNumber(m[0], undefined, today).ok) hits.push({ kind: 'id_number', start: m.index, end: m.index + m[0].length, value: m[0].toUpperCase() });
  }
  for (const m of s.matchAll(MOBILE)) {
    const start = m.index;
    if (hits.some((h) => start < h.end && h.start < start + m[0].length)) continue;
    hits.push({ kind: 'mobile', start, end: start + m[0].length, value: m[1].replace(/[-\s]/g, '') });
  }
  return hits.sort((a, b) => a.start - b.start);
}

const KIND_TEXT = { id_number: '身份证号', mobile: '手机号' } as const;
const maskOf = (h: Hit) => (h.kind === 'id_number' ? maskIdNumber(h.value) : maskPhone(h.value));

function toFindings(hits: Hit[], where: string): PiiFinding[] {
  return hits.map((h) => ({ kind: h.kind, where, masked: maskOf(h), message: `${where}含${KIND_TEXT[h.kind]}(${maskOf(h)})` }));
}

/** Text with every personal number masked: the last defence on the public pages (notices, micro-power). */
export function redact(text: string, today: string): string {
  const hits = findNumbers(text, today);
  let out = '';
  let at = 0;
  for (const h of hits) { out += text.slice(at, h.start) + maskOf(h); at = h.end; }
  return out + text.slice(at);
}

/**
 * Whether any of the texts a public page shows holds a personal number, by the very search `redact` makes (whole
 * texts: a mobile number broken over two lines counts, as it is masked there), so a stored false means redact
 * would change nothing.
 */
export function anyNumbers(texts: readonly string[], today: string): boolean {
  return texts.some((t) => findNumbers(t, today).length > 0);
}

/** A text spread over lines: "正文第3行" tells the secretary where to look in a long text. */
function scanLines(text: string, where: string, today: string): PiiFinding[] {
  const lines = text.split(/\r?\n/);
  if (lines.length === 1) return toFindings(findNumbers(text, today), where);
  return lines.flatMap((line, i) => toFindings(findNumbers(line, today), `${where}第${i + 1}行`));
}

/** Cells of a table; rows are counted from the first row under the header, as shown on the page. */
export function scanTable(table: { header: string[]; rows: string[][] }, where: string, today: string): PiiFinding[] {
  const out = table.header.flatMap((cell, c) => toFindings(findNumbers(cell, today), `${where}表头第${c + 1}列`));
  table.rows.forEach((row, r) => row.forEach((cell, c) => out.push(...toFindings(findNumbers(cell, today), `${where}第${r + 1}行第${c + 1}列`))));
  return out;
}

/** An attachment as the service could read it: plain text, the cells of a workbook, or nothing (binary). */
export type ScannedFile =
  | { name: string; text: string }
  | { name: string; sheets: { name: string; header: string[]; rows: string[][] }[] }
  | { name: string; unreadable: true };

export interface ScanInput {
  title: string;
  content: string;
  table: { header: string[]; rows: string[][] } | null;
  files: ScannedFile[];
}

export function scanDisclosure(input: ScanInput, today: string): PiiScan {
  const findings: PiiFinding[] = [
    ...toFindings(findNumbers(input.title, today), '标题'),
    ...scanLines(input.content, '正文', today),
    ...(input.table ? scanTable(input.table, '表格', today) : []),
  ];
  const warnings: ScanWarning[] = [];
  for (const f of input.files) {
    const where = `附件“${f.name}”`;
    findings.push(...toFindings(findNumbers(f.name, today), `${where}的文件名`));
    if ('text' in f) findings.push(...scanLines(f.text, where, today));
    else if ('sheets' in f) {
      // Workbook rows here are the sheet's own rows (header = 第1行), which is what Excel shows the secretary.
      for (const sheet of f.sheets) {
        const all = [sheet.header, ...sheet.rows];
        all.forEach((row, r) => row.forEach((cell, c) => findings.push(...toFindings(findNumbers(cell, today), `${where}工作表“${sheet.name}”第${r + 1}行第${c + 1}列`))));
      }
    } else {
      warnings.push({ where, message: `${where}是图片、PDF或Word等文件,系统无法检查其中的文字,请人工确认不含身份证号、手机号等个人信息` });
    }
  }
  return { ok: findings.length === 0, findings, warnings };
}

/** The refusal message: every place, so the secretary can fix them all at once. */
export function scanMessage(scan: PiiScan): string {
  const shown = scan.findings.slice(0, 10).map((f) => f.message).join(';');
  const more = scan.findings.length > 10 ? `等共${scan.findings.length}处` : '';
  return `公开内容含个人信息,不能公开:${shown}${more}。请删除或打码后重新提交(保密审查,《个人信息保护法》第二十五条)`;
}

/** Named texts of another module's public page (党建动态, 示范点): each finding names its field and line. */
export function scanFields(fields: readonly { where: string; text: string }[], today: string): PiiScan {
  const findings = fields.flatMap((f) => scanLines(f.text, f.where, today));
  return { ok: findings.length === 0, findings, warnings: [] };
}
