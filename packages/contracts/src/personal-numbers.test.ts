import { describe, expect, it } from 'vitest';
import {
  ID_NUMBER_CHECK_MESSAGE, ID_NUMBER_DATE_MESSAGE, ID_NUMBER_FORMAT_MESSAGE, PHONE_MESSAGE, idNumberCheckDigit, maskIdNumber, maskPhone,
  normalizeIdNumber, normalizePhone, readIdNumber, validateIdNumber,
} from './personal-numbers.js';

// The API's and the web's tests of the same shared code, merged when their wrappers were removed (issue 11).

const TODAY = '2026-06-15';

/** Independent of the module under test: weight i is 2^(17-i) mod 11, as ISO 7064 MOD 11-2 defines it. */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** Valid numbers born 1900-01-01 … TODAY, from a seeded generator so a failure can be reproduced. */
function generateIds(count: number, seed: number) {
  let a = seed;
  const rand = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const out: { id: string; body: string; birthDate: string; gender: 'male' | 'female' }[] = [];
  while (out.length < count) {
    const ms = Date.UTC(1900, 0, 1) + Math.floor(rand() * (Date.UTC(2026, 5, 15) - Date.UTC(1900, 0, 1)));
    const birthDate = new Date(ms).toISOString().slice(0, 10);
    const seq = String(Math.floor(rand() * 1000)).padStart(3, '0');
    const body = `370402${birthDate.replaceAll('-', '')}${seq}`;
    out.push({ id: body + referenceCheck(body), body, birthDate, gender: Number(seq[2]) % 2 ? 'male' : 'female' });
  }
  return out;
}

describe('idNumberCheckDigit (ISO 7064 MOD 11-2)', () => {
  it("gives the standard's own example check characters", () => {
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
    expect(idNumberCheckDigit('44052418800101001')).toBe('4');
    expect(idNumberCheckDigit('37040219800315123')).toBe('X');
    expect(idNumberCheckDigit('37040219921108002')).toBe('0');
  });

  it('agrees with an independent implementation on 500 generated numbers', () => {
    for (const { body } of generateIds(500, 42)) expect(idNumberCheckDigit(body), body).toBe(referenceCheck(body));
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckDigit('1234')).toThrow('前17位');
  });
});

describe('validateIdNumber (GB 11643-1999)', () => {
  it("GB 11643-1999 附录: the standard's own examples; born before 1900 is refused", () => {
    expect(validateIdNumber('11010519491231002X', undefined, TODAY)).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
    expect(validateIdNumber('440524188001010014', undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_DATE_MESSAGE });
    expect(validateIdNumber('370402196507014571', undefined, TODAY)).toMatchObject({ ok: true, birthDate: '1965-07-01', gender: 'male' });
  });

  it('accepts 100% of 300 generated IDs and reads birth date and gender from them', () => {
    const ids = generateIds(300, 7);
    for (const g of ids) {
      expect(validateIdNumber(g.id, { birthDate: g.birthDate, gender: g.gender }, TODAY), g.id).toEqual({ ok: true, value: g.id, birthDate: g.birthDate, gender: g.gender });
    }
    expect(ids.some((g) => g.id.endsWith('X'))).toBe(true); // the X branch is exercised
  });

  it('rejects 100% of single-character mutations of 30 IDs', () => {
    let tried = 0;
    for (const { id } of generateIds(30, 3)) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of pos === 17 ? '0123456789X' : '0123456789') {
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
    for (const raw of ['37040219850302051', '3704021985030205A1', '37040219850302051A', '3704021980031512AX', '370402850302051' /* old 15-digit */]) {
      expect(validateIdNumber(raw, undefined, TODAY), raw).toEqual({ ok: false, message: ID_NUMBER_FORMAT_MESSAGE });
    }
    const withCheck = (body: string) => validateIdNumber(body + referenceCheck(body), undefined, TODAY);
    expect(withCheck('37040219850230051')).toEqual({ ok: false, message: ID_NUMBER_DATE_MESSAGE }); // 2月30日
    expect(withCheck('37040218991231051')).toEqual({ ok: false, message: ID_NUMBER_DATE_MESSAGE }); // before 1900
    expect(withCheck('37040220260616051')).toEqual({ ok: false, message: ID_NUMBER_DATE_MESSAGE }); // tomorrow
    expect(withCheck('37040220260615051')).toMatchObject({ ok: true }); // today
    expect(validateIdNumber('370402198003151231', undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_CHECK_MESSAGE });
    expect(ID_NUMBER_CHECK_MESSAGE).toBe('身份证号校验位不正确,请核对');
  });

  it('accepts 29 February only in leap years', () => {
    expect(validateIdNumber('370402200002292460', undefined, TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29', gender: 'female' });
    const body = '37040219010229246';
    expect(validateIdNumber(body + referenceCheck(body), undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_DATE_MESSAGE });
    const nineteenHundred = '37040219000229051';
    expect(validateIdNumber(nineteenHundred + referenceCheck(nineteenHundred), undefined, TODAY).ok).toBe(false);
  });

  it('reports a number that disagrees with the birth date or gender on the form, the birth date first', () => {
    const man = '37040219850302051' + referenceCheck('37040219850302051');
    expect(validateIdNumber(man, { birthDate: '1985-03-12' }, TODAY)).toEqual({ ok: false, message: '身份证号中的出生日期(1985-03-02)与出生日期(1985-03-12)不一致' });
    expect(validateIdNumber(man, { gender: 'female' }, TODAY)).toEqual({ ok: false, message: '身份证号第17位表示性别为男,与填写的性别(女)不一致' });
    const woman = '37040219850302052' + referenceCheck('37040219850302052');
    expect(validateIdNumber(woman, { gender: 'male' }, TODAY)).toEqual({ ok: false, message: '身份证号第17位表示性别为女,与填写的性别(男)不一致' });
    expect(validateIdNumber(man, { birthDate: '1985-03-12', gender: 'female' }, TODAY)).toMatchObject({ message: expect.stringContaining('出生日期') });
    // Empty form fields are not a disagreement.
    expect(validateIdNumber(man, { birthDate: null, gender: null }, TODAY).ok).toBe(true);
  });

  it('normalises lower-case x, full-width characters and spaces before checking', () => {
    expect(normalizeIdNumber(' １１０１０５ １９４９１２３１\u3000００２ｘ ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('\uFEFF110105 1949 1231 002X\t')).toBe('11010519491231002X');
    expect(validateIdNumber('３７０４０２ １９８００３１５ １２３ｘ', undefined, TODAY)).toMatchObject({ ok: true, value: '37040219800315123X' });
  });

  it('uses the current date in China when none is given', () => {
    expect(validateIdNumber('11010519491231002X').ok).toBe(true);
  });
});

describe('readIdNumber', () => {
  it('takes the gender from the 17th character: odd men, even women', () => {
    expect(readIdNumber('37040219800315123X')).toEqual({ birthDate: '1980-03-15', gender: 'male' });
    expect(readIdNumber('370402199211080020')).toEqual({ birthDate: '1992-11-08', gender: 'female' });
    expect(readIdNumber('3704021992110800')).toBeNull();
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
    for (const raw of ['13812345678', ' 138 1234 5678 ', '138-1234-5678', '１３８１２３４５６７８', '+86 138 1234 5678', '+86 13812345678', '１３８－１２３４－５６７８']) {
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
    for (const raw of ['12812345678', '1381234567', '138123456789', '06321234567', '6321234567', '1234567', '0632-123', '0632', '', 'abc', '电话']) {
      expect(normalizePhone(raw), raw).toEqual({ ok: false, message: PHONE_MESSAGE });
    }
    expect(PHONE_MESSAGE).toBe('联系电话格式不正确(应为11位手机号或带区号的固定电话)');
  });
});
