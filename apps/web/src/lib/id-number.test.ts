import { describe, expect, it } from 'vitest';
import {
  ID_NUMBER_CHECK_MESSAGE,
  ID_NUMBER_DATE_MESSAGE,
  ID_NUMBER_FORMAT_MESSAGE,
  PHONE_MESSAGE,
  idNumberCheckDigit,
  normalizeIdNumber,
  normalizePhone,
  readIdNumber,
  validateIdNumber,
} from './id-number';

const TODAY = '2026-06-15';

/** Independent of the module: ISO 7064 MOD 11-2 with weight 2^(17-i) mod 11 and check (12 - sum mod 11) mod 11. */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** Deterministic pseudo-random numbers so a failure can be reproduced. */
function* randomBodies(count: number, seed: number): Generator<{ body: string; birthDate: string; gender: 'male' | 'female' }> {
  let a = seed;
  const rand = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  for (let n = 0; n < count; n++) {
    const ms = Date.UTC(1920, 0, 1) + Math.floor(rand() * (Date.UTC(2008, 0, 1) - Date.UTC(1920, 0, 1)));
    const birthDate = new Date(ms).toISOString().slice(0, 10);
    const seq = String(Math.floor(rand() * 1000)).padStart(3, '0');
    yield { body: `370402${birthDate.replaceAll('-', '')}${seq}`, birthDate, gender: Number(seq[2]) % 2 ? 'male' : 'female' };
  }
}

describe('idNumberCheckDigit (ISO 7064 MOD 11-2)', () => {
  it("gives the standard's own example check characters", () => {
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
    expect(idNumberCheckDigit('44052418800101001')).toBe('4');
    expect(idNumberCheckDigit('37040219800315123')).toBe('X');
    expect(idNumberCheckDigit('37040219921108002')).toBe('0');
  });

  it('agrees with an independent implementation on 500 generated numbers', () => {
    for (const { body } of randomBodies(500, 42)) expect(idNumberCheckDigit(body), body).toBe(referenceCheck(body));
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckDigit('1234')).toThrow('前17位');
  });
});

describe('validateIdNumber', () => {
  it('accepts a valid number and reads the birth date and gender from it', () => {
    expect(validateIdNumber('11010519491231002X', undefined, TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(validateIdNumber('370402196507014571', undefined, TODAY)).toMatchObject({ ok: true, birthDate: '1965-07-01', gender: 'male' });
  });

  it('accepts every generated valid number with its birth date and gender', () => {
    for (const { body, birthDate, gender } of randomBodies(300, 7)) {
      const id = body + referenceCheck(body);
      expect(validateIdNumber(id, { birthDate, gender }, TODAY), id).toEqual({ ok: true, value: id, birthDate, gender });
    }
  });

  it('rejects every single-character change of a valid number', () => {
    const id = '37040219800315123X';
    let tried = 0;
    for (let pos = 0; pos < 18; pos++) {
      for (const c of pos === 17 ? '0123456789X' : '0123456789') {
        if (c === id[pos]) continue;
        tried++;
        const mutated = id.slice(0, pos) + c + id.slice(pos + 1);
        expect(validateIdNumber(mutated, undefined, TODAY).ok, mutated).toBe(false);
      }
    }
    expect(tried).toBe(17 * 9 + 10);
  });

  it('names what is wrong', () => {
    expect(validateIdNumber('37040219800315123', undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_FORMAT_MESSAGE });
    expect(validateIdNumber('3704021980031512AX', undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_FORMAT_MESSAGE });
    expect(validateIdNumber('370402198003151231', undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_CHECK_MESSAGE });
    // 30 February, born before 1900, born after today
    expect(validateIdNumber('370402198002301230', undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_DATE_MESSAGE });
    expect(validateIdNumber('440524188001010014', undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_DATE_MESSAGE });
    expect(validateIdNumber('370402203001011230', undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_DATE_MESSAGE });
  });

  it('accepts 29 February only in leap years', () => {
    expect(validateIdNumber('370402200002292460', undefined, TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29', gender: 'female' });
    const body = '37040219010229246';
    expect(validateIdNumber(body + referenceCheck(body), undefined, TODAY)).toEqual({ ok: false, message: ID_NUMBER_DATE_MESSAGE });
  });

  it('reports a number that disagrees with the birth date or gender on the form', () => {
    expect(validateIdNumber('37040219800315123X', { birthDate: '1980-03-16' }, TODAY)).toEqual({
      ok: false,
      message: '身份证号中的出生日期(1980-03-15)与出生日期(1980-03-16)不一致',
    });
    expect(validateIdNumber('37040219800315123X', { birthDate: '1980-03-15', gender: 'female' }, TODAY)).toEqual({
      ok: false,
      message: '身份证号第17位表示性别为男,与填写的性别(女)不一致',
    });
    // Empty form fields are not a disagreement.
    expect(validateIdNumber('37040219800315123X', { birthDate: null, gender: null }, TODAY).ok).toBe(true);
  });

  it('accepts spaces, full-width digits and a lower-case x as typed on phones', () => {
    expect(normalizeIdNumber(' 370402 19800315 123x ')).toBe('37040219800315123X');
    expect(normalizeIdNumber('３７０４０２１９８００３１５１２３ｘ')).toBe('37040219800315123X');
    expect(validateIdNumber('３７０４０２ １９８００３１５ １２３ｘ', undefined, TODAY)).toMatchObject({ ok: true, value: '37040219800315123X' });
  });
});

describe('readIdNumber', () => {
  it('takes the gender from the 17th character: odd men, even women', () => {
    expect(readIdNumber('37040219800315123X')).toEqual({ birthDate: '1980-03-15', gender: 'male' });
    expect(readIdNumber('370402199211080020')).toEqual({ birthDate: '1992-11-08', gender: 'female' });
    expect(readIdNumber('3704021992110800')).toBeNull();
  });
});

describe('normalizePhone', () => {
  it('accepts mobiles and landlines with an area code in their canonical form', () => {
    expect(normalizePhone('138 1234 5678')).toEqual({ ok: true, value: '13812345678' });
    expect(normalizePhone('+86 13812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(normalizePhone('０６３２－１２３４５６７')).toEqual({ ok: true, value: '0632-1234567' });
  });

  it('rejects anything else', () => {
    for (const bad of ['1381234567', '12812345678', '6321234567', '电话', '0632']) {
      expect(normalizePhone(bad), bad).toEqual({ ok: false, message: PHONE_MESSAGE });
    }
  });
});
