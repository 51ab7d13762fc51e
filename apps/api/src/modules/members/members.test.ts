import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createMembers, createTown, createUser, personOf, type Branch, type Town } from '../../../test/factories.js';
import { idNumberCheckDigit } from '@dj/contracts';

let ctx: TestContext;
let town: Town;
/** The branch the tests register into, and another one members are moved to. */
let branch: Branch;
let otherBranch: Branch;
let admin: Session;
let secretary: Session;
let otherSecretary: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  admin = town.admin;
  [branch, otherBranch] = [await createBranch(town, { groups: 1 }), await createBranch(town, { groups: 1 })];
  secretary = (await createUser(town, 'branch_secretary', [branch.id])).session;
  otherSecretary = (await createUser(town, 'branch_secretary', [otherBranch.id])).session;
});
afterAll(async () => { await ctx.close(); });

const withCheck = (body: string) => body + idNumberCheckDigit(body);
function newMember(overrides: Record<string, unknown> = {}) {
  return {
    name: '孙立新', gender: 'male', birthDate: '1985-03-02', idNumber: withCheck('37040219850302051'), joinedAt: '2010-07-01',
    confirmedAt: '2011-07-01', organizationId: branch.id, phone: '13812345678', education: 'high_school', occupation: 'farmer',
    hamlet: '三组', ...overrides,
  };
}

describe('POST /api/members', () => {
  it('registers a member with masked numbers, derived standing, 党龄 and a timeline', async () => {
    const res = await secretary.post('/api/members', newMember());
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m.idNumberMasked).toMatch(/^370402\*{8}\d{3}[\dX]$/);
    expect(m.phoneMasked).toBe('138****5678');
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('198503020');
    expect(m.standing).toBe('full');
    expect(m.partyYears).toBeGreaterThanOrEqual(14);
    expect(m.events.map((e: { kind: string }) => e.kind)).toEqual(['admitted', 'confirmed']);
  });

  it('normalises lower-case x and full-width digits in the ID number', async () => {
    const id = withCheck('37040219900101002');
    const messy = ` ${id.slice(0, 17).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}${id.slice(17).toLowerCase()} `;
    const res = await secretary.post('/api/members', newMember({ name: '全角测试', idNumber: messy, birthDate: '1990-01-01', gender: 'female' }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('names the field and the rule: bad check digit, birth date or gender mismatch', async () => {
    const good = withCheck('37040219850302051');
    const r1 = await secretary.post('/api/members', newMember({ idNumber: good.slice(0, 17) + (good[17] === '0' ? '1' : '0') }));
    expect(r1.statusCode).toBe(400);
    expect(r1.json().fields[0].path).toBe('idNumber');
    const r2 = await secretary.post('/api/members', newMember({ idNumber: withCheck('37040219850312051') }));
    expect(r2.json().message).toMatch(/出生日期/);
    const r3 = await secretary.post('/api/members', newMember({ idNumber: withCheck('37040219850302052') }));
    expect(r3.json().message).toMatch(/性别/);
  });

  it('党章 第一条: refuses an admission date before the 18th birthday', async () => {
    const res = await secretary.post('/api/members', newMember({ idNumber: withCheck('37040219850302071'), joinedAt: '2002-01-01', confirmedAt: null }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toContain('joinedAt');
  });

  it('refuses a second registration of the same ID number without saying where it is', async () => {
    const again = await admin.post('/api/members', newMember({ organizationId: otherBranch.id }));
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain(branch.name);
  });

  it('files members under branches only, and groups of that branch only', async () => {
    const r1 = await admin.post('/api/members', newMember({ idNumber: withCheck('37040219850302091'), organizationId: town.committeeId }));
    expect(r1.json().fields[0].path).toBe('organizationId');
    const r2 = await admin.post('/api/members', newMember({ idNumber: withCheck('37040219850302091'), groupId: otherBranch.groupIds[0] }));
    expect(r2.json().fields[0].path).toBe('groupId');
  });
});

describe('GET /api/members', () => {
  /** A branch of its own with 11 members: one more than a page of 10. */
  let paged: { branch: Branch; secretary: Session; names: string[] };
  beforeAll(async () => {
    const own = await createBranch(town);
    const ids = await createMembers(town, own.id, { full: 11 });
    const names = await Promise.all(ids.map(async (id) => (await admin.get(`/api/members/${id}`)).json().name as string));
    paged = { branch: own, secretary: (await createUser(town, 'branch_secretary', [own.id])).session, names };
  });

  it('pages (at most 100) within the scope', async () => {
    const page = (await paged.secretary.get('/api/members?pageSize=10')).json();
    expect(page.items).toHaveLength(10);
    expect(page.total).toBe(11);
    for (const m of page.items) expect(m.organizationName).toBe(paged.branch.name);
    const rest = (await paged.secretary.get('/api/members?pageSize=10&page=2')).json();
    expect([...page.items, ...rest.items].map((m: { name: string }) => m.name).sort()).toEqual([...paged.names].sort());
    expect((await paged.secretary.get('/api/members?pageSize=101')).statusCode).toBe(400);
  });

  it('finds by a two-character name substring, by the last 4 of the ID number and by the full number', async () => {
    const byName = (await secretary.get(`/api/members?q=${encodeURIComponent('立新')}`)).json();
    expect(byName.items.map((m: { name: string }) => m.name)).toContain('孙立新');
    const id = withCheck('37040219850302051');
    const bySuffix = (await secretary.get(`/api/members?q=${id.slice(-4)}`)).json();
    expect(bySuffix.items.map((m: { name: string }) => m.name)).toContain('孙立新');
    const byFull = (await secretary.get(`/api/members?q=${id}`)).json();
    expect(byFull.items).toHaveLength(1);
  });

  it('a name with Latin letters is found whatever their case (a Chinese name is matched as typed: it has no case)', async () => {
    await createMember(town, branch.id, { name: 'Ayxan Tursun' });
    for (const q of ['ayxan', 'TURSUN', 'YxAn']) {
      const found = (await secretary.get(`/api/members?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((m: { name: string }) => m.name), q).toContain('Ayxan Tursun');
    }
  });

  it('a member sees only their own record', async () => {
    const memberId = await createMember(town, branch.id, { name: '赵秀英' });
    const member = (await createUser(town, 'member', [branch.id], { personId: await personOf(ctx, memberId) })).session;
    const list = (await member.get('/api/members')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: memberId, name: '赵秀英' });
    const other = (await secretary.get('/api/members?pageSize=5')).json().items.find((m: { name: string }) => m.name !== '赵秀英');
    expect((await member.get(`/api/members/${other.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/members/completeness', () => {
  it('shows each branch with members its average completeness and the fields most often missing', async () => {
    // A town of its own: two branches with members, one without.
    const own = await createTown(ctx);
    const [a, b] = [await createBranch(own), await createBranch(own)];
    await createBranch(own);
    await createMembers(own, a.id, { full: 2 });
    await createMembers(own, b.id, { full: 1 }, { phone: '13912345678', occupation: 'farmer' });
    const items = (await own.admin.get('/api/members/completeness')).json().items;
    expect(items.map((i: { organizationName: string; members: number }) => [i.organizationName, i.members]).sort()).toEqual([[a.name, 2], [b.name, 1]].sort());
    for (const i of items) expect(i.averagePercent).toBeGreaterThan(0);
    const [ofA, ofB] = [a, b].map((x) => items.find((i: { organizationName: string }) => i.organizationName === x.name));
    expect(ofB.averagePercent).toBeGreaterThan(ofA.averagePercent);
    const mine = (await (await createUser(own, 'branch_secretary', [a.id])).session.get('/api/members/completeness')).json().items;
    expect(mine).toEqual([ofA]);
  });
});

describe('POST /api/members/:id/reveal', () => {
  it('shows the full number to the branch secretary with a reason, and audits it', async () => {
    const id = (await secretary.get(`/api/members?q=${encodeURIComponent('孙立新')}`)).json().items[0].id;
    // Step-up first (安全测试清单第26项; refusals without it are in ../auth/step-up.test.ts).
    await secretary.stepUp();
    const res = await secretary.post(`/api/members/${id}/reveal`, { field: 'idNumber', reason: '办理组织关系转接' });
    expect(res.json().value).toBe(withCheck('37040219850302051'));
    const { rows } = await ctx.pool.query(`select result, detail from audit_events where action = 'member.reveal' and object_id = $1`, [String(id)]);
    expect(rows).toEqual([{ result: 'ok', detail: { field: 'idNumber', reason: '办理组织关系转接' } }]);
    expect((await secretary.post(`/api/members/${id}/reveal`, { field: 'phone' })).statusCode).toBe(400);
  });

  it('refuses supervisors and members, and audits the refusal', async () => {
    const id = (await secretary.get(`/api/members?q=${encodeURIComponent('孙立新')}`)).json().items[0].id;
    const supervisor = (await createUser(town, 'supervisor', [branch.id])).session;
    expect((await supervisor.post(`/api/members/${id}/reveal`, { field: 'phone', reason: '想看看' })).statusCode).toBe(403);
    const { rows } = await ctx.pool.query(`select count(*)::int as n from audit_events where action = 'member.reveal' and result = 'denied'`);
    expect(rows[0].n).toBe(1);
  });
});

describe('党籍 events', () => {
  it('moves a member to another branch: both sides see the pair of events, the old side loses sight', async () => {
    const id = (await secretary.get(`/api/members?q=${encodeURIComponent('孙立新')}`)).json().items[0].id;
    const bySecretary = await secretary.post(`/api/members/${id}/events`, { kind: 'transferred_out', occurredOn: '2026-03-01', toOrganizationId: otherBranch.id });
    expect(bySecretary.statusCode).toBe(403);
    const res = await admin.post(`/api/members/${id}/events`, { kind: 'transferred_out', occurredOn: '2026-03-01', toOrganizationId: otherBranch.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().member.organizationName).toBe(otherBranch.name);
    expect((await secretary.get(`/api/members/${id}`)).statusCode).toBe(404);
    const seen = (await otherSecretary.get(`/api/members/${id}`)).json();
    expect(seen.organizationName).toBe(otherBranch.name);
    expect(seen.events.slice(-2).map((e: { kind: string; fromOrganizationName: string }) => [e.kind, e.fromOrganizationName]))
      .toEqual([['transferred_out', branch.name], ['transferred_in', branch.name]]);
  });

  it('derives suspension and restoration from dated events and never rewrites history', async () => {
    const id = (await admin.get(`/api/members?q=${encodeURIComponent('全角测试')}`)).json().items[0].id;
    const suspended = (await admin.post(`/api/members/${id}/events`, { kind: 'suspended', occurredOn: '2026-02-01', reason: '失联超过6个月' })).json().member;
    expect(suspended.membershipStatus).toBe('suspended');
    expect((await admin.post(`/api/members/${id}/events`, { kind: 'suspended', occurredOn: '2026-02-02' })).statusCode).toBe(400);
    const restored = (await admin.post(`/api/members/${id}/events`, { kind: 'restored', occurredOn: '2026-04-01' })).json().member;
    expect(restored.membershipStatus).toBe('active');
    await expect(ctx.pool.query(`update membership_events set occurred_on = '2020-01-01' where member_id = $1`, [id])).rejects.toThrow(/append-only/);
  });
});

describe('personal data at rest', () => {
  it('a pg_dump of the database contains no plaintext ID number or phone', async () => {
    const dump = execFileSync('pg_dump', ['--data-only', ctx.databaseUrl], { maxBuffer: 256 * 1024 * 1024 }).toString();
    expect(dump).toContain('孙立新'); // the dump is real and has the member in it
    expect(dump).not.toContain(withCheck('37040219850302051'));
    expect(dump).not.toContain('13812345678');
    expect(dump).not.toMatch(/\b370402(19|20)\d{9}[\dX]\b/);
  });
});
