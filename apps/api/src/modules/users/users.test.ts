import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import {
  createBranch, createMember, createTown, createUser, testIdNumber, type Branch, type Town,
} from '../../../test/factories.js';
import { pdfText } from '../../../test/documents.js';
import { LAST_ADMIN } from './service.js';

/** 账号管理 (issue 12 point 1): a town admin makes accounts, grants roles at organisations, disables, resets, ends sessions. */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  a = await createBranch(town);
  b = await createBranch(town);
});
afterAll(() => ctx?.close());

let n = 0;
const username = () => `zhang.san${++n}`;
const login = (name: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name, password } });

async function memberAccount(branchId: number, role: 'branch_secretary' | 'member' = 'branch_secretary') {
  const memberId = await createMember(town, branchId);
  const res = await town.admin.post('/api/users', {
    username: username(), displayName: '张三', person: { kind: 'member', memberId }, grants: [{ role, organizationId: branchId }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('creating an account', () => {
  it('for a roster member: a one-time password that signs in and must be changed, audited without it', async () => {
    const made = await memberAccount(a.id);
    expect(made.user.grants).toEqual([{ role: 'branch_secretary', organizationId: a.id, organizationName: a.name }]);
    expect(made.user.mustChangePassword).toBe(true);
    expect(made.user.person.branchName).toBe(a.name);
    expect(made.credential.organizationName).toBe(a.name);
    const res = await login(made.user.username, made.credential.oneTimePassword);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().passwordChange).toBe('one_time');
    const { rows } = await ctx.pool.query(`select detail::text from audit_events where action = 'users.create' and object_id = $1`, [String(made.user.id)]);
    expect(rows).toHaveLength(1);
    expect(rows[0].detail).not.toContain(made.credential.oneTimePassword);
  });

  it('for someone not on the roster, from name and 身份证号; the same number is the same person', async () => {
    const idNumber = testIdNumber('1975-03-04', 'female');
    const res = await town.admin.post('/api/users', {
      username: username(), displayName: '李纪检', person: { kind: 'other', name: '李纪检', idNumber }, grants: [{ role: 'inspector', organizationId: town.committeeId }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { rows: [p] } = await ctx.pool.query('select id_number_masked, id_number_enc, gender, birth_date::text from persons where id = $1', [res.json().user.person.id]);
    expect(p).toMatchObject({ gender: 'female', birth_date: '1975-03-04' });
    expect(p.id_number_enc).not.toContain(idNumber);
    // A member entered later with the same number is the same person, and already has an account.
    const again = await town.admin.post('/api/users', {
      username: username(), displayName: '李纪检', person: { kind: 'other', name: '李纪检', idNumber }, grants: [{ role: 'inspector', organizationId: town.committeeId }],
    });
    expect(again.statusCode, again.body).toBe(409);
    const bad = await town.admin.post('/api/users', {
      username: username(), displayName: '错号', person: { kind: 'other', name: '错号', idNumber: '370402198001010010' }, grants: [{ role: 'inspector', organizationId: town.committeeId }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('身份证号');
  });

  it('refuses a taken user name (409 naming 用户名) and a role at the wrong kind of organisation (400)', async () => {
    const made = await memberAccount(a.id);
    const memberId = await createMember(town, a.id);
    const body = (role: string, organizationId: number, name = username()) => ({ username: name, displayName: '王五', person: { kind: 'member', memberId }, grants: [{ role, organizationId }] });
    const taken = await town.admin.post('/api/users', body('member', a.id, made.user.username));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain('用户名');
    const secretaryAtTown = await town.admin.post('/api/users', body('branch_secretary', town.committeeId));
    expect(secretaryAtTown.statusCode).toBe(400);
    expect(secretaryAtTown.json().message).toContain('党支部');
    const adminAtBranch = await town.admin.post('/api/users', body('town_admin', a.id));
    expect(adminAtBranch.statusCode).toBe(400);
    expect(adminAtBranch.json().message).toContain('镇党委');
  });

  it('is the town admin\'s alone, and another town\'s users do not exist', async () => {
    const secretary = await createUser(town, 'branch_secretary', [a.id]);
    expect((await secretary.session.get('/api/users')).statusCode).toBe(403);
    const other = await createTown(ctx);
    const list = (await other.admin.get('/api/users')).json().items.map((u: { id: number }) => u.id);
    expect(list).toEqual([other.adminId]);
    expect((await other.admin.get(`/api/users/${secretary.userId}`)).statusCode).toBe(404);
    expect((await other.admin.post(`/api/users/${secretary.userId}/disable`)).statusCode).toBe(404);
  });
});

describe('changing an account', () => {
  it('a grant change takes effect on the very next request of an existing session', async () => {
    const secretary = await createUser(town, 'branch_secretary', [a.id]);
    expect((await secretary.session.get(`/api/organizations/${a.id}`)).statusCode).toBe(200);
    const res = await town.admin.patch(`/api/users/${secretary.userId}`, { grants: [{ role: 'branch_secretary', organizationId: b.id }] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await secretary.session.get(`/api/organizations/${a.id}`)).statusCode).toBe(404);
    expect((await secretary.session.get(`/api/organizations/${b.id}`)).statusCode).toBe(200);
  });

  it('keeps the last active town admin: not disabled, not stripped of the role (409)', async () => {
    const own = await createTown(ctx);
    const strip = await own.admin.patch(`/api/users/${own.adminId}`, { grants: [{ role: 'inspector', organizationId: own.committeeId }] });
    expect(strip.statusCode).toBe(409);
    expect(strip.json().message).toBe(LAST_ADMIN);
    const second = await createUser(own, 'town_admin', [own.committeeId]);
    expect((await second.session.post(`/api/users/${own.adminId}/disable`)).statusCode).toBe(200);
    // Now the second is the last active one.
    const self = await second.session.patch(`/api/users/${second.userId}`, { grants: [{ role: 'inspector', organizationId: own.committeeId }] });
    expect(self.statusCode).toBe(409);
  });

  it('disabling ends every session; enabling lets the account in again', async () => {
    const secretary = await createUser(town, 'branch_secretary', [a.id]);
    const disabled = await town.admin.post(`/api/users/${secretary.userId}/disable`);
    expect(disabled.json().disabled).toBe(true);
    expect((await secretary.session.get('/api/auth/me')).statusCode).toBe(401);
    const listed = (await town.admin.get('/api/users?status=disabled')).json().items.map((u: { id: number }) => u.id);
    expect(listed).toContain(secretary.userId);
    expect((await town.admin.post(`/api/users/${secretary.userId}/enable`)).json().disabled).toBe(false);
    expect((await ctx.signIn(secretary.username)).csrfToken).toBeTruthy();
  });

  it('a password reset shows a one-time password once and ends the sessions', async () => {
    const secretary = await createUser(town, 'branch_secretary', [a.id]);
    const res = await town.admin.post(`/api/users/${secretary.userId}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    const { credential } = res.json();
    expect(credential).toMatchObject({ userId: secretary.userId, username: secretary.username, organizationName: a.name });
    expect((await secretary.session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(secretary.username, credential.oneTimePassword)).json().passwordChange).toBe('one_time');
    const { rows } = await ctx.pool.query(`select action from audit_events where object_id = $1 and action like 'users.%'`, [String(secretary.userId)]);
    expect(rows.map((r) => r.action)).toEqual(['users.reset_password']);
  });

  it('lists and ends another user\'s sessions, and lifts their locks', async () => {
    const secretary = await createUser(town, 'branch_secretary', [a.id]);
    const sessions = (await town.admin.get(`/api/users/${secretary.userId}/sessions`)).json().items;
    expect(sessions).toHaveLength(1);
    expect(sessions[0].current).toBe(false);
    expect((await town.admin.request('DELETE', `/api/users/${secretary.userId}/sessions/${sessions[0].id}`)).statusCode).toBe(200);
    expect((await secretary.session.get('/api/auth/me')).statusCode).toBe(401);
    await ctx.pool.query(`update users set locked_until = now() + interval '10 minutes' where id = $1`, [secretary.userId]);
    expect((await town.admin.get(`/api/users/${secretary.userId}`)).json().locked).toBe(true);
    expect((await town.admin.post(`/api/users/${secretary.userId}/unlock`)).json().locked).toBe(false);
  });
});

describe('the hand-out sheet (issue 12 point 4)', () => {
  it('prints each user name and one-time password on a PDF, audited without the passwords; another town\'s user is 404', async () => {
    const made = [await memberAccount(a.id), await memberAccount(b.id)];
    const res = await town.admin.post('/api/users/credential-sheet', { credentials: made.map((m) => m.credential) });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = pdfText(res);
    for (const m of made) {
      expect(text).toContain(m.user.username);
      expect(text).toContain(m.credential.oneTimePassword);
    }
    const { rows } = await ctx.pool.query(`select detail::text from audit_events where action = 'users.credential_sheet' order by id desc limit 1`);
    for (const m of made) expect(rows[0].detail).not.toContain(m.credential.oneTimePassword);
    const other = await createTown(ctx);
    expect((await other.admin.post('/api/users/credential-sheet', { credentials: [made[0].credential] })).statusCode).toBe(404);
  });
});
