import type { LightMyRequestResponse } from 'fastify';
import type { InspectionRoundDetail, RectificationDetail } from '@dj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { cn, docxText, pdfText } from '../../../test/documents.js';
import type { DocModel } from '../../lib/documents/doc-model.js';
import { todayInShanghai } from '@dj/contracts';
import { rectificationLedgerModel } from './rectification-documents.js';

/** The 整改台账 of a round through the API against the seeded demo town (open round: 古屯村 overdue; closed round: accepted). */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let admin: Session;
let inspector: Session;
let xihuagou: Session;
let member: Session;
let openRound: Json;
let closedRound: Json;

const ok = (res: LightMyRequestResponse) => {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};
const q = async (sql: string, params: unknown[] = []) => (await ctx.pool.query(sql, params)).rows;
const ledger = (id: number, format: string) => `/api/inspections/${id}/rectifications/ledger/${format}`;
const rectsOf = async (roundId: number): Promise<RectificationDetail[]> => {
  const items: Json[] = ok(await admin.get(`/api/rectifications?roundId=${roundId}`)).items;
  return Promise.all(items.map(async (r) => ok(await admin.get(`/api/rectifications/${r.id}`))));
};

beforeAll(async () => {
  ctx = await createTestContext();
  [admin, inspector, xihuagou, member] = await Promise.all(['admin', 'inspector', 'xihuagou', 'member'].map((u) => ctx.signIn(u)));
  const rounds: Json[] = ok(await admin.get('/api/inspections')).items;
  openRound = rounds.find((r) => r.title === '三务公开和阵地建设专项联督联查')!;
  closedRound = rounds.find((r) => r.status === 'closed')!;
  expect(openRound && closedRound).toBeTruthy();
});
afterAll(async () => { await ctx.close(); });

describe('整改台账', () => {
  it('the open round: each task with its finding, owner, deadline and evidence required; 古屯村 overdue and escalated', async () => {
    const rects = await rectsOf(openRound.id);
    const gutun = rects.find((r) => r.organizationName === '古屯村党支部')!;
    expect(gutun).toMatchObject({ escalated: true, status: 'open' });
    const dingzhuang = rects.find((r) => r.organizationName === '丁庄村党支部')!;
    expect(dingzhuang.events[0].kind).toBe('evidence');

    const docx = await admin.get(ledger(openRound.id, 'docx'));
    expect(decodeURIComponent(String(docx.headers['content-disposition']).split("UTF-8''")[1])).toBe('三务公开和阵地建设专项联督联查-整改台账.docx');
    const text = await docxText(docx);
    for (const s of [
      '整改台账', '三务公开和阵地建设专项联督联查', '古屯村党支部', gutun.itemLabel, gutun.description, gutun.ownerName, cn(gutun.dueOn),
      gutun.requiredEvidence, `逾期${gutun.daysOverdue}天,已上报镇党委`, '尚未提交整改材料',
      '丁庄村党支部', dingzhuang.description, dingzhuang.events[0].note!, cn(todayInShanghai(new Date(dingzhuang.events[0].at))), '提交整改材料', '已提交整改材料',
      `共${rects.length}项`, '逾期上报镇党委1项',
    ]) expect(text, s).toContain(s);

    const pdf = pdfText(await admin.get(ledger(openRound.id, 'pdf')));
    for (const s of ['整改台账', '古屯村党支部', '已上报镇党委', cn(gutun.dueOn), gutun.requiredEvidence]) expect(pdf, s).toContain(s);
  });

  it('evidence with a file, a reopening with its reason, then acceptance: every step dated in the ledger', async () => {
    const dingzhuang = (await rectsOf(openRound.id)).find((r) => r.organizationName === '丁庄村党支部')!;
    ok(await inspector.post(`/api/rectifications/${dingzhuang.id}/reopen`, { reason: '比价记录缺少供应商报价单' }));
    const boundary = '----rectledger';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n已补充三家供应商报价单\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="供应商报价单.txt"\r\nContent-Type: text/plain\r\n\r\n报价\r\n`),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    ok(await admin.request('POST', `/api/rectifications/${dingzhuang.id}/evidence`, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` }));
    const accepted: RectificationDetail = ok(await inspector.post(`/api/rectifications/${dingzhuang.id}/accept`, { note: '复查合格' }));
    expect(accepted.events.map((e) => e.kind)).toEqual(['evidence', 'reopened', 'evidence', 'accepted']);

    const text = await docxText(await inspector.get(ledger(openRound.id, 'docx')));
    const start = text.indexOf('丁庄村党支部 · ');
    const section = text.slice(start, text.indexOf('生成日期'));
    let cursor = 0;
    // In order: the first evidence, the reopening with its reason, the new evidence with its file, the acceptance.
    for (const s of [dingzhuang.events[0].note!, '退回', '退回原因:比价记录缺少供应商报价单', '已补充三家供应商报价单', '供应商报价单.txt', '验收通过', '复查合格']) {
      const at = section.indexOf(s, cursor);
      expect(at, s).toBeGreaterThanOrEqual(cursor);
      cursor = at;
    }
    expect(section).toContain(`验收日期${cn(accepted.acceptedOn!)}`);
    expect(section).toContain(cn(todayInShanghai()));
  });

  it('the closed round: accepted tasks with the acceptance date and the inspector', async () => {
    const rects = await rectsOf(closedRound.id);
    expect(rects.length).toBeGreaterThan(0);
    const text = pdfText(await admin.get(ledger(closedRound.id, 'pdf')));
    expect(text).toContain('整改台账');
    for (const r of rects) {
      expect(r.status).toBe('accepted');
      for (const s of [r.organizationName, cn(r.acceptedOn!), cn(r.dueOn)]) expect(text, s).toContain(s);
    }
    expect(text).toContain('已验收');
    expect(text).not.toContain('已上报镇党委');
    // Table cells wrap in the PDF, so the event rows are read from the Word copy.
    const docx = await docxText(await admin.get(ledger(closedRound.id, 'docx')));
    for (const s of ['验收通过', '经复查,整改到位', '镇纪委检查员 李敏', ...rects.flatMap((r) => r.events.map((e) => cn(todayInShanghai(new Date(e.at)))))]) expect(docx, s).toContain(s);
  });

  it("a village's copy holds only its own village; a 党员 and an unknown round answer the same 404; the export is audited", async () => {
    const round: InspectionRoundDetail = ok(await xihuagou.get(`/api/inspections/${openRound.id}`));
    expect(round.villages.map((v) => v.organizationName)).toEqual(['西花沟村党支部']);
    const theirs = await docxText(await xihuagou.get(ledger(openRound.id, 'docx')));
    expect(theirs).toContain('本次检查无整改任务');
    for (const other of ['古屯村', '丁庄村', '营子村']) expect(theirs).not.toContain(other);

    const unknown = await member.get(ledger(99_999_999, 'docx'));
    expect(unknown.statusCode).toBe(404);
    const theirsToo = await member.get(ledger(openRound.id, 'docx'));
    expect(theirsToo.statusCode).toBe(404);
    expect(theirsToo.body).toBe(unknown.body);
    expect((await admin.get(`/api/inspections/${openRound.id}/rectifications/ledger/xlsx`)).statusCode).toBe(400);

    const rows = await q(`select username, object_type, object_id, detail from audit_events where action = 'inspection.rectification_ledger.export' order by id`);
    expect(rows[0]).toMatchObject({ username: 'admin', object_type: 'inspection_round', object_id: String(openRound.id) });
    expect(rows[0].detail).toMatchObject({ format: 'docx', escalated: 1 });
    expect(rows.map((r) => r.username)).toContain('xihuagou');
  });

  it('pure: a round without rectifications says so', () => {
    const round = {
      id: 1, title: '2026年第一季度联督联查', startsOn: '2026-03-05', endsOn: '2026-03-06', status: 'open', villages: [], items: [], team: [],
      progress: { expected: 0, recorded: 0, findings: 0, openRectifications: 0, escalated: 0 },
    } as unknown as InspectionRoundDetail;
    const model: DocModel = rectificationLedgerModel(round, [], '2026-03-07');
    const text = JSON.stringify(model);
    for (const s of ['整改台账', '本次检查无整改任务', '2026年3月5日至2026年3月6日', '共0项', '2026年3月7日']) expect(text).toContain(s);
  });
});
