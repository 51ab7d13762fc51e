/** The generated messy roster end to end, and the promises fixtures.ts makes to other test suites. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildMessyRoster, idCheckChar } from './fixtures.js';
import { parseRoster } from './parse-roster.js';
import { open } from './test-workbook.js';

const ORGS = ['东岭村党支部', '河东村党支部', '后楼村党支部'];

describe('buildMessyRoster + parseRoster', () => {
  it('parses the messy roster to exactly the expected rows, values and errors', async () => {
    const fixture = await buildMessyRoster({ count: 150, organizationNames: ORGS, withErrors: true });
    const roster = await parseRoster(fixture.file);
    expect(roster.headerRow).toBe(fixture.headerRow);
    expect(roster.rows).toHaveLength(fixture.expectedValid + fixture.expectedInvalid);
    expect([fixture.expectedValid, fixture.expectedInvalid]).toEqual([152, 4]);

    const valid = roster.rows.filter((r) => r.errors.length === 0);
    expect(valid.map((r) => ({ row: r.row, values: r.values }))).toEqual(fixture.expectedRows);
    const invalid = roster.rows.filter((r) => r.errors.length > 0);
    expect(invalid.flatMap((r) => r.errors.map((e) => ({ row: r.row, ...e })))).toEqual(fixture.expectedErrors);

    const duplicate = invalid.find((r) => r.duplicateOfRow !== undefined);
    expect(duplicate?.duplicateOfRow).toBe(fixture.expectedRows[0].row);
    // The rows only the service can reject pass the parser untouched.
    for (const row of [...fixture.unknownOrganizationRows, ...fixture.badCheckDigitRows]) expect(valid.some((r) => r.row === row)).toBe(true);
    expect(valid.find((r) => r.row === fixture.unknownOrganizationRows[0])?.values.organizationName).toBe('未登记党支部');
  });

  it('parses cleanly without the bad rows', async () => {
    const fixture = await buildMessyRoster({ count: 40, organizationNames: ORGS.slice(0, 1) });
    const roster = await parseRoster(fixture.file);
    expect([fixture.expectedValid, fixture.expectedInvalid, fixture.unknownOrganizationRows, fixture.badCheckDigitRows]).toEqual([40, 0, [], []]);
    expect(roster.rows.filter((r) => r.errors.length)).toEqual([]);
    expect(roster.rows.map((r) => r.values)).toEqual(fixture.expectedRows.map((r) => r.values));
  });
});

describe('buildMessyRoster', () => {
  it('is deterministic for a seed and varies with it', async () => {
    const a = await buildMessyRoster({ count: 30, organizationNames: ORGS, seed: 7 });
    const b = await buildMessyRoster({ count: 30, organizationNames: ORGS, seed: 7 });
    const c = await buildMessyRoster({ count: 30, organizationNames: ORGS, seed: 8 });
    expect(b.expectedRows).toEqual(a.expectedRows);
    expect(b.sampleNames).toEqual(a.sampleNames);
    expect(c.sampleNames).not.toEqual(a.sampleNames);
    expect(a.sampleNames).toHaveLength(5);
  });

  it('computes ISO 7064 MOD 11-2 check characters (GB 11643 examples)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('makes believable members: IDs from 370402 matching birth date and gender, admitted after 18, 转正 a year later', async () => {
    const { expectedRows } = await buildMessyRoster({ count: 400, organizationNames: ORGS });
    const ids = new Set<string>();
    let probationary = 0;
    for (const { values: v } of expectedRows) {
      expect(v.idNumber).toMatch(/^370402\d{11}[\dX]$/);
      expect(idCheckChar(v.idNumber.slice(0, 17))).toBe(v.idNumber[17]);
      expect(v.idNumber.slice(6, 14)).toBe(v.birthDate.replace(/-/g, ''));
      expect(Number(v.idNumber[16]) % 2 === 1 ? 'male' : 'female').toBe(v.gender);
      expect(v.birthDate >= '1940-01-01' && v.birthDate <= '2002-12-31').toBe(true);
      expect(v.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      const adult = `${Number(v.birthDate.slice(0, 4)) + 18}${v.birthDate.slice(4)}`;
      expect(v.joinedAt > adult).toBe(true);
      if (v.confirmedAt) expect(v.confirmedAt).toBe(`${Number(v.joinedAt.slice(0, 4)) + 1}${v.joinedAt.slice(4)}`);
      else probationary += 1;
      ids.add(v.idNumber);
    }
    expect(ids.size).toBe(expectedRows.length);
    expect(probationary).toBeGreaterThan(0);
    expect(new Set(expectedRows.map((r) => r.values.hamlet)).size).toBe(8);
    expect(new Set(expectedRows.map((r) => r.values.education)).size).toBeGreaterThan(5);
  });

  it('contains the mess it promises: merged title and branch blocks, alias headers, serial and text dates, full-width digits, a blank row and a footer', async () => {
    const fixture = await buildMessyRoster({ count: 60, organizationNames: ORGS });
    const ws = (await open(fixture.file)).worksheets[0];
    const merges = (ws.model.merges ?? []) as string[];
    expect(merges).toContain('A1:U1');
    expect(merges.some((m) => /^K\d+:K\d+$/.test(m))).toBe(true);
    expect(ws.getRow(fixture.headerRow).values).toEqual(expect.arrayContaining(['党员姓名', '公民身份号码', '出生\n年月', '* 入党时间', '所在党组织(必填)']));
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    const texts = cells.filter((v): v is string => typeof v === 'string');
    expect(cells.some((v) => v instanceof Date)).toBe(true);
    expect(cells.some((v) => typeof v === 'number' && v > 10_000 && v < 50_000)).toBe(true); // a date serial
    expect(texts.some((t) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(t))).toBe(true);
    expect(texts.some((t) => /[\uFF10-\uFF19]{6}/.test(t))).toBe(true);
    expect(texts.some((t) => /^\s|\s$/.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('合计'))).toBe(true);
    const lastData = Math.max(...fixture.expectedRows.map((r) => r.row));
    const blank: number[] = [];
    for (let r = fixture.headerRow + 1; r <= lastData; r++) {
      let own = false;
      ws.getRow(r).eachCell((cell) => { if (cell.type !== ExcelJS.ValueType.Merge) own = true; });
      if (!own) blank.push(r);
    }
    expect(blank).toHaveLength(1);
    expect(ws.getCell(blank[0], 11).type).toBe(ExcelJS.ValueType.Merge); // inside a merged 所在党组织 block
  });
});
