import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng.js';
import { idNumberCheckDigit, maskIdNumber, maskPhone, normalizeIdNumber, normalizePhone, validateIdNumber } from './id-number.js';

const TODAY = '2026-06-15';

// Independent of the module under test: weight i is 2^(17-i) mod 11, as ISO 7064 MOD 11-2 defines it.
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

function generateIds(count: number, seed: number) {
  const rand = mulberry32(seed);
  const out: { id: string; birthDate: string; gender: 'male' | 'female' }[] = [];
  while (out.length < count) {
    const ms = Date.UTC(1900, 0, 1) + Math.floor(rand() * (Date.UTC(2026, 5, 15) - Date.UTC(1900, 0, 1)));
    const birthDate = new Date(ms).toISOString().slice(0, 10);
    const seq = String(Math.floor(rand() * 1000)).padStart(3, '0');
    const body = `370402${birthDate.replaceAll('-', '')}${seq}`;
    out.push({ id: body + referenceCheck(body), birthDate, gender: Number(seq[2]) % 2 ? 'male' : 'female' });
  }
  return out;
}

describe('validateIdNumber (GB 11643-1999)', () => {
  it('GB 11643-1999 附录: the standard\'s own examples are valid', () => {
    expect(validateIdNumber('11010519491231002X', undefined, TODAY)).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
    expect(validateIdNumber('440524188001010014', undefined, TODAY)).toEqual({ ok: false, message: '身份证号中的出生日期不是有效日期' }); // born 1880: before 1900
    expect(idNumberCheckDigit('44052418800101001')).toBe('4');
  });

  it('accepts 100% of 300 generated IDs and reads birth date and gender from them', () => {
    const ids = generateIds(300, 42);
    for (const g of ids) {
      expect(validateIdNumber(g.id, { birthDate: g.birthDate, gender: g.gender }, TODAY), g.id).toEqual({ ok: true, value: g.id, birthDate: g.birthDate, gender: g.gender });
    }
    expect(ids.some((g) => g.id.endsWith('X'))).toBe(true); // the X branch is exercised
  });

  it('GB 11643-1999 (ISO 7064 MOD 11-2): rejects 100% of single-character mutations of 30 IDs', () => {
    let tried = 0;
    for (const { id } of generateIds(30, 7)) {
      for (let pos = 0; pos < 18; pos++) {
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        for (const c of alphabet) {
          if (c === id[pos]) continue;
          const mutated = id.slice(0, pos) + c + id.slice(pos + 1);
          expect(validateIdNumber(mutated, undefined, TODAY).ok, mutated).toBe(false);
          tried++;
        }
      }
    }
    expect(tried).toBe(30 * (17 * 9 + 10));
  });

  it('checks in order, each with its own message', () => {
    expect(validateIdNumber('37040219850302051', undefined, TODAY)).toEqual({ ok: false, message: '身份证号应为18位数字(最后一位可为X)' });
    expect(validateIdNumber('3704021985030205A1', undefined, TODAY).ok).toBe(false);
    expect(validateIdNumber('37040219850302051A', undefined, TODAY)).toMatchObject({ message: '身份证号应为18位数字(最后一位可为X)' });
    expect(validateIdNumber('370402850302051', undefined, TODAY)).toMatchObject({ message: '身份证号应为18位数字(最后一位可为X)' }); // old 15-digit
    const bad = (body: string) => validateIdNumber(body + referenceCheck(body), undefined, TODAY);
    expect(bad('37040219850230051')).toEqual({ ok: false, message: '身份证号中的出生日期不是有效日期' }); // 2月30日
    expect(bad('37040218991231051')).toMatchObject({ message: '身份证号中的出生日期不是有效日期' }); // before 1900
    expect(bad('37040220260616051')).toMatchObject({ message: '身份证号中的出生日期不是有效日期' }); // tomorrow
    expect(bad('37040220260615051')).toMatchObject({ ok: true }); // today
    expect(bad('37040220000229051')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(bad('37040219000229051')).toMatchObject({ ok: false }); // 1900 was not a leap year
    const good = '37040219850302051' + referenceCheck('37040219850302051');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(validateIdNumber(wrongCheck, undefined, TODAY)).toEqual({ ok: false, message: '身份证号校验位不正确,请核对' });
    expect(validateIdNumber(good, { birthDate: '1985-03-12' }, TODAY)).toEqual({ ok: false, message: '身份证号中的出生日期(1985-03-02)与出生日期(1985-03-12)不一致' });
    expect(validateIdNumber(good, { gender: 'female' }, TODAY)).toEqual({ ok: false, message: '身份证号第17位表示性别为男,与填写的性别(女)不一致' });
    const woman = '37040219850302052' + referenceCheck('37040219850302052');
    expect(validateIdNumber(woman, { gender: 'male' }, TODAY)).toMatchObject({ message: '身份证号第17位表示性别为女,与填写的性别(男)不一致' });
    // The birth-date mismatch is reported before the gender mismatch.
    expect(validateIdNumber(good, { birthDate: '1985-03-12', gender: 'female' }, TODAY)).toMatchObject({ message: expect.stringContaining('出生日期') });
  });

  it('normalises lower-case x, full-width characters and spaces before checking', () => {
    expect(normalizeIdNumber(' １１０１０５ １９４９１２３１\u3000００２ｘ ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('\uFEFF110105 1949 1231 002X\t')).toBe('11010519491231002X');
    expect(validateIdNumber('１１０１０５１９４９１２３１００２ｘ', undefined, TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('uses the current date in China when none is given', () => {
    expect(validateIdNumber('11010519491231002X').ok).toBe(true);
  });
});

describe('idNumberCheckDigit', () => {
  it('matches the reference computation and refuses malformed input', () => {
    for (const { id } of generateIds(50, 3)) expect(idNumberCheckDigit(id.slice(0, 17))).toBe(id[17]);
    expect(() => idNumberCheckDigit('1234')).toThrow(/前17位/);
  });
});

describe('masking', () => {
  it('shows the first 6 and last 4 of an ID number', () => {
    expect(maskIdNumber('37040219850302123X')).toBe('370402********123X');
    expect(maskIdNumber('370402198503021234')).toHaveLength(18);
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('masks mobiles as 138****1234 and other numbers keeping 3 + 2', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0632-1234567')).toBe('063*******67');
    expect(maskPhone('12345678')).toBe('123***78');
    expect(maskPhone('12345')).toBe('*****');
  });
});

describe('normalizePhone', () => {
  it('accepts mobiles written with spaces, dashes, full-width digits or +86', () => {
    for (const raw of ['13812345678', ' 138 1234 5678 ', '138-1234-5678', '１３８１２３４５６７８', '+86 138 1234 5678', '１３８－１２３４－５６７８']) {
      expect(normalizePhone(raw), raw).toEqual({ ok: true, value: '13812345678' });
    }
  });

  it('accepts landlines with an area code and keeps the dash', () => {
    expect(normalizePhone('0632-1234567')).toEqual({ ok: true, value: '0632-1234567' });
    expect(normalizePhone('010-12345678')).toEqual({ ok: true, value: '010-12345678' });
    expect(normalizePhone('０６３２－１２３４５６７')).toEqual({ ok: true, value: '0632-1234567' });
    expect(normalizePhone('0632 1234567')).toEqual({ ok: true, value: '0632-1234567' });
  });

  it('rejects anything else with one Chinese message', () => {
    for (const raw of ['12812345678', '1381234567', '138123456789', '06321234567', '1234567', '0632-123', '', 'abc']) {
      expect(normalizePhone(raw), raw).toEqual({ ok: false, message: '联系电话格式不正确(应为11位手机号或带区号的固定电话)' });
    }
  });
});
