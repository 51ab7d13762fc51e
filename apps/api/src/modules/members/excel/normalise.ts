/**
 * Text, date and yes/no clean-up for rosters typed by hand in Excel or WPS. Everything here is pure and
 * knows nothing about columns; columns.ts decides which of these each column uses.
 */

/** What a cell holds once exceljs' wrappers (rich text, hyperlink, formula result) are peeled off. */
export type CellInput = string | number | boolean | Date | null;

export type Normalised<T> =
  | { ok: true; value: T }
  /** `partialDate`: the text was a year and month only; the parser may complete it (see parse-roster.ts). */
  | { ok: false; message: string; partialDate?: { year: number; months: number[] } };

// Zero-width characters and the BOM arrive with text pasted from web pages and WeChat.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * NFKC turns full-width digits, letters and punctuation (１９８５．３，ＡＢ，（）) and the ideographic
 * space into their ASCII forms, so everything downstream only has to know one spelling.
 */
export function cleanText(input: CellInput): string {
  if (input === null) return '';
  const s = typeof input === 'string' ? input : input instanceof Date ? isoDate(input) : String(input);
  return s.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Our own export writes a leading apostrophe before = + - @ (template.ts, formula-injection guard);
 * dropping it again lets an exported roster be imported unchanged.
 */
export function unquoteExported(s: string): string {
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

/** Names, branch and hamlet names never contain spaces; secretaries pad 2-character names to align columns. */
export function compactText(input: CellInput): string {
  const s = unquoteExported(cleanText(input));
  // Only CJK text loses its spaces: a Latin-script name keeps the space between its parts.
  return /[A-Za-z]/.test(s) ? s : s.replace(/ /g, '');
}

/** Key used to compare a header or an enum value with our spellings: no spaces, markers or notes. */
export function headerKey(text: string): string {
  return cleanText(text)
    .replace(/\(.*?\)|\[.*?\]|【.*?】|〔.*?〕/g, '') // "(必填)", "(书记/委员)"
    .replace(/[*\s:]/g, '')
    .toLowerCase();
}

/**
 * ID and phone numbers: half-width, no spaces, upper-case X. Validity (length, check digit) is decided by
 * the service's validator so the rule lives in one place.
 */
export function compactNumberText(input: CellInput): string {
  return cleanText(input).replace(/^['`]/, '').replace(/ /g, '').replace(/x/g, 'X');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoDate(d: Date): string {
  // exceljs returns date cells as UTC midnight; the extra second absorbs floating-point serials like 31108.9999999.
  const day = new Date(Math.floor((d.getTime() + 1000) / 86_400_000) * 86_400_000);
  return `${day.getUTCFullYear()}-${pad2(day.getUTCMonth() + 1)}-${pad2(day.getUTCDate())}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkedDate(y: number, m: number, d: number, shown: string): Normalised<string> {
  // Years outside 1900–2100 are typing slips (8501.3.2) or misread numbers, not party dates.
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, message: `日期无效:${shown}` };
  return { ok: true, value: `${y}-${pad2(m)}-${pad2(d)}` };
}

function yearOnly(shown: string): Normalised<string> {
  return { ok: false, message: `日期不完整:${shown}(需填写到具体某一天)` };
}

function monthOnly(y: number, months: number[], shown: string): Normalised<string> {
  return {
    ok: false,
    message: `日期不完整:${shown}(需填写到具体某一天)`,
    partialDate: { year: y, months },
  };
}

// 1985.3.2 1985/03/02 1985-3-2 1985年3月2日 1985-03-02 00:00:00, after NFKC.
const FULL = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_MONTH = /^(\d{4})(?:[.\-/年](\d{1,2})月?|(\d{2}))$/;

/** Excel 1900 date system (with its phantom 1900-02-29, irrelevant for serials after March 1900). */
function fromSerial(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}

/**
 * Dates as they appear in rosters: Date cells, serial numbers in unformatted cells, and text in a dozen
 * shapes. Year+month alone is reported as incomplete, never padded to day 01: 入党日期 and 转正日期 are
 * the days of the 支部大会 and 党委 decisions recorded in the 党员档案, and a made-up day would end up in
 * the member's 党籍 history as if it were a fact.
 */
export function parseDate(input: CellInput, date1904 = false): Normalised<string> | null {
  if (input === null || input === '') return null;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? { ok: false, message: '日期无效' } : { ok: true, value: isoDate(input) };
  if (typeof input === 'boolean') return { ok: false, message: `日期无效:${String(input)}` };
  if (typeof input === 'number') {
    if (Number.isInteger(input) && input >= 19000101 && input <= 21001231) return parseDate(String(input), date1904);
    // 201907 in a General cell: a year and month (serial 201907 would be a day in the year 2452).
    if (Number.isInteger(input) && input >= 190001 && input <= 210012) return parseDate(String(input), date1904);
    // 1985.03 typed into a General cell becomes the number 1985.03; 1985.10 becomes 1985.1, so .1 may be October.
    if (input >= 1900 && input < 2101) {
      const [y, frac = ''] = String(input).split('.');
      if (!frac) return yearOnly(String(input));
      const m = Number(frac.length === 1 ? frac : frac.slice(0, 2));
      return monthOnly(Number(y), frac === '1' ? [1, 10] : [m], String(input));
    }
    if (input > 0 && input < 2_958_466) return { ok: true, value: isoDate(fromSerial(input, date1904)) };
    return { ok: false, message: `日期无效:${input}` };
  }
  const shown = cleanText(input);
  const s = shown.replace(/ (?=\d{1,2}:)/, 'T').replace(/ /g, '').replace(/[.。]$/, '');
  if (!s) return null;
  const full = FULL.exec(s) ?? COMPACT.exec(s);
  if (full) return checkedDate(Number(full[1]), Number(full[2]), Number(full[3]), shown);
  if (/^\d{4}年?$/.test(s)) return yearOnly(shown);
  const ym = YEAR_MONTH.exec(s);
  if (ym) {
    const m = Number(ym[2] ?? ym[3]);
    if (m < 1 || m > 12) return { ok: false, message: `日期无效:${shown}` };
    return monthOnly(Number(ym[1]), [m], shown);
  }
  return { ok: false, message: `日期无效:${shown}` };
}

const YES = new Set(['是', '√', '✓', '✔', '☑', '有', 'y', 'yes', '1', 'true', '是的']);
const NO = new Set(['否', '×', '✗', '✘', '☐', '无', 'n', 'no', '0', 'false', '不是', '没有', '-', '—', '/']);

/** 是/否 columns: a blank cell means 否, because secretaries only tick the members it applies to. */
export function parseYesNo(input: CellInput): Normalised<boolean> {
  if (typeof input === 'boolean') return { ok: true, value: input };
  const s = cleanText(input).toLowerCase();
  if (s === '' || NO.has(s)) return { ok: true, value: false };
  if (YES.has(s)) return { ok: true, value: true };
  return { ok: false, message: `无法识别“${s}”` };
}
