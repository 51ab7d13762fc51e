import { addYears, maskIdNumber, maskPhone, normalizePhone, validateIdNumber, type MemberProfile } from '@dj/contracts';
import type { FieldCipher } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';

export interface FieldProblem { path: string; message: string }

export type PersonProfile = Pick<MemberProfile, 'name' | 'gender' | 'ethnicity' | 'birthDate' | 'idNumber' | 'phone' | 'nativePlace' | 'education' | 'occupation' | 'workUnit' | 'address' | 'hamlet'>;

/**
 * Checks the personal numbers of a profile and seals them. Returns the `persons` columns, or the problems
 * with the field each one belongs to. The plain values never leave this function except as ciphertext.
 */
export function sealPerson(cipher: FieldCipher, p: PersonProfile): { ok: true; columns: SealedPerson; idNumber: string } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const id = validateIdNumber(p.idNumber, { birthDate: p.birthDate, gender: p.gender });
  if (!id.ok) problems.push({ path: 'idNumber', message: `身份证号:${id.message}` });
  let phone: string | null = null;
  if (p.phone) {
    const checked = normalizePhone(p.phone);
    if (checked.ok) phone = checked.value;
    else problems.push({ path: 'phone', message: checked.message });
  }
  if (!id.ok || problems.length) return { ok: false, problems };
  return {
    ok: true,
    idNumber: id.value,
    columns: {
      name: p.name, gender: p.gender, ethnicity: p.ethnicity || '汉族', birthDate: p.birthDate,
      idNumberEnc: cipher.encrypt(id.value), idNumberHash: cipher.lookupHash(id.value), idNumberMasked: maskIdNumber(id.value),
      phoneEnc: phone ? cipher.encrypt(phone) : null, phoneHash: phone ? cipher.lookupHash(phone) : null, phoneMasked: phone ? maskPhone(phone) : null,
      nativePlace: p.nativePlace ?? null, education: p.education ?? null, occupation: p.occupation ?? null,
      workUnit: p.workUnit ?? null, address: p.address ?? null, hamlet: p.hamlet ?? null,
    },
  };
}

export interface SealedPerson {
  name: string; gender: 'male' | 'female'; ethnicity: string; birthDate: string;
  idNumberEnc: string; idNumberHash: string; idNumberMasked: string;
  phoneEnc: string | null; phoneHash: string | null; phoneMasked: string | null;
  nativePlace: string | null; education: string | null; occupation: string | null; workUnit: string | null; address: string | null; hamlet: string | null;
}

/** Dates that must follow each other: born, 18 years later may join, then 转正. */
export function checkMembershipDates(p: { birthDate: string; joinedAt: string; confirmedAt?: string | null; confirmedDateUnknown?: boolean }, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const adult = `${Number(p.birthDate.slice(0, 4)) + 18}${p.birthDate.slice(4)}`;
  // 党章 第一条: 年满十八岁 may apply; the admission date cannot precede that.
  if (p.joinedAt < adult) problems.push({ path: 'joinedAt', message: '入党日期早于年满18周岁的日期(党章第一条)' });
  if (p.joinedAt > today) problems.push({ path: 'joinedAt', message: '入党日期不能晚于今天' });
  if (p.confirmedAt) {
    if (p.confirmedAt <= p.joinedAt) problems.push({ path: 'confirmedAt', message: '转正日期应晚于入党日期' });
    if (p.confirmedAt > today) problems.push({ path: 'confirmedAt', message: '转正日期不能晚于今天' });
    if (p.confirmedDateUnknown) problems.push({ path: 'confirmedAt', message: '已填写转正日期,不能同时选“转正日期不详”' });
  } else if (p.confirmedDateUnknown && addYears(p.joinedAt, 1) > today) {
    problems.push({ path: 'confirmedAt', message: `入党日期为${p.joinedAt},预备期一年至${addYears(p.joinedAt, 1)}才满,尚不能是正式党员(发展党员工作细则第三十二条)` });
  }
  return problems;
}

const COUNTED: { key: string; label: string }[] = [
  { key: 'ethnicity', label: '民族' }, { key: 'nativePlace', label: '籍贯' }, { key: 'education', label: '学历' },
  { key: 'occupation', label: '工作岗位' }, { key: 'workUnit', label: '工作单位' }, { key: 'phoneMasked', label: '联系电话' },
  { key: 'address', label: '家庭住址' }, { key: 'hamlet', label: '村民小组' },
];

/** Record completeness: the share of the optional form fields filled in (required ones always are). */
export function completeness(row: Record<string, unknown>): { percent: number; missing: string[] } {
  const missing = COUNTED.filter((f) => row[f.key] === null || row[f.key] === undefined || row[f.key] === '').map((f) => f.label);
  return { percent: Math.round(((COUNTED.length - missing.length) / COUNTED.length) * 100), missing };
}

/** A person entered by name and numbers alone (a cadre, reserve, talent or person away who is not a member). */
export interface NonMemberInput { name: string; gender: 'male' | 'female'; birthDate: string; idNumber: string; phone?: string | null; education?: PersonProfile['education'] }

/** Such a person sealed like a member's profile, the rest of the profile empty; or the problems, field by field. */
export function sealNonMember(cipher: FieldCipher, p: NonMemberInput) {
  return sealPerson(cipher, {
    name: p.name, gender: p.gender, birthDate: p.birthDate, idNumber: p.idNumber, phone: p.phone ?? null, ethnicity: '汉族',
    nativePlace: null, education: p.education ?? null, occupation: null, workUnit: null, address: null, hamlet: null,
  });
}

/** The form's `newPerson` sealed, or one VALIDATION error naming each field under `newPerson.`. */
export function sealNewPersonField(cipher: FieldCipher, p: NonMemberInput): SealedPerson {
  const sealed = sealNonMember(cipher, p);
  if (!sealed.ok) throw new AppError('VALIDATION', sealed.problems.map((x) => x.message).join(';'), sealed.problems.map((x) => ({ ...x, path: `newPerson.${x.path}` })));
  return sealed.columns;
}
