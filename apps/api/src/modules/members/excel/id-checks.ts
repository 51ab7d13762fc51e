/**
 * What a 居民身份证号 says about its holder (GB 11643-1999: digits 7–14 are the birth date, the 17th is odd for
 * men and even for women), used to fill a roster's missing 出生日期/性别 columns and to catch a row whose
 * columns disagree with its ID. The check digit is judged by the service's validator (@dj/contracts), which
 * refuses such a row anyway; here only the shape and the date are needed.
 */
import { addYears } from '@dj/contracts';
import type { Gender, RosterValues } from './columns.js';

const GENDER_TEXT: Record<Gender, string> = { male: '男', female: '女' };

/** Birth date and gender an 18-character ID number carries, or null when it is not one. */
export function fromIdNumber(id: string): { birthDate: string; gender: Gender } | null {
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const real = new Date(Date.UTC(y, m - 1, d));
  if (real.getUTCFullYear() !== y || real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) return null;
  return { birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/**
 * 出生年月 columns often hold only 1985.03. The ID number carries the full birth date, so when its year
 * and month agree we take the day from it; anything else stays an error rather than an invented day.
 */
export function birthFromId(partial: { year: number; months: number[] }, id: string): { date?: string; mismatch: boolean } {
  const held = fromIdNumber(id);
  if (!held) return { mismatch: false };
  const [y, m] = [Number(held.birthDate.slice(0, 4)), Number(held.birthDate.slice(5, 7))];
  if (y !== partial.year || !partial.months.includes(m)) return { mismatch: true };
  return { date: held.birthDate, mismatch: false };
}

export interface IdProblem { field: 'birthDate' | 'gender'; message: string }

/**
 * Fills 出生日期 and 性别 from the ID when the roster has no such column (`absent`), and reports a filled one that
 * disagrees with the ID. Returns the problems, each naming the field it belongs to.
 */
export function reconcileWithId(values: RosterValues, absent: { birthDate: boolean; gender: boolean }): IdProblem[] {
  const held = fromIdNumber(values.idNumber);
  if (!held) return [];
  if (absent.birthDate) values.birthDate = held.birthDate;
  if (absent.gender) values.gender = held.gender;
  const problems: IdProblem[] = [];
  if (values.birthDate && values.birthDate !== held.birthDate) {
    problems.push({ field: 'birthDate', message: `与身份证号不一致:身份证号第7–14位表示出生日期为${held.birthDate},此处填写的是${values.birthDate}` });
  }
  if (values.gender && values.gender !== held.gender) {
    problems.push({ field: 'gender', message: `与身份证号不一致:身份证号第17位表示性别为${GENDER_TEXT[held.gender]},此处填写的是${GENDER_TEXT[values.gender]}` });
  }
  return problems;
}

/**
 * 人员类别 against the dates: a 预备党员 has no 转正日期 yet. A 正式党员 without one is 转正日期不详 (old rosters
 * often lack it; importer's confirmedDateUnknown), not an error: refusing the row kept real rosters out.
 */
export function standingProblems(values: RosterValues): { field: 'standing' | 'confirmedAt'; message: string }[] {
  if (values.standing === 'probationary' && values.confirmedAt) {
    return [{ field: 'standing', message: '人员类别为预备党员,但填写了转正日期:预备党员尚未转正,请核对人员类别或删去转正日期' }];
  }
  return [];
}

/**
 * 转正日期不详: no 转正日期, and either the row says 正式党员, or it says nothing and the 入党日期 is more than two
 * years back — the longest a 预备期 can run (one year, extended at most one more: 发展党员工作细则第三十二条), so a member
 * still on the roster is a 正式党员 whose date the roster does not give. Nothing is made up: the date stays unknown.
 */
export function confirmedDateUnknown(values: Pick<RosterValues, 'standing' | 'confirmedAt' | 'joinedAt'>, today: string): boolean {
  if (values.confirmedAt || !values.joinedAt) return false;
  if (values.standing === 'full') return true;
  return values.standing === null && addYears(values.joinedAt, 2) < today;
}
