import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMemberAccount, createSupervisor, createTown, createUser, testIdNumber, multipartBody, type Branch } from '../../../test/factories.js';
import { addDays, todayInShanghai } from '@dj/contracts';
import { endedPeriods } from './rules/frequency.js';

/** 三务公开 through the API against the real database: the procedure, the 保密审查 scan, scope, the board and the public pages. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let admin: Session;
let supervisor: Session;
let secretary: Session;
let neighbour: Session;
let member: Session;
/** Two village branches of a town of the test's own, each in its own 行政村 (the public pages are per village). */
let here: Branch;
let there: Branch;
/** `here`'s 行政村, whose public page the tests read. */
let village: { code: string; name: string };
let YINGZI_CODE: string;
const lastMonth = endedPeriods('monthly', todayInShanghai(), 1)[0];
const q = async (sql: string, params: unknown[] = []) => (await ctx.pool.query(sql, params)).rows;

beforeAll(async () => {
  ctx = await createTestContext();
  const town = await createTown(ctx, { villages: 2 });
  admin = town.admin;
  village = town.villages[0];
  YINGZI_CODE = village.code;
  [here, there] = [await createBranch(town, { villageId: town.villages[0].id }), await createBranch(town, { villageId: town.villages[1].id })];
  supervisor = (await createSupervisor(town, [here.id])).session;
  [secretary, neighbour] = [(await createUser(town, 'branch_secretary', [here.id])).session, (await createUser(town, 'branch_secretary', [there.id])).session];
  member = (await createMemberAccount(town, here.id)).session;
});
afterAll(async () => { await ctx.close(); });

function ok(res: { statusCode: number; body: string; json: () => Json }): Json {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const upload = (s: Session, url: string, file: { data: Buffer; name: string }) => {
  const body = multipartBody(file);
  return s.request('POST', url, body.payload, body.headers);
};

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收支明细');
  rows.forEach((cells, r) => cells.forEach((v, c) => { ws.getCell(r + 1, c + 1).value = v; }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const draft = async (s: Session, over: Json = {}) => ok(await s.post('/api/disclosures', {
  organizationId: here.id, category: 'finance', ruleKey: 'finance_monthly', period: lastMonth,
  title: `本村${lastMonth}财务收支公开`, content: '本月收入:土地承包费 12000 元;支出:道路维修 3500 元。', ...over,
}));

/** 提出 → 审核 → 审批 → 公开, each by its role. */
async function walk(id: number) {
  ok(await secretary.post(`/api/disclosures/${id}/submit`, {}));
  ok(await supervisor.post(`/api/disclosures/${id}/review`, { note: '已保密审查' }));
  ok(await admin.post(`/api/disclosures/${id}/approve`, {}));
  return ok(await secretary.post(`/api/disclosures/${id}/publish`, {}));
}

describe('the procedure', () => {
  let published: Json;

  it('a finance disclosure goes draft → submitted → reviewed → approved → published, every step recorded and audited', async () => {
    const d = await draft(secretary);
    expect(d).toMatchObject({ status: 'draft', can: { edit: true, submit: true, review: false } });
    // The secretary cannot review their own proposal, the supervisor cannot approve.
    ok(await secretary.post(`/api/disclosures/${d.id}/submit`, {}));
    expect((await secretary.post(`/api/disclosures/${d.id}/review`, {})).statusCode).toBe(403);
    ok(await supervisor.post(`/api/disclosures/${d.id}/review`, {}));
    expect((await supervisor.post(`/api/disclosures/${d.id}/approve`, {})).statusCode).toBe(403);
    ok(await admin.post(`/api/disclosures/${d.id}/approve`, {}));
    published = ok(await secretary.post(`/api/disclosures/${d.id}/publish`, {}));
    expect(published).toMatchObject({ status: 'published', corrected: false });
    expect(published.events.map((e: Json) => e.kind)).toEqual(['submitted', 'reviewed', 'approved', 'published']);
    const audit = await q(`select action from audit_events where object_type = 'disclosure' and object_id = $1 order by id`, [String(d.id)]);
    expect(audit.map((a) => a.action)).toEqual(['disclosure.create', 'disclosure.submit', 'disclosure.review', 'disclosure.approve', 'disclosure.publish']);
  });

  it('published is immutable: edits answer 409 and say to correct instead', async () => {
    const res = await secretary.patch(`/api/disclosures/${published.id}`, { title: '改一下标题' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('更正');
  });

  it('shows in the public JSON and HTML, while its draft correction does not; once published the old one is 已更正', async () => {
    const correction = await draft(secretary, { supersedesId: published.id, title: `本村${lastMonth}财务收支公开(更正稿)` });
    const list = ok(await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures` }) as never);
    expect(list.village).toEqual({ code: YINGZI_CODE, name: village.name });
    expect(list.disclosures.map((x: Json) => x.title)).toContain(published.title);
    expect(JSON.stringify(list)).not.toContain('更正稿');
    const page = await ctx.app.inject({ method: 'GET', url: `/public/villages/${YINGZI_CODE}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('name="viewport"');
    expect(page.body).toContain(published.title);
    expect(page.body).not.toContain('更正稿');
    expect(page.body).not.toContain('<script');
    expect(Buffer.byteLength(page.body)).toBeLessThan(30 * 1024);
    // Only one correction at a time.
    expect((await secretary.post('/api/disclosures', { organizationId: here.id, category: 'finance', ruleKey: 'finance_monthly', period: lastMonth, title: '第二份更正', supersedesId: published.id })).statusCode).toBe(400);

    await walk(correction.id);
    const after = ok(await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures` }) as never);
    const titles = after.disclosures.map((x: Json) => x.title);
    expect(titles).toContain(correction.title);
    expect(titles).not.toContain(published.title);
    const old = ok(await secretary.get(`/api/disclosures/${published.id}`));
    expect(old).toMatchObject({ status: 'published', corrected: true, supersededById: correction.id, can: { correct: false } });
    const oldPublic = ok(await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures/${published.id}` }) as never);
    expect(oldPublic.corrected).toBe(true);
    const oldPage = await ctx.app.inject({ method: 'GET', url: `/public/villages/${YINGZI_CODE}/disclosures/${published.id}` });
    expect(oldPage.body).toContain('已更正');
  });

  it('return with a reason makes it editable again', async () => {
    const d = await draft(secretary, { category: 'village', ruleKey: 'village_quarterly', period: '2026-Q1', title: '一季度村务公开' });
    ok(await secretary.post(`/api/disclosures/${d.id}/submit`, {}));
    expect((await supervisor.post(`/api/disclosures/${d.id}/return`, {})).statusCode).toBe(400);
    const back = ok(await supervisor.post(`/api/disclosures/${d.id}/return`, { reason: '缺少村民代表会议决议' }));
    expect(back).toMatchObject({ status: 'returned', returnReason: '缺少村民代表会议决议', can: { edit: false } });
    expect(ok(await secretary.get(`/api/disclosures/${d.id}`)).can).toMatchObject({ edit: true, submit: true });
    expect(ok(await secretary.patch(`/api/disclosures/${d.id}`, { content: '补充:村民代表会议决议见附件' })).content).toContain('补充');
  });

  it('rule, category and period must agree, naming the field', async () => {
    const wrongPeriod = await secretary.post('/api/disclosures', { organizationId: here.id, category: 'finance', ruleKey: 'finance_monthly', period: '2026-Q1', title: '财务公开' });
    expect(wrongPeriod.statusCode).toBe(400);
    expect(wrongPeriod.json().fields[0].path).toBe('period');
    const wrongCategory = await secretary.post('/api/disclosures', { organizationId: here.id, category: 'party', ruleKey: 'finance_monthly', period: '2026-01', title: '财务公开' });
    expect(wrongCategory.json().fields[0].path).toBe('ruleKey');
  });
});

describe('保密审查 (PII scan)', () => {
  it('an xlsx table is imported; a phone number in a cell blocks review and publishing, naming the cell', async () => {
    const d = await draft(secretary, { title: '困难群众补贴发放表', category: 'village', ruleKey: 'village_major', period: '2026-03-15' });
    const notXlsx = await upload(secretary, `/api/disclosures/${d.id}/table`, { data: Buffer.from('PK not really'), name: '补贴.xlsx' });
    expect(notXlsx.statusCode).toBe(415); // the one upload policy: a wrong type is 415
    expect(notXlsx.json().message).toContain('公开表格只接受 Excel(xlsx)');
    const tooLong = await upload(secretary, `/api/disclosures/${d.id}/table`, { data: await xlsx([['序号', '金额'], ...Array.from({ length: 501 }, (_, i) => [i + 1, 100])]), name: 'big.xlsx' });
    expect(tooLong.json().message).toContain('超过500行');

    const file = await xlsx([['姓名', '金额', '联系电话'], ['张三', 300, '无'], ['李四', 300, '13812345678']]);
    const withTable = ok(await upload(secretary, `/api/disclosures/${d.id}/table`, { data: file, name: '补贴.xlsx' }));
    expect(withTable.table).toEqual({ header: ['姓名', '金额', '联系电话'], rows: [['张三', '300', '无'], ['李四', '300', '13812345678']] });
    expect(withTable.scan).toMatchObject({ ok: false, findings: [{ kind: 'mobile', where: '表格第2行第3列' }] });

    ok(await secretary.post(`/api/disclosures/${d.id}/submit`, {}));
    const review = await supervisor.post(`/api/disclosures/${d.id}/review`, {});
    expect(review.statusCode).toBe(400);
    expect(review.json().message).toContain('表格第2行第3列含手机号(138****5678)');
    expect(review.body).not.toContain('13812345678');
    expect(ok(await secretary.get(`/api/disclosures/${d.id}`)).status).toBe('submitted');

    // Approved before the scan could see it (say, an older approval): publishing is still refused, and the attempt audited.
    await q(`update disclosures set status = 'approved' where id = $1`, [d.id]);
    const publish = await secretary.post(`/api/disclosures/${d.id}/publish`, {});
    expect(publish.statusCode).toBe(400);
    expect(publish.json().message).toContain('第2行第3列含手机号');
    expect(publish.json().fields.map((f: Json) => f.path)).toEqual(['表格第2行第3列']);
    expect((await q('select status from disclosures where id = $1', [d.id]))[0].status).toBe('approved');
    const denied = await q(`select result from audit_events where object_type = 'disclosure' and object_id = $1 and action = 'disclosure.publish'`, [String(d.id)]);
    expect(denied.map((a) => a.result)).toEqual(['denied']);
  });

  it('an ID number with a valid check digit in the text blocks; a txt attachment is scanned; a PDF only warns', async () => {
    const d = await draft(secretary, { content: '经办人 身份证 370402198503021239' });
    expect(ok(await secretary.get(`/api/disclosures/${d.id}`)).scan.findings[0]).toMatchObject({ kind: 'id_number', where: '正文', masked: '370402********1239' });
    ok(await secretary.patch(`/api/disclosures/${d.id}`, { content: '凭证号 370402198503021230(校验位不对,不是身份证号)' }));
    ok(await upload(secretary, `/api/disclosures/${d.id}/files`, { data: Buffer.from('%PDF-1.4 voucher'), name: '凭证.pdf' }));
    const txt = ok(await upload(secretary, `/api/disclosures/${d.id}/files`, { data: Buffer.from('明细\n联系 139 0000 1111'), name: '明细.txt' }));
    expect(txt.scan.findings.map((f: Json) => f.where)).toEqual(['附件“明细.txt”第2行']);
    expect(txt.scan.warnings[0].message).toContain('凭证.pdf');
    const fileId = txt.files.find((f: Json) => f.name === '明细.txt').id;
    const clean = ok(await secretary.request('DELETE', `/api/disclosures/${d.id}/files/${fileId}`));
    expect(clean.scan).toMatchObject({ ok: true, findings: [] });
    await walk(d.id);
  });
});

describe('scope and the public side', () => {
  let draftId: number;

  beforeAll(async () => { draftId = (await draft(secretary, { title: '本村内部草稿XYZ' })).id; });

  /** A 发展党员 record of `here`, for its 公示 on the public page; made on first use. */
  let recruitment: number | undefined;
  const notice = async (startsOn: string, endsOn: string, content: string) => {
    recruitment ??= ok(await secretary.post('/api/recruitments', {
      name: '韩公示', gender: 'male', birthDate: '1995-05-12', idNumber: testIdNumber('1995-05-12'), organizationId: here.id, appliedOn: '2024-03-01',
    })).id as number;
    ok(await secretary.post(`/api/recruitments/${recruitment}/public-notices`, { stage: 'candidate', startsOn, endsOn, content, publishable: true }));
  };

  it('the other village cannot see or act on these disclosures: 404 like a nonexistent id', async () => {
    for (const [method, url, body] of [['GET', `/api/disclosures/${draftId}`], ['PATCH', `/api/disclosures/${draftId}`, { title: '越权' }], ['POST', `/api/disclosures/${draftId}/submit`, {}]] as const) {
      const res = await neighbour.request(method, url, body);
      const absent = await neighbour.request(method, url.replace(String(draftId), '99999999'), body);
      expect([res.statusCode, res.body]).toEqual([404, absent.body]);
    }
    const list = ok(await neighbour.get('/api/disclosures'));
    expect(JSON.stringify(list)).not.toContain(here.name);
    expect(JSON.stringify(list)).not.toContain('XYZ');
    expect((await neighbour.post('/api/disclosures', { organizationId: here.id, category: 'finance', period: '2026-01', title: '越权起草' })).statusCode).toBe(404);
    // A plain 党员 has no work list here.
    expect(ok(await member.get('/api/disclosures')).items).toEqual([]);
    expect((await member.get(`/api/disclosures/${draftId}`)).statusCode).toBe(404);
  });

  it('drafts, submitted and approved-but-unpublished answer 404 publicly, like unknown ids; unknown villages get a 404 page', async () => {
    const absent = await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures/99999999` });
    const res = await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures/${draftId}` });
    expect([res.statusCode, res.body]).toEqual([404, absent.body]);
    const page = await ctx.app.inject({ method: 'GET', url: `/public/villages/${YINGZI_CODE}/disclosures/${draftId}` });
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain('XYZ');
    const unknown = await ctx.app.inject({ method: 'GET', url: '/public/villages/999999999999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('text/html');
    expect((await ctx.app.inject({ method: 'GET', url: '/public/villages/<script>' })).statusCode).toBe(404);
    // 13.10: the 小微权力清单 page answers an unknown village with the same 404 page.
    const unknownPower = await ctx.app.inject({ method: 'GET', url: '/public/villages/999999999999/micro-power' });
    expect([unknownPower.statusCode, unknownPower.body]).toEqual([404, unknown.body]);
    const power = await ctx.app.inject({ method: 'GET', url: `/public/villages/${YINGZI_CODE}/micro-power` });
    expect(power.statusCode).toBe(200);
    expect(power.body).toContain('小微权力清单');
    expect(power.body).not.toContain('XYZ');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/villages/999999999999/disclosures' })).statusCode).toBe(404);
    const list = await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures` });
    expect(list.body).not.toContain('XYZ');
  });

  it('a publishable 发展党员公示 stays on the public page for recruitment.noticePublicDays (30) after it ends, then leaves it', async () => {
    const today = todayInShanghai();
    await notice(addDays(today, -45), addDays(today, -40), '拟列为发展对象:四十天前结束的公示');
    const shown = async () => JSON.stringify(ok(await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures` }) as never).notices);
    expect(await shown()).not.toContain('四十天前结束的公示');
    expect((await admin.patch('/api/settings/recruitment.noticePublicDays', { value: 60 })).statusCode).toBe(200);
    expect(await shown()).toContain('四十天前结束的公示');
    expect((await admin.patch('/api/settings/recruitment.noticePublicDays', { value: 30 })).statusCode).toBe(200);
  });

  it('public pages escape what they show and mask personal numbers in 公示 text', async () => {
    const d = await draft(secretary, { title: '<b>标题</b>&"引号"', content: '<script>alert(1)</script>', category: 'party', ruleKey: 'party_recruitment', period: '2026-04-01' });
    await walk(d.id);
    const page = await ctx.app.inject({ method: 'GET', url: `/public/villages/${YINGZI_CODE}` });
    expect(page.body).toContain('&lt;b&gt;标题&lt;/b&gt;&amp;&quot;引号&quot;');
    expect(page.body).not.toContain('<script>alert');
    const today = todayInShanghai();
    await notice(today, addDays(today, 5), '拟列为发展对象,电话13812345678');
    const json = ok(await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures` }) as never);
    expect(JSON.stringify(json.notices)).toContain('138****5678');
    expect(JSON.stringify(json)).not.toContain('13812345678');
  });

  it('the public page is sent gzipped to a browser that accepts it, with the same content', async () => {
    // A page of real size: a month's 收支明细, one line per entry (the village's other disclosures are one-liners).
    const entries = Array.from({ length: 40 }, (_, i) => `${i + 1}. 支出:村内道路维修材料费 ${350 + i * 10} 元,经手人签字,凭证附后。`).join('\n');
    await walk((await draft(secretary, { category: 'village', ruleKey: 'village_major', period: '2026-05-10', title: '道路维修收支明细', content: entries })).id);
    const plain = await ctx.app.inject({ method: 'GET', url: `/public/villages/${YINGZI_CODE}` });
    const zipped = await ctx.app.inject({ method: 'GET', url: `/public/villages/${YINGZI_CODE}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const missing = await ctx.app.inject({ method: 'GET', url: '/public/villages/999999999999', headers: { 'accept-encoding': 'gzip' } });
    expect(missing.statusCode).toBe(404);
    // The JSON for outside systems too, with the same document inside.
    const url = `/api/public/villages/${YINGZI_CODE}/disclosures`;
    const json = await ctx.app.inject({ method: 'GET', url });
    const jsonZipped = await ctx.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers['content-encoding']).toBeUndefined();
    expect(jsonZipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(jsonZipped.rawPayload).toString('utf8'))).toEqual(json.json());
    expect(jsonZipped.rawPayload.length).toBeLessThan(json.rawPayload.length / 2);
  });

  it('the public page lists the micro-power uses a village marked publishable, with the steps done, and no others', async () => {
    // The town's first read gives it the 小微权力清单 template; the village adopts an item and records two uses of it.
    const [item] = ok(await secretary.get(`/api/micro-power/items?orgId=${here.id}`)).items as Json[];
    ok(await secretary.request('PUT', `/api/micro-power/adoptions/by-org/${here.id}`, { itemIds: [item.id], adoptedOn: '2026-03-01' }));
    const use = async (subject: string, publishable: boolean) => {
      const { id } = ok(await secretary.post('/api/micro-power/uses', { organizationId: here.id, itemId: item.id, subject, startedOn: '2026-03-02' }));
      ok(await secretary.post(`/api/micro-power/uses/${id}/steps`, { index: 0, doneOn: '2026-03-03', by: '王书记' }));
      ok(await secretary.patch(`/api/micro-power/uses/${id}`, { publishable }));
    };
    await use('公开的运行记录甲', true);
    await use('不公开的运行记录乙', false);
    const json = ok(await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures` }) as never);
    const shown = (json.microPowerUses as Json[]).find((u) => u.subject === '公开的运行记录甲') as Json;
    expect(shown).toMatchObject({ itemName: item.name, startedOn: '2026-03-02' });
    expect(shown.steps[0]).toEqual({ name: item.steps[0], doneOn: '2026-03-03' });
    expect(shown.steps[1]).toEqual({ name: item.steps[1], doneOn: null });
    expect(JSON.stringify(json)).not.toContain('不公开的运行记录乙');
    // Who did a step is not for the public page.
    expect(JSON.stringify(shown)).not.toContain('王书记');
    // On the 小微权力清单 page, one link away from the village page (issue 13 point 10).
    const village = await ctx.app.inject({ method: 'GET', url: `/public/villages/${YINGZI_CODE}` });
    expect(village.body).toContain(`href="/public/villages/${YINGZI_CODE}/micro-power"`);
    const page = await ctx.app.inject({ method: 'GET', url: `/public/villages/${YINGZI_CODE}/micro-power` });
    expect(page.body).toContain('公开的运行记录甲');
    expect(page.body).not.toContain('不公开的运行记录乙');
  });
});

describe('due and overdue', () => {
  // `there` has published nothing: a village that fell behind.
  it('the board shows a late period for a village, and only branches in scope', async () => {
    const board = ok(await admin.get('/api/disclosures/board'));
    const xhg = board.branches.find((b: Json) => b.organizationId === there.id);
    const finance = xhg.items.find((i: Json) => i.ruleKey === 'finance_monthly');
    expect(finance.missed.length + (finance.status === 'late' ? 1 : 0)).toBeGreaterThan(0);
    expect(xhg.late).toBeGreaterThan(0);
    // `here` published last month's finance above.
    const yz = board.branches.find((b: Json) => b.organizationId === here.id);
    expect(yz.items.find((i: Json) => i.ruleKey === 'finance_monthly')).toMatchObject({ period: lastMonth, status: 'done' });
    const own = ok(await neighbour.get('/api/disclosures/board'));
    expect(own.branches.map((b: Json) => b.organizationId)).toEqual([there.id]);
    expect((await neighbour.get(`/api/disclosures/board?orgId=${here.id}`)).statusCode).toBe(404);
  });

  it('the to-do list gets DISCLOSURE_LATE for the village', async () => {
    const tasks = ok(await neighbour.get('/api/tasks')).items as Json[];
    const late = tasks.filter((t) => t.kind === 'DISCLOSURE_LATE');
    expect(late.length).toBeGreaterThan(0);
    expect(late[0]).toMatchObject({ memberId: null, organizationName: there.name });
    expect(late.find((t) => t.memberName === '财务收支公开')?.rule).toContain('村民委员会组织法');
    expect(tasks.every((t) => t.organizationName !== here.name)).toBe(true);
  });
});

describe('14.2 the personal-number scan is done at 公开 and stored, not on every view', () => {
  const PHONE = '13812345678';
  const column = async (id: number) => (await q('select personal_numbers_found as found from disclosures where id = $1', [id]))[0].found;
  const served = async (id: number) => ok(await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures/${id}` }) as never).content as string;
  const quarterly = async (period: string) => (await draft(secretary, { category: 'village', ruleKey: 'village_quarterly', period, title: `${period}村务公开` })).id as number;

  it('14.2 公开 stores the answer; the page serves a clean row as stored and masks a row never scanned', async () => {
    const id = await quarterly('2025-Q3');
    await walk(id);
    expect(await column(id)).toBe(false);
    // A number written behind the scan's back shows as stored: the view reads the column, it does not scan again,
    await q('update disclosures set content = content || $2 where id = $1', [id, `联系电话${PHONE}`]);
    expect(await served(id)).toContain(PHONE);
    // while a row the 公开 step never scanned (published before the column) is masked on every view, as before.
    await q('update disclosures set personal_numbers_found = null where id = $1', [id]);
    expect(await served(id)).not.toContain(PHONE);
    expect(await served(id)).toContain('138****5678');
  });

  it('14.2 the migration marks published rows without a number as scanned and leaves the others to the view', async () => {
    const [clean, withNumber] = [await quarterly('2025-Q2'), await quarterly('2025-Q1')];
    await walk(clean);
    await walk(withNumber);
    await q('update disclosures set content = content || $2 where id = $1', [withNumber, `联系电话138 1234\n5678`]);
    await q('update disclosures set personal_numbers_found = null where id = any($1)', [[clean, withNumber]]);
    // The backfill exactly as the migration runs it (its last statement), not retyped here.
    const migration = readFileSync(new URL('../../db/migrations/0026_disclosure_personal_numbers_found.sql', import.meta.url), 'utf8');
    await q(migration.slice(migration.indexOf('UPDATE')));
    expect([await column(clean), await column(withNumber)]).toEqual([false, null]);
  });
});
