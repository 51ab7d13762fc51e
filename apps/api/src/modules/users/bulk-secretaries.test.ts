import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, personOf, type Branch, type Town } from '../../../test/factories.js';

/** 批量开通书记账号 (issue 12 point 4): every branch's 书记 from the tree and roster gets an account in one step. */
let ctx: TestContext;
let town: Town;
let withSecretary: Branch;
let secretaryHasAccount: Branch;
let noSecretary: Branch;
let second: Branch;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  [withSecretary, secretaryHasAccount, noSecretary, second] = [await createBranch(town), await createBranch(town), await createBranch(town), await createBranch(town)];
  await createMember(town, withSecretary.id, { name: '赵书记', partyPosts: ['secretary'] });
  await createMember(town, withSecretary.id, { name: '钱委员', partyPosts: ['organization_officer'] });
  await createMember(town, second.id, { name: '孙书记', partyPosts: ['secretary'] });
  const existing = await createMember(town, secretaryHasAccount.id, { name: '李书记', partyPosts: ['secretary'] });
  await createUser(town, 'branch_secretary', [secretaryHasAccount.id], { personId: await personOf(ctx, existing) });
  await createMember(town, noSecretary.id, { name: '周党员' });
});
afterAll(() => ctx?.close());

const login = (username: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('bulk secretary accounts', () => {
  it('previews every branch with its 书记, the user name it would get, and why a branch is skipped', async () => {
    const res = await town.admin.get('/api/users/bulk/secretaries');
    expect(res.statusCode, res.body).toBe(200);
    const byOrg = new Map(res.json().items.map((r: { organizationId: number }) => [r.organizationId, r]));
    expect(byOrg.size).toBe(4);
    expect(byOrg.get(withSecretary.id)).toMatchObject({ personName: '赵书记', username: `sj${withSecretary.id}`, skip: null, existingUserId: null });
    expect(byOrg.get(secretaryHasAccount.id)).toMatchObject({ personName: '李书记', skip: 'has_account' });
    expect(byOrg.get(noSecretary.id)).toMatchObject({ personName: null, username: null, skip: 'no_secretary' });
  });

  it('creates the missing accounts in one step: branch secretary of the branch, one-time password to change, audited without it', async () => {
    const res = await town.admin.post('/api/users/bulk/secretaries', {});
    expect(res.statusCode, res.body).toBe(200);
    const { credentials, skipped } = res.json();
    expect(credentials.map((c: { username: string }) => c.username).sort()).toEqual([`sj${withSecretary.id}`, `sj${second.id}`].sort());
    expect(skipped.map((r: { organizationId: number }) => r.organizationId).sort()).toEqual([secretaryHasAccount.id, noSecretary.id].sort());
    const zhao = credentials.find((c: { username: string }) => c.username === `sj${withSecretary.id}`);
    expect(zhao).toMatchObject({ displayName: '赵书记', organizationName: withSecretary.name });
    const user = (await town.admin.get(`/api/users/${zhao.userId}`)).json();
    expect(user.grants).toEqual([{ role: 'branch_secretary', organizationId: withSecretary.id, organizationName: withSecretary.name }]);
    expect(user.mustChangePassword).toBe(true);
    expect(user.person.name).toBe('赵书记');
    const signIn = await login(zhao.username, zhao.oneTimePassword);
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json().passwordChange).toBe('one_time');
    const { rows } = await ctx.pool.query(`select detail::text from audit_events where action = 'users.bulk_secretaries' order by id desc limit 1`);
    expect(rows).toHaveLength(1);
    for (const c of credentials) expect(rows[0].detail).not.toContain(c.oneTimePassword);
    const { rows: stored } = await ctx.pool.query('select password_hash from users where id = $1', [zhao.userId]);
    expect(stored[0].password_hash).not.toContain(zhao.oneTimePassword);
    // Done once: now every secretary has an account, and a second run creates nothing.
    const again = (await town.admin.post('/api/users/bulk/secretaries', {})).json();
    expect(again.credentials).toEqual([]);
    const preview = (await town.admin.get('/api/users/bulk/secretaries')).json().items;
    expect(preview.find((r: { organizationId: number }) => r.organizationId === withSecretary.id)).toMatchObject({ skip: 'has_account', existingUserId: zhao.userId });
  });

  it('skips a branch whose user name someone else already holds, and creates the rest', async () => {
    const own = await createTown(ctx);
    const [x, y] = [await createBranch(own), await createBranch(own)];
    await createMember(own, x.id, { name: '吴书记', partyPosts: ['secretary'] });
    await createMember(own, y.id, { name: '郑书记', partyPosts: ['secretary'] });
    await ctx.pool.query('update users set username = $1 where id = $2', [`sj${x.id}`, own.adminId]);
    const res = (await own.admin.post('/api/users/bulk/secretaries', {})).json();
    expect(res.credentials.map((c: { username: string }) => c.username)).toEqual([`sj${y.id}`]);
    expect(res.skipped).toEqual([expect.objectContaining({ organizationId: x.id, skip: 'username_taken' })]);
  });

  it('is the town admin\'s alone (403), and lists no other town\'s branches', async () => {
    const secretary = await createUser(town, 'branch_secretary', [withSecretary.id]);
    expect((await secretary.session.get('/api/users/bulk/secretaries')).statusCode).toBe(403);
    expect((await secretary.session.post('/api/users/bulk/secretaries', {})).statusCode).toBe(403);
    const other = await createTown(ctx);
    const items = (await other.admin.get('/api/users/bulk/secretaries')).json().items;
    expect(items).toEqual([]);
  });
});
