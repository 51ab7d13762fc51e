import { describe, expect, it } from 'vitest';
import { idNumberCheckDigit } from '@dj/contracts';
import { findNumbers, redact, scanDisclosure, scanMessage } from './pii-scan.js';

const today = '2026-10-05';
const first17 = '37040219850302123';
const ID = first17 + idNumberCheckDigit(first17);
const WRONG = first17 + (idNumberCheckDigit(first17) === '0' ? '1' : '0');
const empty = { title: '', content: '', table: null, files: [] };

describe('保密审查 scan', () => {
  it('finds an ID number with a valid check digit and masks it in the message', () => {
    const hits = findNumbers(`困难补助:张三,身份证${ID},500元`, today);
    expect(hits.map((h) => h.kind)).toEqual(['id_number']);
    const scan = scanDisclosure({ ...empty, content: `张三 ${ID}` }, today);
    expect(scan.ok).toBe(false);
    expect(scan.findings[0].message).toBe(`正文含身份证号(370402********${ID.slice(-4)})`);
    expect(scan.findings[0].message).not.toContain(ID);
  });

  it('an 18-digit number with a wrong check digit does NOT block (an order or account number)', () => {
    expect(findNumbers(`编号${WRONG}`, today)).toEqual([]);
    expect(scanDisclosure({ ...empty, content: `凭证号 ${WRONG}` }, today).ok).toBe(true);
  });

  it('finds mobiles, also written with spaces, dashes, +86 or full-width digits', () => {
    for (const text of ['电话13812345678', '电话 138 1234 5678', '138-1234-5678', '+86 13812345678', '１３８１２３４５６７８']) {
      expect(findNumbers(text, today).map((h) => h.kind), text).toEqual(['mobile']);
    }
  });

  it('a mobile-like run inside a longer number does not match', () => {
    expect(findNumbers('账号6222013812345678', today)).toEqual([]);
    expect(findNumbers('编号138123456789', today)).toEqual([]);
    expect(findNumbers('合同2013812345678号', today)).toEqual([]);
    expect(findNumbers('金额12345678901元', today)).toEqual([]);
  });

  it('says where: title, line of the text, table cell, attachment; binary attachments only warn', () => {
    const scan = scanDisclosure({
      title: '补贴 13912345678',
      content: '第一行\n联系人 13812345678',
      table: { header: ['姓名', '电话'], rows: [['张三', '无'], ['李四', '13700001111']] },
      files: [{ name: '名单.txt', text: `a\nb ${ID}` }, { name: '凭证.jpg', unreadable: true },
        { name: '表.xlsx', sheets: [{ name: 'Sheet1', header: ['电话'], rows: [['15900001111']] }] }],
    }, today);
    expect(scan.findings.map((f) => f.where)).toEqual(['标题', '正文第2行', '表格第2行第2列', '附件“名单.txt”第2行', '附件“表.xlsx”工作表“Sheet1”第2行第1列']);
    expect(scan.warnings).toHaveLength(1);
    expect(scan.warnings[0].message).toContain('凭证.jpg');
    expect(scanMessage(scan)).toContain('表格第2行第2列含手机号(137****1111)');
    // A warning alone does not block.
    expect(scanDisclosure({ ...empty, files: [{ name: '凭证.pdf', unreadable: true }] }, today).ok).toBe(true);
  });

  it('redact masks what it finds and leaves the rest', () => {
    expect(redact(`王五 13812345678 ${ID} 编号${WRONG}`, today)).toBe(`王五 138****5678 370402********${ID.slice(-4)} 编号${WRONG}`);
  });
});
