import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { docxText, filename, pdfText } from '../../../test/documents.js';
import { createBranch, createMember, createTown, createUser, personOf, recordCadreChange, testIdNumber, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 15 point 8: the 村两委成员名册 (village and town; Word, PDF, xlsx) and a cadre's 干部任免审批表 (Word, PDF), read
 * back from the real files; scope (a village secretary: own village only, never the town's), masked phones, audit.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let other: Branch;
let secretary: Session;
let otherSecretary: Session;
let a = 0; let b = 0; let nonMember = 0;
const names: Record<string, string> = {};
const PHONE = '13912345678';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Age written independently of the model's ageOn. */
const age = (birth: string) => {
  const t = todayInShanghai();
  return Number(t.slice(0, 4)) - Number(birth.slice(0, 4)) - (t.slice(5) < birth.slice(5) ? 1 : 0);
};

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  branch = await createBranch(town);
  other = await createBranch(town, { villageId: town.villages[1].id });
  a = await personOf(ctx, await createMember(town, branch.id, { gender: 'female', birthDate: '1975-03-02', education: 'college' }));
  b = await personOf(ctx, await createMember(town, branch.id, { birthDate: '1990-11-20', joinedAt: '2012-07-01', confirmedAt: '2013-07-01' }));
  const o = await personOf(ctx, await createMember(town, other.id));
  expect((await town.admin.post(`/api/cadres/villages/${branch.id}/terms`, { startYear: 2021, endYear: 2026, electedOn: '2021-01-10' })).statusCode).toBe(200);
  const term = ((await town.admin.get(`/api/cadres/villages/${branch.id}`)).json() as Json).terms[0].id;
  await recordCadreChange(town, branch.id, { post: 'secretary', personId: a, termId: term, occurredOn: '2021-01-15' });
  await recordCadreChange(town, branch.id, { post: 'director', personId: a, termId: term, occurredOn: '2021-01-16' });
  let v = await recordCadreChange(town, branch.id, { post: 'committee_member', personId: b, occurredOn: '2018-01-20' });
  // b resigned and came back as 副书记: two 简历 lines.
  await recordCadreChange(town, branch.id, { kind: 'resignation', cadrePostId: (v.current as Json[]).find((h) => h.personId === b)!.id, occurredOn: '2020-06-30', reason: '外出务工' });
  await recordCadreChange(town, branch.id, { post: 'deputy_secretary', personId: b, occurredOn: '2022-03-01', reason: '党员大会选举' });
  v = await recordCadreChange(town, branch.id, { kind: 'appointment', post: 'family_planning', occurredOn: '2023-05-01', newPerson: { name: '赵计生', gender: 'female', birthDate: '1988-08-08', idNumber: testIdNumber('1988-08-08', 'female'), phone: PHONE } });
  nonMember = (v.current as Json[]).find((h) => h.name === '赵计生')!.personId;
  for (const h of v.current as Json[]) names[h.personId] = h.name;
  await recordCadreChange(town, other.id, { post: 'secretary', personId: o });
  names.other = ((await town.admin.get(`/api/cadres/villages/${other.id}`)).json() as Json).current[0].name;
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
  ({ session: otherSecretary } = await createUser(town, 'branch_secretary', [other.id]));
});
afterAll(async () => { await ctx.close(); });

describe('15.8 村两委成员名册', () => {
  it('15.8 the village roster as PDF: one line per person with posts, 一肩挑, age, education, term, start date and masked phone', async () => {
    const res = await secretary.get(`/api/cadres/villages/${branch.id}/roster/pdf`);
    const text = pdfText(res);
    expect(text).toContain('村两委成员名册');
    // Cells wrap in the PDF, so its figures are checked one by one; the Word and xlsx tests below check whole rows.
    for (const figure of [names[a], names[b], '赵计生', '1975.03(', '1990.11(', '群众', '计生专职', '139****', '2021—']) {
      expect(text, figure).toContain(figure);
    }
    expect(text, 'the full phone never').not.toContain(PHONE);
    expect(text, 'a resigned post is not on today\'s roster').not.toContain('村委会委员');
    expect(text).toContain('共3人,其中女性2人,中共党员(含预备党员)2人');
    expect(text, 'another village is not on it').not.toContain(names.other);
    expect(filename(res)).toMatch(/村两委成员名册-\d{4}-\d{2}-\d{2}\.pdf$/);
  });

  it('15.8 the same roster as Word and as xlsx, with the same figures', async () => {
    const doc = await docxText(await secretary.get(`/api/cadres/villages/${branch.id}/roster/docx`));
    expect(doc).toContain(`${names[b]}男1990.11(${age('1990-11-20')}岁)—中共党员党支部副书记否—2022.03.01—`);
    expect(doc).toContain(`赵计生女1988.08(${age('1988-08-08')}岁)—群众计生专职否—2023.05.01139****5678`);
    expect(doc).toContain(`${names[a]}女1975.03(${age('1975-03-02')}岁)大学专科中共党员党支部书记、村委会主任是2021—20262021.01.15`);
    expect(doc).toContain('139****5678');
    const res = await secretary.get(`/api/cadres/villages/${branch.id}/roster/xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain('村两委成员名册');
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '姓名', '性别', '出生年月(年龄)', '学历', '政治面貌', '职务', '一肩挑', '届次', '任职时间', '联系电话']);
    const rows = [3, 4, 5].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['1', names[a], '女', `1975.03(${age('1975-03-02')}岁)`, '大学专科', '中共党员', '党支部书记、村委会主任', '是', '2021—2026', '2021.01.15', '—'],
      ['2', names[b], '男', `1990.11(${age('1990-11-20')}岁)`, expect.any(String), '中共党员', '党支部副书记', '否', '—', '2022.03.01', '—'],
      ['3', '赵计生', '女', `1988.08(${age('1988-08-08')}岁)`, '—', '群众', '计生专职', '否', '—', '2023.05.01', '139****5678'],
    ]);
    expect(ws.rowCount).toBe(5);
  });

  it('15.8 the town roster lists every village, village by village; only the town reads it', async () => {
    const text = pdfText(await town.admin.get('/api/cadres/roster/pdf'));
    expect(text).toContain(names[a]);
    expect(text).toContain(names.other);
    expect(text.indexOf(names[a])).toBeLessThan(text.indexOf(names.other));
    const res = await town.admin.get('/api/cadres/roster/xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').value).toBe('村');
    const villages = [...Array(ws.rowCount - 2).keys()].map((i) => ws.getCell(i + 3, 1).value);
    expect(villages).toEqual([town.villages[0].name, town.villages[0].name, town.villages[0].name, town.villages[1].name]);
    expect(ws.getCell(6, 2).value, 'each village numbers its own rows').toBe('1');
    expect((await secretary.get('/api/cadres/roster/pdf')).statusCode).toBe(403);
  });

  it('15.8 a village secretary gets only their own village: another village is a 404; each copy is audited', async () => {
    expect((await otherSecretary.get(`/api/cadres/villages/${branch.id}/roster/docx`)).statusCode).toBe(404);
    expect((await otherSecretary.get(`/api/cadres/villages/${branch.id}/people/${a}/approval-form/pdf`)).statusCode).toBe(404);
    const { rows } = await ctx.pool.query(`select detail from audit_events where action = 'cadres.roster.export' and object_id = $1`, [branch.id]);
    expect(rows.map((r) => r.detail.format)).toEqual(expect.arrayContaining(['pdf', 'docx', 'xlsx']));
  });
});

describe('15.8 干部任免审批表', () => {
  it('15.8 fills what the platform holds, prints the rest blank, and takes the 简历 lines from the change history', async () => {
    const res = await town.admin.get(`/api/cadres/villages/${branch.id}/people/${b}/approval-form/pdf`);
    const text = pdfText(res);
    for (const label of ['干部任免审批表', '姓名', '出生年月(岁)', '民族', '籍贯', '出生地', '入党时间', '参加工作时间', '健康状况', '专业技术职务',
      '熟悉专业有何专长', '全日制教育', '在职教育', '现任职务', '拟任职务', '拟免职务', '简历', '奖惩情况', '年度考核结果', '任免理由',
      '家庭主要成员及重要社会关系', '呈报单位', '审批机关意见']) expect(text, label).toContain(label);
    expect(text).toContain(`${names[b]}`);
    expect(text).toContain(`1990.11(${age('1990-11-20')}岁)`);
    expect(text).toContain('入党时间2012.07');
    // 简历: the 委员 post from 选举 to 辞职, then 副书记 to today.
    const village = town.villages[0].name;
    expect(text).toContain(`2018.01—2020.06${village}村委会委员(选举任职,辞职离任)`);
    expect(text).toContain(`2022.03—今${village}党支部副书记(选举任职)`);
    expect(text).toContain(`现任职务${village}党支部副书记`);
    // Fields the platform does not hold are blank: the next label follows at once.
    expect(text).toContain('出生地入党时间');
    const doc = (await docxText(await town.admin.get(`/api/cadres/villages/${branch.id}/people/${nonMember}/approval-form/docx`))).replace(/\s+/g, '');
    expect(doc).toContain('赵计生');
    expect(doc).toContain('非中共党员');
    expect(doc).toContain(`2023.05—今${village}计生专职(任命任职)`);
    const { rows } = await ctx.pool.query(`select object_id, detail from audit_events where action = 'cadres.approval_form.export' order by id`);
    expect(rows.map((r) => [Number(r.object_id), r.detail.format])).toEqual([[b, 'pdf'], [nonMember, 'docx']]);
  });

  it('15.8 a person who never held a post in the village has no form there', async () => {
    const stranger = await personOf(ctx, await createMember(town, branch.id));
    expect((await town.admin.get(`/api/cadres/villages/${branch.id}/people/${stranger}/approval-form/pdf`)).statusCode).toBe(404);
    expect((await town.admin.get(`/api/cadres/villages/${other.id}/people/${a}/approval-form/pdf`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/cadres/villages/${branch.id}/people/${a}/approval-form/docx`)).statusCode).toBe(200);
  });
});
