import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { docxText, pdfText } from '../../../test/documents.js';
import { createBranch, createTown, createUser, testIdNumber, type Branch, type Town } from '../../../test/factories.js';
import { open } from '../members/excel/test-workbook.js';

/** Issue 15 point 8: the 人才名册 as xlsx, Word and PDF, opened as the user's software would; numbers masked; scoped; audited. */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let other: Branch;
let secretary: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  branch = await createBranch(town);
  other = await createBranch(town, { villageId: town.villages[1].id });
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
  const file = async (orgId: number, name: string, over: Record<string, unknown>) => {
    const res = await town.admin.post('/api/talent', {
      organizationId: orgId, kind: 'rural_star', field: 'planting', newPerson: { name, gender: 'male', birthDate: '1980-01-01', idNumber: testIdNumber(), phone: '13700001234' }, ...over,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number };
  };
  const t = await file(branch.id, '赵本村', { tier: 'hundred', selectedYear: 2025, leads: [{ kind: 'cooperative', name: '赵家石榴专业合作社' }] });
  await town.admin.post(`/api/talent/${t.id}/support`, { givenOn: '2025-02-01', what: '大棚补贴', amountFen: 123_400, givenBy: '镇农业农村办' });
  await file(other.id, '钱外村', { kind: 'returnee', field: 'ecommerce' });
});
afterAll(async () => { await ctx.close(); });

describe('15.8 talent roster documents', () => {
  it('15.8 the PDF and the Word roster list the village\'s talents with tier, leads and support', async () => {
    const pdf = pdfText(await secretary.get('/api/talent/roster?format=pdf'));
    expect(pdf).toContain('人才名册');
    // PDF text wraps inside the narrow cells: the parts of a cell are checked, the whole cells in the Word copy.
    expect(pdf).toContain('人数1人(已入选"十百千"工程1人)');
    expect(pdf).toContain('乡村之星');
    expect(pdf).toContain('1234');
    expect(pdf).not.toContain('钱外');
    const docx = await docxText(await town.admin.get('/api/talent/roster?format=docx'));
    expect(docx).toContain('赵本村');
    expect(docx).toContain('钱外村');
    expect(docx).toContain('回流人员');
    expect(docx).toContain('"百"层次(2025年)');
    expect(docx).toContain('合作社:赵家石榴专业合作社');
    expect(docx).toContain('1次,1234.00元');
  });

  it('15.8 the xlsx roster holds masked numbers only, filtered like the list, and the export is audited', async () => {
    const res = await town.admin.get(`/api/talent/roster?format=xlsx&orgId=${other.id}`);
    expect(res.statusCode).toBe(200);
    const ws = (await open(res.rawPayload)).getWorksheet('人才名册')!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['所在村', '姓名', '人才类别', '联系电话(脱敏)']));
    expect(ws.rowCount).toBe(2);
    const values = (ws.getRow(2).values as unknown[]).map(String);
    expect(values).toContain('钱外村');
    expect(values.join(' ')).not.toContain('13700001234');
    expect(values.join(' ')).toMatch(/137\*+1234/);
    const { rows } = await ctx.pool.query("select count(*)::int as n from audit_events where action = 'talent.roster' and tenant_id = $1", [town.tenantId]);
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    expect((await secretary.get(`/api/talent/roster?format=xlsx&orgId=${other.id}`)).statusCode).toBe(404);
  });
});
