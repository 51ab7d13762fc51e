import type { LightMyRequestResponse } from 'fastify';
import type { InspectionRoundDetail, RectificationDetail } from '@dj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { cn, docxText, pdfText } from '../../../test/documents.js';
import { createBranch, createInspectionRound, createMemberAccount, createTown, createUser, recordFinding, multipartBody, type Branch } from '../../../test/factories.js';
import type { DocModel } from '../../lib/documents/doc-model.js';
import { todayInShanghai } from '@dj/contracts';
import { rectificationLedgerModel } from './rectification-documents.js';

/**
 * The 整改台账 of a round through the API, in a town of the test's own: an open round (古屯 overdue and escalated, 丁庄
 * with evidence submitted, a third village without findings) and a closed one whose rectifications were accepted.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let admin: Session;
let inspector: Session;
let neighbour: Session;
let member: Session;
let openRound: Json;
let closedRound: Json;
let gutun: Branch;
let dingzhuang: Branch;
let there: Branch;
let adminId: number;
let neighbourId: number;
const INSPECTOR_NAME = '镇纪委检查员 李敏';
const EVIDENCE_NOTE = '已按要求整改,附比价记录';

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
  const town = await createTown(ctx);
  ({ admin, adminId } = town);
  [gutun, dingzhuang, there] = [await createBranch(town), await createBranch(town), await createBranch(town)];
  inspector = (await createUser(town, 'inspector', [town.committeeId], { displayName: INSPECTOR_NAME })).session;
  ({ session: neighbour, userId: neighbourId } = await createUser(town, 'branch_secretary', [there.id]));
  member = (await createMemberAccount(town, there.id)).session;

  openRound = await createInspectionRound(town, [gutun.id, dingzhuang.id, there.id], { title: '三务公开和阵地建设专项联督联查' });
  const late = await recordFinding(inspector, openRound.id, gutun.id, 'disclosure', { note: '公开栏财务公开内容未按月更新', dueOn: todayInShanghai() });
  // Twenty days pass: only the clock can put a deadline in the past (the API refuses one).
  await ctx.pool.query('update rectifications set due_on = current_date - 20 where id = $1', [late.rectificationId]);
  const submitted = await recordFinding(inspector, openRound.id, dingzhuang.id, 'micro_power', { note: '物资采购缺少比价记录' });
  ok(await admin.post(`/api/rectifications/${submitted.rectificationId}/evidence`, { note: EVIDENCE_NOTE }));
  ok(await inspector.post(`/api/inspections/${openRound.id}/results`, { organizationId: there.id, itemKey: 'disclosure', outcome: 'ok' }));

  closedRound = await createInspectionRound(town, [gutun.id, dingzhuang.id], { title: '上季度联督联查' });
  for (const [branch, itemKey] of [[gutun, 'duty_roster'], [dingzhuang, 'cleanliness']] as const) {
    const { rectificationId } = await recordFinding(inspector, closedRound.id, branch.id, itemKey);
    ok(await admin.post(`/api/rectifications/${rectificationId}/evidence`, { note: '已整改,照片见附件' }));
    ok(await inspector.post(`/api/rectifications/${rectificationId}/accept`, { note: '经复查,整改到位' }));
  }
  closedRound = ok(await admin.post(`/api/inspections/${closedRound.id}/close`));
});
afterAll(async () => { await ctx.close(); });

describe('整改台账', () => {
  it('the open round: each task with its finding, owner, deadline and evidence required; 古屯 overdue and escalated', async () => {
    const rects = await rectsOf(openRound.id);
    expect(rects).toHaveLength(2);
    const late = rects.find((r) => r.organizationName === gutun.name)!;
    expect(late).toMatchObject({ escalated: true, status: 'open' });
    const submitted = rects.find((r) => r.organizationName === dingzhuang.name)!;
    expect(submitted.events[0]).toMatchObject({ kind: 'evidence', note: EVIDENCE_NOTE });

    const docx = await admin.get(ledger(openRound.id, 'docx'));
    expect(decodeURIComponent(String(docx.headers['content-disposition']).split("UTF-8''")[1])).toBe('三务公开和阵地建设专项联督联查-整改台账.docx');
    const text = await docxText(docx);
    for (const s of [
      '整改台账', '三务公开和阵地建设专项联督联查', gutun.name, late.itemLabel, late.description, late.ownerName, cn(late.dueOn),
      late.requiredEvidence, `逾期${late.daysOverdue}天,已上报镇党委`, '尚未提交整改材料',
      dingzhuang.name, submitted.description, EVIDENCE_NOTE, cn(todayInShanghai(new Date(submitted.events[0].at))), '提交整改材料', '已提交整改材料',
      `共${rects.length}项`, '逾期上报镇党委1项',
    ]) expect(text, s).toContain(s);

    const pdf = pdfText(await admin.get(ledger(openRound.id, 'pdf')));
    for (const s of ['整改台账', gutun.name, '已上报镇党委', cn(late.dueOn), late.requiredEvidence]) expect(pdf, s).toContain(s);
  });

  it('evidence with a file, a reopening with its reason, then acceptance: every step dated in the ledger', async () => {
    const submitted = (await rectsOf(openRound.id)).find((r) => r.organizationName === dingzhuang.name)!;
    ok(await inspector.post(`/api/rectifications/${submitted.id}/reopen`, { reason: '比价记录缺少供应商报价单' }));
    const body = multipartBody({ data: Buffer.from('报价'), name: '供应商报价单.txt' }, { note: '已补充三家供应商报价单' });
    ok(await admin.request('POST', `/api/rectifications/${submitted.id}/evidence`, body.payload, body.headers));
    const accepted: RectificationDetail = ok(await inspector.post(`/api/rectifications/${submitted.id}/accept`, { note: '复查合格' }));
    expect(accepted.events.map((e) => e.kind)).toEqual(['evidence', 'reopened', 'evidence', 'accepted']);

    const text = await docxText(await inspector.get(ledger(openRound.id, 'docx')));
    const start = text.indexOf(`${dingzhuang.name} · `);
    const section = text.slice(start, text.indexOf('生成日期'));
    let cursor = 0;
    // In order: the first evidence, the reopening with its reason, the new evidence with its file, the acceptance.
    for (const s of [EVIDENCE_NOTE, '退回', '退回原因:比价记录缺少供应商报价单', '已补充三家供应商报价单', '供应商报价单.txt', '验收通过', '复查合格']) {
      const at = section.indexOf(s, cursor);
      expect(at, s).toBeGreaterThanOrEqual(cursor);
      cursor = at;
    }
    expect(section).toContain(`验收日期${cn(accepted.acceptedOn!)}`);
    expect(section).toContain(cn(todayInShanghai()));
  });

  it('the closed round: accepted tasks with the acceptance date and the inspector', async () => {
    expect(closedRound.status).toBe('closed');
    const rects = await rectsOf(closedRound.id);
    expect(rects).toHaveLength(2);
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
    for (const s of ['验收通过', '经复查,整改到位', INSPECTOR_NAME, ...rects.flatMap((r) => r.events.map((e) => cn(todayInShanghai(new Date(e.at)))))]) expect(docx, s).toContain(s);
  });

  it("a village's copy holds only its own village; a 党员 and an unknown round answer the same 404; the export is audited", async () => {
    const round: InspectionRoundDetail = ok(await neighbour.get(`/api/inspections/${openRound.id}`));
    expect(round.villages.map((v) => v.organizationName)).toEqual([there.name]);
    const theirs = await docxText(await neighbour.get(ledger(openRound.id, 'docx')));
    expect(theirs).toContain('本次检查无整改任务');
    for (const other of [gutun.name, dingzhuang.name]) expect(theirs).not.toContain(other);

    const unknown = await member.get(ledger(99_999_999, 'docx'));
    expect(unknown.statusCode).toBe(404);
    const theirsToo = await member.get(ledger(openRound.id, 'docx'));
    expect(theirsToo.statusCode).toBe(404);
    expect(theirsToo.body).toBe(unknown.body);
    expect((await admin.get(`/api/inspections/${openRound.id}/rectifications/ledger/xlsx`)).statusCode).toBe(400);

    const rows = await q(`select user_id, object_type, object_id, detail from audit_events where action = 'inspection.rectification_ledger.export' order by id`);
    expect(rows[0]).toMatchObject({ user_id: adminId, object_type: 'inspection_round', object_id: String(openRound.id) });
    expect(rows[0].detail).toMatchObject({ format: 'docx', escalated: 1 });
    expect(rows.map((r) => r.user_id)).toContain(neighbourId);
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
