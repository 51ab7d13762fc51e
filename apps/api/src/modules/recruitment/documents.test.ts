import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestContext } from '../../../test/context.js';
import { docxText, filename, pdfText } from '../../../test/documents.js';
import { createRecruitment, memberAccount, ok, openRecruitment } from '../../../test/recruitment-fixtures.js';
import { probationEnd, registerModel } from './documents-model.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** GB 11643: the check character of an 18-digit 居民身份证号码. */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('发展党员 documents and registers', () => {
  let ctx: TestContext;
  let admin: Session;
  let secretary: Session;
  let outsider: Session;
  let member: Session;
  let branchId: number;
  let branchName: string;
  let recruitmentId: number;
  let mentorId: number;
  let mentorName: string;
  const NAME = '李文档';

  beforeAll(async () => {
    const opened = await openRecruitment();
    ({ ctx, admin, secretary, outsider } = opened);
    [branchId, branchName] = [opened.branch.id, opened.branch.name];
    // A full member of the branch with a 党员 account: she becomes the 培养联系人.
    mentorId = opened.full[0];
    mentorName = ok(await secretary.get(`/api/members/${mentorId}`)).name;
    member = await memberAccount(mentorId);

    const created = await secretary.post('/api/recruitments', {
      name: NAME, gender: 'male', birthDate: '1990-05-12', idNumber: withCheckDigit('13082119900512013'),
      organizationId: branchId, appliedOn: '2024-03-01',
    });
    expect(created.statusCode, created.body).toBe(200);
    recruitmentId = created.json().id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('refuses a 谈话记录 before the talk is recorded and a 公示 before one is registered', async () => {
    const talk = await secretary.get(`/api/recruitments/${recruitmentId}/documents/talk/pdf`);
    expect(talk.statusCode).toBe(400);
    expect(talk.json().message).toContain('尚未记录');
    const notice = await secretary.get(`/api/recruitments/${recruitmentId}/documents/notice/docx`);
    expect(notice.statusCode).toBe(400);
    expect(notice.json().message).toContain('公示');
  });

  it('records the talk, the 积极分子 and the 培养联系人 through the API', async () => {
    const steps = [
      { stepCode: 'talk', occurredOn: '2024-03-15', details: { talker: '王书记', summary: '了解入党动机,介绍党的基本知识。' } },
      { stepCode: 'activist', occurredOn: '2024-04-10', decidedBy: 'branch_committee' },
      { stepCode: 'activist_filing', occurredOn: '2024-04-12' },
    ];
    for (const step of steps) {
      const res = await secretary.post(`/api/recruitments/${recruitmentId}/records`, step);
      expect(res.statusCode, res.body).toBe(200);
    }
    const mentors = await secretary.post(`/api/recruitments/${recruitmentId}/records`, { stepCode: 'mentors', occurredOn: '2024-04-20', details: { memberIds: [mentorId] } });
    expect(mentors.statusCode, mentors.body).toBe(200);
    const notice = await secretary.post(`/api/recruitments/${recruitmentId}/public-notices`, { stage: 'activist', startsOn: '2024-04-01', endsOn: '2024-04-07' });
    expect(notice.statusCode, notice.body).toBe(200);
  });

  it('generates the 全程纪实表 with every step, taken or not, the relations and the 公示', async () => {
    const res = await secretary.get(`/api/recruitments/${recruitmentId}/documents/record/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX);
    expect(filename(res)).toBe(`${NAME}-发展党员全程纪实表.docx`);
    const text = await docxText(res);
    for (const s of [NAME, branchName, '130821********', '入党积极分子', '递交入党申请书', '党组织派人谈话', '2024年3月15日', '支委会', '王书记',
      '上级党委审批转正', '材料归档', '培养联系人', mentorName, '确定入党积极分子', '尚未登记结果']) {
      expect(text).toContain(s);
    }
    // The full ID number never leaves the server.
    expect(text).not.toContain(withCheckDigit('13082119900512013'));

    const pdf = await admin.get(`/api/recruitments/${recruitmentId}/documents/record/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const pdfTextOut = pdfText(pdf, { keepWhitespace: true });
    expect(pdfTextOut).toContain('发展党员全程纪实表');
    expect(pdfTextOut).toContain('党组织派人谈话');
  });

  it('generates the 入党谈话记录 and the 公示', async () => {
    const talk = await secretary.get(`/api/recruitments/${recruitmentId}/documents/talk/pdf`);
    expect(talk.statusCode).toBe(200);
    expect(filename(talk)).toBe(`${NAME}-入党谈话记录.pdf`);
    const text = pdfText(talk, { keepWhitespace: true });
    for (const s of ['入党谈话记录', NAME, '王书记', '2024年3月15日', '谈话对象(签名)']) expect(text).toContain(s);

    const notice = await secretary.get(`/api/recruitments/${recruitmentId}/documents/notice/docx`);
    expect(notice.statusCode).toBe(200);
    const noticeText = await docxText(notice);
    for (const s of ['发展党员公示', `拟将${NAME}同志确定为入党积极分子`, '2024年4月1日至2024年4月7日', '公示结果尚未登记']) expect(noticeText).toContain(s);
  });

  it('lists the person in the town’s and the branch’s 入党积极分子名册', async () => {
    const res = await admin.get('/api/recruitment/registers/activists/docx');
    expect(res.statusCode, res.body).toBe(200);
    expect(filename(res)).toMatch(/-入党积极分子名册-\d{4}-\d{2}-\d{2}\.docx$/);
    const text = await docxText(res);
    for (const s of ['入党积极分子名册', '截至', NAME, branchName, '2024-03-01', '2024-04-10', mentorName, '申请入党日期']) expect(text).toContain(s);

    const branch = await secretary.get(`/api/recruitment/registers/activists/pdf?orgId=${branchId}`);
    expect(branch.statusCode).toBe(200);
    const pdf = pdfText(branch, { keepWhitespace: true });
    expect(pdf).toContain(`${branchName}入党积极分子名册`);
    expect(pdf).toContain(NAME);

    // A 预备党员 (支部大会 2020-08-03), listed with the end of the 预备期 derived from the 支部大会.
    await createRecruitment('王预备', 'admission_approval');
    const probationary = await admin.get('/api/recruitment/registers/probationary/pdf');
    expect(probationary.statusCode).toBe(200);
    const probationaryText = pdfText(probationary, { keepWhitespace: true });
    expect(probationaryText).toContain('预备党员名册');
    expect(probationaryText).toContain('王预备');
    expect(probationaryText).toContain('2021-08-03');
    // Narrow columns wrap their headers: the first line of each is enough.
    expect(probationaryText).toContain('预备期满');

    const candidates = await secretary.get('/api/recruitment/registers/candidates/docx');
    expect(candidates.statusCode).toBe(200);
    expect(await docxText(candidates)).not.toContain(NAME);
  });

  it('keeps other branches and plain members out', async () => {
    expect((await outsider.get(`/api/recruitments/${recruitmentId}/documents/record/docx`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/recruitment/registers/activists/docx?orgId=${branchId}`)).statusCode).toBe(404);
    const other = await outsider.get('/api/recruitment/registers/activists/docx');
    expect(other.statusCode).toBe(200);
    expect(await docxText(other)).not.toContain(NAME);
    // A plain 党员 sees the recruitment they mentor, and has no register of their own.
    expect((await member.get(`/api/recruitments/${recruitmentId}/documents/record/pdf`)).statusCode).toBe(200);
    const empty = await member.get('/api/recruitment/registers/activists/docx');
    expect(empty.statusCode).toBe(200);
    expect(await docxText(empty)).toContain('暂无入党积极分子');
  });

  it('validates kind and format', async () => {
    expect((await admin.get(`/api/recruitments/${recruitmentId}/documents/resume/docx`)).statusCode).toBe(400);
    expect((await admin.get(`/api/recruitments/${recruitmentId}/documents/record/xlsx`)).statusCode).toBe(400);
    expect((await admin.get('/api/recruitment/registers/members/pdf')).statusCode).toBe(400);
    expect((await admin.get('/api/recruitments/99999999/documents/record/docx')).statusCode).toBe(404);
  });

  it('audits every export', async () => {
    const { rows } = await ctx.pool.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'recruitment.document.export'`);
    expect(rows[0].n).toBeGreaterThanOrEqual(10);
    const { rows: last } = await ctx.pool.query<{ detail: { kind: string; format: string; count: number } }>(
      `select detail from audit_events where action = 'recruitment.document.export' and object_type = 'recruitment' order by id desc limit 1`);
    expect(last[0].detail).toMatchObject({ kind: 'record', format: 'pdf', count: 1 });
  });
});

describe('register model', () => {
  const entry = (records: Array<{ stepCode: string; occurredOn: string; details?: object }>) => ({
    records: records.map((r) => ({ ...r, details: r.details ?? {} })),
  });

  it('derives the end of the 预备期 from the 支部大会, extended when the 转正 meeting extended it', () => {
    expect(probationEnd(entry([]))).toBeNull();
    expect(probationEnd(entry([{ stepCode: 'admission_meeting', occurredOn: '2024-02-29' }]))).toMatch(/^2025-02-2[89]$/);
    expect(probationEnd(entry([
      { stepCode: 'admission_meeting', occurredOn: '2024-06-01' },
      { stepCode: 'confirmation_meeting', occurredOn: '2025-06-05', details: { decision: 'extend', extensionMonths: 6 } },
    ]))).toBe('2025-12-01');
  });

  it('says 暂无 for an empty register', () => {
    const model = registerModel('probationary', '东岭村党支部', [], '2025-01-02', '管理员');
    expect(model.title).toBe('东岭村党支部预备党员名册');
    expect(model.subtitle).toBe('截至2025年1月2日');
    expect(JSON.stringify(model.blocks)).toContain('暂无预备党员');
  });
});
