import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, personOf, testIdNumber, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 15 point 6: the talent registry. A talent is a person of one village (a member, or a new person sealed and masked),
 * of a kind, in a tier selected in a year, with what they lead and the support given; the year's progress is counted
 * against the town's targets (the settings' default until the town enters its own); a village secretary sees their own only.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let other: Branch;
let secretary: Session;
let otherSecretary: Session;
let people = 0;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const newPerson = (over: Json = {}) => ({ name: `人才${++people}号`, gender: 'female', birthDate: '1988-05-06', idNumber: testIdNumber('1988-05-06', 'female'), phone: '13912345678', ...over });
const talent = (orgId: number, over: Json = {}) => ({ organizationId: orgId, kind: 'rural_star', field: 'planting', tier: 'hundred', selectedYear: 2025, leads: [{ kind: 'cooperative', name: '绿源果蔬专业合作社' }], ...over });

async function create(session: Session, body: Json): Promise<Json> {
  const res = await session.post('/api/talent', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  branch = await createBranch(town);
  other = await createBranch(town, { villageId: town.villages[1].id });
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
  ({ session: otherSecretary } = await createUser(town, 'branch_secretary', [other.id]));
});
afterAll(async () => { await ctx.close(); });

describe('15.6 talent registry', () => {
  it('15.6 files a new person sealed and masked, and a member of the village by person; refuses a person of another village', async () => {
    const t = await create(secretary, talent(branch.id, { newPerson: newPerson() }));
    expect(t).toMatchObject({ kind: 'rural_star', tier: 'hundred', selectedYear: 2025, isMember: false, leads: [{ kind: 'cooperative' }], can: { edit: true } });
    expect(t.phoneMasked).toMatch(/^139\*+5678$/);
    expect(JSON.stringify(t)).not.toContain('13912345678');
    const { rows: [p] } = await ctx.pool.query('select phone_enc, id_number_enc from persons where id = $1', [t.personId]);
    expect(p.phone_enc).not.toContain('13912345678');

    const member = await personOf(ctx, await createMember(town, branch.id));
    const m = await create(secretary, talent(branch.id, { personId: member, kind: 'development_leader', tier: null, selectedYear: null }));
    expect(m.isMember).toBe(true);
    const again = await secretary.post('/api/talent', talent(branch.id, { personId: member }));
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('已在人才名册中');

    const stranger = await personOf(ctx, await createMember(town, other.id));
    const refused = await town.admin.post('/api/talent', talent(branch.id, { personId: stranger }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('不是本村党员');
    // The secretary of one village cannot file under another's.
    expect((await secretary.post('/api/talent', talent(other.id, { newPerson: newPerson() }))).statusCode).toBe(404);
  });

  it('15.6 a tier needs its year, and the year a tier', async () => {
    const res = await secretary.post('/api/talent', talent(branch.id, { newPerson: newPerson(), tier: 'ten', selectedYear: null }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请填写入选年度');
  });

  it('15.6 filters the list and keeps each village secretary to their own village', async () => {
    await create(otherSecretary, talent(other.id, { newPerson: newPerson({ name: '外村能人' }), kind: 'returnee', field: 'ecommerce', tier: 'thousand', selectedYear: 2024 }));
    const all = (await town.admin.get('/api/talent')).json() as Json;
    expect(all.rows.map((r: Json) => r.organizationId)).toEqual(expect.arrayContaining([branch.id, other.id]));
    const mine = (await secretary.get('/api/talent')).json() as Json;
    expect(mine.rows.every((r: Json) => r.organizationId === branch.id)).toBe(true);
    expect(mine.villages).toEqual([{ organizationId: branch.id, name: expect.any(String) }]);
    expect((await secretary.get(`/api/talent?orgId=${other.id}`)).statusCode).toBe(404);
    const outsider = all.rows.find((r: Json) => r.organizationId === other.id);
    expect((await secretary.get(`/api/talent/${outsider.id}`)).statusCode).toBe(404);

    const filtered = (q: string) => town.admin.get(`/api/talent?${q}`).then((r) => (r.json() as Json).rows.map((x: Json) => x.name));
    expect(await filtered('kind=returnee')).toEqual(['外村能人']);
    expect(await filtered('field=ecommerce&year=2024&tier=thousand')).toEqual(['外村能人']);
    expect(await filtered(`q=${encodeURIComponent('外村')}`)).toEqual(['外村能人']);
    expect(await filtered('q=%25')).toEqual([]);
  });

  it('15.6 records dated support, summed by the database, and audits it', async () => {
    const t = await create(secretary, talent(branch.id, { newPerson: newPerson() }));
    let res = await secretary.post(`/api/talent/${t.id}/support`, { givenOn: '2025-03-01', what: '大棚建设补贴', amountFen: 500_000, givenBy: '镇农业农村办' });
    expect(res.statusCode, res.body).toBe(200);
    res = await secretary.post(`/api/talent/${t.id}/support`, { givenOn: '2025-06-01', what: '电商技能培训', givenBy: '区人社局' });
    const d = res.json() as Json;
    expect(d.support.map((s: Json) => s.what)).toEqual(['电商技能培训', '大棚建设补贴']);
    expect(d).toMatchObject({ supportCount: 2, supportFen: 500_000 });
    const { rows } = await ctx.pool.query("select count(*)::int as n from audit_events where action = 'talent.support' and object_id = $1", [String(t.id)]);
    expect(rows[0].n).toBe(2);
    // A reader who is not an editor cannot record support.
    expect((await otherSecretary.post(`/api/talent/${t.id}/support`, { givenOn: '2025-03-01', what: '越权', givenBy: '越权单位' })).statusCode).toBe(404);
  });

  it('15.6 counts each tier of a year against the setting default, then the town\'s own target', async () => {
    const p = (await town.admin.get('/api/talent/progress?year=2025')).json() as Json;
    const hundred = p.tiers.find((t: Json) => t.tier === 'hundred');
    const { rows } = await ctx.pool.query("select count(*)::int as n from talents where tenant_id = $1 and tier = 'hundred' and selected_year = 2025", [town.tenantId]);
    expect(hundred).toMatchObject({ selected: rows[0].n, target: 20, source: 'setting', level: '区级' });
    expect(p.can.editTargets).toBe(true);
    const put = await town.admin.request('PUT', '/api/talent/targets/2025', { targets: [{ tier: 'hundred', target: 3, level: '镇级' }] });
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as Json).tiers.find((t: Json) => t.tier === 'hundred')).toMatchObject({ target: 3, source: 'town', level: '镇级' });
    expect((await secretary.request('PUT', '/api/talent/targets/2025', { targets: [{ tier: 'ten', target: 1, level: '市级' }] })).statusCode).toBe(403);
    // The secretary's figures are their village's own.
    const own = (await secretary.get('/api/talent/progress?year=2024')).json() as Json;
    expect(own.kinds.find((k: Json) => k.kind === 'returnee').total).toBe(0);
  });

  it('15.6 shows a full phone only after step-up, with a reason, audited', async () => {
    const t = await create(secretary, talent(branch.id, { newPerson: newPerson({ phone: '13800001111' }) }));
    const denied = await secretary.post(`/api/talent/${t.id}/reveal`, { field: 'phone', reason: '联系扶持事宜' });
    expect(denied.statusCode).toBe(403);
    await secretary.stepUp();
    const res = await secretary.post(`/api/talent/${t.id}/reveal`, { field: 'phone', reason: '联系扶持事宜' });
    expect(res.json()).toEqual({ field: 'phone', value: '13800001111' });
    const { rows } = await ctx.pool.query("select result from audit_events where action = 'talent.reveal' and object_id = $1 order by id", [String(t.id)]);
    expect(rows.map((r) => r.result)).toEqual(['denied', 'ok']);
  });
});
