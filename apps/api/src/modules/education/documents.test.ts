import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUDY_STATUS_LABELS, TARGET_GROUP_LABELS, todayInShanghai, type BranchHours, type PersonHours } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { docxText, filename, pdfText } from '../../../test/documents.js';
import {
  createBranch, createMember, createTown, createTrainingSession, createUser, personOf, setTrainingAttendance, type Branch, type Town,
} from '../../../test/factories.js';

/**
 * Issue 19 point 6: the branch's and the town's 培训台账 and a person's 培训档案, opened as a user would (pdftotext, the
 * Word XML, the xlsx cells), with the figures of GET /api/education/hours and …/people/:id/hours; scope, audit, no ID numbers.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;
let persons: number[];
const year = Number(todayInShanghai().slice(0, 4));
const ID_NUMBER = /\d{17}[\dX]/;

async function cells(res: LightMyRequestResponse): Promise<unknown[][]> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
const rowOf = (rows: unknown[][], first: unknown, at = 0) => rows.find((r) => r[at] === first);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  a = await createBranch(town, { name: '东岭村党支部' });
  b = await createBranch(town, { name: '南坡村党支部' });
  const members = [
    await createMember(town, a.id, { name: '王甲' }), await createMember(town, a.id, { name: '李乙' }),
    await createMember(town, a.id, { name: '赵丙', partyPosts: ['secretary'] }), await createMember(town, b.id, { name: '孙丁' }),
  ];
  persons = await Promise.all(members.map((m) => personOf(ctx, m)));
  secretaryA = (await createUser(town, 'branch_secretary', [a.id])).session;
  secretaryB = (await createUser(town, 'branch_secretary', [b.id])).session;
  const s = await createTrainingSession(secretaryA, a.id, { title: '学习党章', hours: 3, startsOn: `${year}-01-10`, endsOn: `${year}-01-10`, lecturers: '张老师' });
  await setTrainingAttendance(secretaryA, s.id, [
    { personId: persons[0], state: 'present' }, { personId: persons[1], state: 'present', hoursCredited: 1.5 }, { personId: persons[2], state: 'absent' },
  ]);
  const t = await createTrainingSession(secretaryB, b.id, { title: '南坡夜校', hours: 2, startsOn: `${year}-01-12`, endsOn: `${year}-01-12` });
  await setTrainingAttendance(secretaryB, t.id, [{ personId: persons[3], state: 'present' }]);
});
afterAll(async () => { await ctx.close(); });

describe('19.6 培训台账', () => {
  it('the branch ledger in xlsx, PDF and Word holds the sessions and the very hours of GET /api/education/hours', async () => {
    const hours = (await secretaryA.get(`/api/education/hours?orgId=${a.id}&year=${year}`)).json() as BranchHours;
    const xlsx = await secretaryA.get(`/api/education/ledger.xlsx?orgId=${a.id}&year=${year}`);
    expect(filename(xlsx)).toBe(`东岭村党支部${year}年度培训台账.xlsx`);
    const rows = await cells(xlsx);
    expect(rowOf(rows, '学习党章', 3)).toEqual([1, `${year}-01-10`, '支部学习', '学习党章', 3, '村党群服务中心', '张老师', 2, 1]);
    expect(JSON.stringify(rows)).not.toContain('南坡夜校');
    const pdf = pdfText(await secretaryA.get(`/api/education/ledger.pdf?orgId=${a.id}&year=${year}`));
    const docx = await docxText(await secretaryA.get(`/api/education/ledger.docx?orgId=${a.id}&year=${year}`));
    for (const p of hours.people) {
      expect(rowOf(rows, p.name, 1)?.slice(1), p.name).toEqual([p.name, TARGET_GROUP_LABELS[p.group], p.total, p.target, STUDY_STATUS_LABELS[p.status]]);
      const line = `${p.name}${TARGET_GROUP_LABELS[p.group]}${p.total}${p.target}${STUDY_STATUS_LABELS[p.status]}`;
      expect(pdf).toContain(line);
      expect(docx).toContain(line);
    }
    expect(hours.people.find((p) => p.name === '王甲')?.total).toBe(3);
    const d = hours.distribution;
    expect(pdf).toContain(`已完成${d.done}人,应完成${d.due}人,未完成${d.late}人`);
    for (const text of [pdf, docx, JSON.stringify(rows)]) expect(text).not.toMatch(ID_NUMBER);
  });

  it('another branch\'s ledger is 404 to a secretary; each download is audited as education.export', async () => {
    expect((await secretaryB.get(`/api/education/ledger.pdf?orgId=${a.id}&year=${year}`)).statusCode).toBe(404);
    const { rows } = await ctx.pool.query(`select detail->>'format' as format from audit_events where action = 'education.export' and tenant_id = $1 and detail->>'document' = 'ledger' and object_id = $2 order by id`, [town.tenantId, String(a.id)]);
    expect(rows.map((r) => r.format)).toEqual(['xlsx', 'pdf', 'docx']);
  });

  it('the town ledger: a summary (sessions, 人次, the distribution), then one section per branch', async () => {
    const [ha, hb] = await Promise.all([a, b].map(async (x) => (await town.admin.get(`/api/education/hours?orgId=${x.id}&year=${year}`)).json() as BranchHours));
    const rows = await cells(await town.admin.get(`/api/education/ledger.xlsx?year=${year}`));
    expect(rowOf(rows, '培训/学习')).toEqual(['培训/学习', '2次']);
    expect(rowOf(rows, '参训人次')).toEqual(['参训人次', '3人次']);
    for (const [label, key] of [['已完成', 'done'], ['应完成', 'due'], ['未完成', 'late']] as const) {
      expect(rowOf(rows, label), label).toEqual([label, ha.distribution[key] + hb.distribution[key]]);
    }
    expect(rowOf(rows, '东岭村党支部:培训/学习')).toBeTruthy();
    expect(rowOf(rows, '南坡村党支部:培训/学习')).toBeTruthy();
    expect(rowOf(rows, '孙丁', 1)?.slice(3, 5)).toEqual([hb.people[0].total, hb.people[0].target]);
    const pdf = pdfText(await town.admin.get(`/api/education/ledger.pdf?year=${year}`));
    expect(pdf).toContain('南坡夜校');
    expect(pdf).toContain('学习党章');
    // A secretary's ledger without a branch is their own scope: the other village is absent.
    const own = await docxText(await secretaryA.get(`/api/education/ledger.docx?year=${year}`));
    expect(own).toContain('学习党章');
    expect(own).not.toContain('南坡');
  });
});

describe('19.6 培训档案', () => {
  it('a person\'s record in xlsx, PDF and Word with the figures of GET …/people/:id/hours; 404 outside the scope', async () => {
    const url = `/api/education/people/${persons[1]}`;
    const hours = (await secretaryA.get(`${url}/hours?year=${year}`)).json() as PersonHours;
    const rows = await cells(await secretaryA.get(`${url}/record.xlsx?year=${year}`));
    expect(rowOf(rows, '已学学时')).toEqual(['已学学时', `${hours.total}学时`]);
    expect(rowOf(rows, '状态')).toEqual(['状态', STUDY_STATUS_LABELS[hours.status!]]);
    expect(rowOf(rows, '学习党章', 3)).toEqual([1, `${year}-01-10`, '支部学习', '学习党章', '出席', hours.sessions[0].hoursCredited]);
    expect(hours.sessions[0].hoursCredited).toBe(1.5);
    const pdfRes = await secretaryA.get(`${url}/record.pdf?year=${year}`);
    expect(filename(pdfRes)).toBe(`李乙${year}年度培训档案.pdf`);
    const pdf = pdfText(pdfRes);
    const docx = await docxText(await secretaryA.get(`${url}/record.docx?year=${year}`));
    for (const text of [pdf, docx]) {
      expect(text).toContain(`已学学时${hours.total}学时`);
      expect(text).toContain(`学习党章出席${hours.sessions[0].hoursCredited}`);
      expect(text).not.toMatch(ID_NUMBER);
    }
    expect((await secretaryB.get(`${url}/record.pdf?year=${year}`)).statusCode).toBe(404);
    const { rows: audited } = await ctx.pool.query(`select detail->>'format' as format from audit_events where action = 'education.export' and object_type = 'person' and object_id = $1 order by id`, [String(persons[1])]);
    expect(audited.map((r) => r.format)).toEqual(['xlsx', 'pdf', 'docx']);
  });
});
