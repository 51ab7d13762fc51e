/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence whose last digit
 * is odd for men and even for women, and a check character by ISO 7064 MOD 11-2. Shared by the API (which
 * decides) and the web forms (which answer before a round trip); phones and masks live here too.
 */

import { todayInShanghai } from './dates.js';

export type Gender = 'male' | 'female';
export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: Gender }
  | { ok: false; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
export const ID_NUMBER_FORMAT_MESSAGE = '身份证号应为18位数字(最后一位可为X)';
export const ID_NUMBER_DATE_MESSAGE = '身份证号中的出生日期不是有效日期';
export const ID_NUMBER_CHECK_MESSAGE = '身份证号校验位不正确,请核对';
const GENDER_TEXT: Record<Gender, string> = { male: '男', female: '女' };

/** Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A) to their ASCII forms. */
function halfWidthAlnum(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Excel and phone keyboards deliver IDs with spaces, full-width digits and a lower-case x: accept them all. */
export function normalizeIdNumber(raw: string): string {
  // \s covers the ideographic space U+3000 and NBSP; U+FEFF (BOM) arrives from CSV files.
  return halfWidthAlnum(raw.trim().replace(/[\s\uFEFF]+/g, '')).replace(/x/g, 'X');
}

/** The check character for the first 17 digits. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('计算校验位需要身份证号的前17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Calendar dates only: 1985-02-30 is not one. */
function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Birth date (YYYY-MM-DD) and gender as written in an 18-character number; no check-digit test. */
export function readIdNumber(value: string): { birthDate: string; gender: Gender } | null {
  if (!/^\d{17}[\dX]$/.test(value)) return null;
  // The 17th character: odd for men, even for women.
  return { birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`, gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

/**
 * Checks format, the birth date inside the number and the check character; with `expect`, also that the
 * number agrees with the birth date and gender entered elsewhere. `today` (default: today in China) bounds the birth date.
 */
export function validateIdNumber(
  raw: string,
  expect?: { birthDate?: string | null; gender?: Gender | null },
  today: string = todayInShanghai(),
): IdNumberResult {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: ID_NUMBER_FORMAT_MESSAGE };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < '1900-01-01' || birthDate > today) {
    return { ok: false, message: ID_NUMBER_DATE_MESSAGE };
  }
  if (idNumberCheckDigit(value.slice(0, 17)) !== value[17]) return { ok: false, message: ID_NUMBER_CHECK_MESSAGE };
  if (expect?.birthDate && expect.birthDate !== birthDate) {
    return { ok: false, message: `身份证号中的出生日期(${birthDate})与出生日期(${expect.birthDate})不一致` };
  }
  const gender: Gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  if (expect?.gender && expect.gender !== gender) {
    return { ok: false, message: `身份证号第17位表示性别为${GENDER_TEXT[gender]},与填写的性别(${GENDER_TEXT[expect.gender]})不一致` };
  }
  return { ok: true, value, birthDate, gender };
}

/** 370402********123X: region and the last four stay visible so a secretary can tell records apart. */
export function maskIdNumber(v: string): string {
  const s = normalizeIdNumber(v);
  // Too short to keep 10 characters visible without exposing nearly all of it.
  if (s.length < 15) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}********${s.slice(-4)}`;
}

/** 138****1234 for mobiles; anything else keeps its first 3 and last 2 characters. */
export function maskPhone(v: string): string {
  const s = v.trim();
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(-4)}`;
  if (s.length <= 5) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 5)}${s.slice(-2)}`;
}

export const PHONE_MESSAGE = '联系电话格式不正确(应为11位手机号或带区号的固定电话)';

/** Canonical form: 13812345678 for mobiles, 0632-1234567 for landlines. */
export function normalizePhone(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const s = halfWidthAlnum(raw.trim())
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, '-') // full-width hyphen, en/em dashes, minus sign
    .replace(/\uFF0B/g, '+');
  const compact = s.replace(/[\s\-\uFEFF]+/g, '').replace(/^(\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(compact)) return { ok: true, value: compact };
  // Area codes are 3 or 4 digits, so a landline needs its separator to be read unambiguously.
  const landline = /^(0\d{2,3})[\s-]+(\d{7,8})$/.exec(s.replace(/\s+/g, ' '));
  if (landline) return { ok: true, value: `${landline[1]}-${landline[2]}` };
  return { ok: false, message: PHONE_MESSAGE };
}
