import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { addDays, idNumberCheckDigit, monthFromIndex, monthIndex, todayInShanghai, type Role } from '@dj/contracts';
import { insertSession, requirePasswordChange } from '../src/modules/auth/repository.js';
import { hashPassword } from '../src/modules/auth/service.js';
import { insertOutbox } from '../src/modules/notifications/repository.js';
import { attachTownToDistrict, createAccount, createTenant } from '../src/modules/organizations/tenants.js';
import { csrfTokenOf, hashToken } from '../src/plugins/auth.js';
import { DEMO_PASSWORD, Session, testCipher, type TestContext } from './context.js';

/**
 * Test factories: a town of the test's own, built through the product's own code (the tenant and account writer
 * of `npm run tenant:create`, the organisation and member routes), so a test names what it needs instead of
 * leaning on the demo town's names and numbers. Accounts get a session written straight into the sessions table
 * (the same row sign-in writes), so a file does not pay an argon2 verification per account; the password still
 * works for sign-in and step-up (DEMO_PASSWORD).
 */

let serial = 0;
const next = () => ++serial;

/** One argon2 hash per test process: every factory account shares the password. */
let passwordHash: Promise<string> | undefined;
const sharedHash = () => (passwordHash ??= hashPassword(DEMO_PASSWORD));

export interface Town {
  ctx: TestContext;
  tenantId: number;
  /** The town's division code (a district names its towns by it). */
  code: string;
  /** The town's 党委, root of its tree. */
  committeeId: number;
  /** A 行政村 branches may be placed in (the first of `villages`). */
  villageId: number;
  villageCode: string;
  /** Every 行政村 of the town, in order; `createTown(ctx, { villages: n })` makes n of them. */
  villages: { id: number; code: string; name: string }[];
  adminId: number;
  admin: Session;
}

/** A town with its 党委, one 行政村 (or `villages` of them) and a signed-in town admin. */
export async function createTown(ctx: TestContext, options: string | { name?: string; villages?: number } = {}): Promise<Town> {
  const { name = `测试${next()}镇`, villages: count = 1 } = typeof options === 'string' ? { name: options } : options;
  const code = `9900${String(next()).padStart(5, '0')}`;
  const villages = Array.from({ length: count }, (_, i) => ({ code: `${code}${201 + i}`, name: `${name}${i + 1}村` }));
  const hash = await sharedHash();
  const made = await ctx.db.transaction(async (tx) => createTenant(tx, {
    code, name, committeeName: `${name}党委`, admin: { username: `admin_${code}`, passwordHash: hash }, villages,
  }));
  const admin = await sessionFor(ctx, made.adminId);
  return {
    ctx, tenantId: made.tenantId, code, committeeId: made.committeeId, villageId: made.villageIds[0], villageCode: villages[0].code,
    villages: villages.map((v, i) => ({ ...v, id: made.villageIds[i] })), adminId: made.adminId, admin,
  };
}

export interface District { tenantId: number; code: string; viewerId: number; viewer: Session }

/**
 * A district (区级, issue 17 point 5) with its first 区委组织部 account signed in, holding the given towns: built with the
 * command line's own service functions (createTenant with kind 'district', attachTownToDistrict).
 */
export async function createDistrict(ctx: TestContext, towns: Town[] = []): Promise<District> {
  const code = `98${String(next()).padStart(4, '0')}`;
  const made = await ctx.db.transaction(async (tx) => createTenant(tx, {
    kind: 'district', code, name: `测试${code}区`, committeeName: `测试${code}区委组织部`, admin: { username: `quwei_${code}`, passwordHash: await sharedHash() },
  }));
  for (const town of towns) await ctx.db.transaction((tx) => attachTownToDistrict(tx, town.code, code));
  return { tenantId: made.tenantId, code, viewerId: made.adminId, viewer: await sessionFor(ctx, made.adminId) };
}

/** A session for an existing account, as sign-in would open it. */
export async function sessionFor(ctx: TestContext, userId: number): Promise<Session> {
  const token = randomBytes(32).toString('base64url');
  await insertSession(ctx.db, { id: hashToken(token), userId, ip: '127.0.0.1' });
  return new Session(ctx.app, `sid=${token}`, csrfTokenOf(token));
}

export interface Account { userId: number; username: string; session: Session }

/**
 * An account with one role granted at each of the given organisations, signed in. `ownPasswordHash` hashes the password
 * afresh (its own salt) instead of sharing the process's hash, for a test that looks at the stored hashes;
 * `mustChangePassword` marks its password as a one-time one (set by an administrator), to be changed before anything else.
 */
export async function createUser(
  town: Town, role: Role, organizationIds: number[],
  options: { personId?: number; displayName?: string; ownPasswordHash?: boolean; mustChangePassword?: boolean } = {},
): Promise<Account> {
  return createUserWithGrants(town, organizationIds.map((organizationId) => ({ role, organizationId })), { ...options, label: role });
}

/** An account holding these role grants (a secretary of one village who supervises another holds two), signed in. */
export async function createUserWithGrants(
  town: Town, grants: { role: Role; organizationId: number }[],
  options: { personId?: number; displayName?: string; ownPasswordHash?: boolean; mustChangePassword?: boolean; label?: string } = {},
): Promise<Account> {
  const username = `u${next()}_${options.label ?? 'grants'}`;
  const userId = await createAccount(town.ctx.db, {
    tenantId: town.tenantId, username, displayName: options.displayName ?? `测试账号${username}`,
    passwordHash: options.ownPasswordHash ? await hashPassword(DEMO_PASSWORD) : await sharedHash(),
    grants, personId: options.personId ?? null,
  });
  if (options.mustChangePassword) await requirePasswordChange(town.ctx.db, userId);
  return { userId, username, session: await sessionFor(town.ctx, userId) };
}

export interface Branch { id: number; name: string; groupIds: number[] }

async function created(res: Awaited<ReturnType<Session['post']>>): Promise<{ id: number }> {
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/**
 * A village 党支部 under the town's 党委 (or another parent), with party groups when asked, through the API. It belongs
 * to the town's first 行政村 unless `villageId` names another, or to none with `village: false`.
 */
export async function createBranch(town: Town, options: { name?: string; parentId?: number; groups?: number; village?: boolean; villageId?: number } = {}): Promise<Branch> {
  const name = options.name ?? `测试${next()}党支部`;
  const villageId = options.village === false ? null : options.villageId ?? town.villageId;
  const branch = await created(await town.admin.post('/api/organizations', {
    parentId: options.parentId ?? town.committeeId, name, kind: 'branch', villageId, sector: villageId ? 'village' : undefined,
  }));
  const groupIds: number[] = [];
  for (let g = 1; g <= (options.groups ?? 0); g++) {
    groupIds.push((await created(await town.admin.post('/api/organizations', { parentId: branch.id, name: `第${g}党小组`, kind: 'group' }))).id);
  }
  return { id: branch.id, name, groupIds };
}

/** A valid 18-digit ID number (GB 11643) for the birth date; unique within the test process. */
export function testIdNumber(birthDate = '1980-01-01', gender: 'male' | 'female' = 'male'): string {
  const n = next();
  const seq = (n % 500) * 2 + (gender === 'male' ? 1 : 0);
  const body = `99${String(Math.floor(n / 500)).padStart(4, '0')}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + idNumberCheckDigit(body);
}

export interface MemberOptions {
  name?: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  joinedAt?: string;
  /** Omit for a 预备党员. */
  confirmedAt?: string | null;
  groupId?: number | null;
  [field: string]: unknown;
}

/** Registers a member through POST /api/members as the town admin; full (转正) unless confirmedAt is null. */
export async function createMember(town: Town, branchId: number, options: MemberOptions = {}): Promise<number> {
  const { gender = 'male', birthDate = '1980-01-01', ...rest } = options;
  const body = {
    name: `党员${next()}`, gender, birthDate, idNumber: testIdNumber(birthDate, gender), joinedAt: '2005-07-01', confirmedAt: '2006-07-01',
    organizationId: branchId, ...rest,
  };
  return (await created(await town.admin.post('/api/members', body))).id;
}

/** The person behind a member, for an account that signs in as them. */
export async function personOf(ctx: TestContext, memberId: number): Promise<number> {
  const { rows: [row] } = await ctx.pool.query<{ person_id: number }>('select person_id from members where id = $1', [memberId]);
  return row.person_id;
}

/** Several members at once: `full` 正式党员 then `probationary` 预备党员 (joined a month ago). */
export async function createMembers(town: Town, branchId: number, counts: { full?: number; probationary?: number }, options: MemberOptions = {}): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < (counts.full ?? 0); i++) ids.push(await createMember(town, branchId, options));
  const joinedAt = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < (counts.probationary ?? 0); i++) ids.push(await createMember(town, branchId, { ...options, joinedAt, confirmedAt: null }));
  return ids;
}

/** A 党员 of the branch with an account of the member role, as a member signs in from their phone. */
export async function createMemberAccount(town: Town, branchId: number, options: MemberOptions = {}): Promise<Account & { memberId: number }> {
  const memberId = await createMember(town, branchId, options);
  const account = await createUser(town, 'member', [branchId], { personId: await personOf(town.ctx, memberId) });
  return { ...account, memberId };
}

/**
 * A 督导干部 (supervisor role) who sees the branches and is assigned to supervise them (PUT
 * /api/supervision/assignments, which names every supervisor of a branch: earlier ones are replaced).
 */
export async function createSupervisor(town: Town, branchIds: number[], displayName?: string): Promise<Account> {
  const account = await createUser(town, 'supervisor', branchIds, { displayName });
  for (const organizationId of branchIds) {
    const res = await town.admin.request('PUT', '/api/supervision/assignments', { organizationId, userIds: [account.userId] });
    expect(res.statusCode, res.body).toBe(200);
  }
  return account;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A 组织生活 record through POST /api/activities (a 主题党日 last month unless the body says otherwise); the detail it answers. */
export async function createActivity(session: Session, branchId: number, body: Record<string, unknown> = {}): Promise<Json> {
  const lastMonth = monthFromIndex(monthIndex(todayInShanghai().slice(0, 7)) - 1);
  const res = await session.post('/api/activities', {
    organizationId: branchId, kind: 'theme_day', heldOn: `${lastMonth}-21`, place: '村党群服务中心', topic: `测试主题党日${next()}`, ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A 联督联查 team with the three departments a round requires. */
export const INSPECTION_TEAM = [{ name: '李敏', department: 'discipline' }, { name: '王芳', department: 'organization_dept' }, { name: '赵强', department: 'civil_affairs' }];

/** A 联督联查 round visiting the branches, through POST /api/inspections (from today, ten days); the round's detail. */
export async function createInspectionRound(town: Town, organizationIds: number[], body: Record<string, unknown> = {}): Promise<Json> {
  const today = todayInShanghai();
  const res = await town.admin.post('/api/inspections', {
    title: `测试联督联查${next()}`, startsOn: today, endsOn: addDays(today, 10), team: INSPECTION_TEAM, organizationIds, ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A finding recorded by an inspector at one village of a round, which opens its rectification. */
export async function recordFinding(inspector: Session, roundId: number, organizationId: number, itemKey: string, body: Record<string, unknown> = {}) {
  const res = await inspector.post(`/api/inspections/${roundId}/results`, {
    organizationId, itemKey, outcome: 'finding', note: '会议室杂物堆放', ownerName: '张志强', requiredEvidence: '整理后照片', ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  const result = (res.json().villages as Json[]).find((v) => v.organizationId === organizationId)!.results.find((r: Json) => r.itemKey === itemKey);
  return { resultId: result.id as number, rectificationId: result.rectificationId as number };
}

/** An SMS waiting in the outbox for a phone, sealed with the test key like every queued recipient. */
export async function queueSms(town: Town, phone: string): Promise<void> {
  await insertOutbox(town.ctx.db, {
    tenantId: town.tenantId, channel: 'sms', recipientCipher: testCipher().encrypt(phone), recipientMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    body: '测试短信', dedupeKey: `test:sms:${next()}`,
  });
}

/** The code an authenticator app shows for this secret `steps` periods from now (RFC 6238 through the same library). */
export function totpCode(secret: string, steps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), timestamp: Date.now() + steps * 30_000 });
}

/** Turns on a second factor for the session's user through the routes (scan, first code); the secret and recovery codes. */
export async function enrolSecondFactor(session: Session): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await session.post('/api/two-factor/enrolment');
  expect(started.statusCode, started.body).toBe(200);
  const secret: string = started.json().secret;
  const confirmed = await session.post('/api/two-factor/enrolment/confirm', { code: totpCode(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes };
}

/** A right password where a second step is owed: the pending sign-in's cookie and CSRF token, and the step asked for. */
export interface PendingSignIn { cookie: string; csrfToken: string; step: 'verify' | 'enrol'; post(path: string, body?: unknown): Promise<LightMyRequestResponse> }

export async function pendingSignIn(ctx: TestContext, username: string): Promise<PendingSignIn> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const { step, csrfToken } = res.json().secondFactor;
  const cookie = `sid_2fa=${res.cookies.find((c) => c.name === 'sid_2fa')?.value}`;
  return {
    cookie, csrfToken, step,
    post: (path, body = {}) => ctx.app.inject({
      method: 'POST', url: `/api/two-factor/sign-in${path}`, payload: body as object, headers: { cookie, 'x-csrf-token': csrfToken },
    }),
  };
}

/** The session a finished second step opened (its sid cookie and the CSRF token of its Me). */
export function sessionOf(ctx: TestContext, res: LightMyRequestResponse, csrfToken: string): Session {
  return new Session(ctx.app, `sid=${res.cookies.find((c) => c.name === 'sid')?.value}`, csrfToken);
}

/** A multipart/form-data body as a browser sends it: text fields, then one file in the field `file`. */
export function multipartBody(file: { data: Buffer; name: string } | null, fields: Record<string, string> = {}) {
  const boundary = `----upload${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** POSTs one file (and text fields) as multipart to `url` for the session. */
export function postFile(session: Session, url: string, file: { data: Buffer; name: string }, fields: Record<string, string> = {}) {
  const body = multipartBody(file, fields);
  return session.request('POST', url, body.payload, body.headers);
}

/** Records a 村干部 change through POST /api/cadres/villages/:orgId/changes as the town admin (选举 unless `kind` says otherwise). */
export async function recordCadreChange(town: Town, branchId: number, body: Record<string, unknown>): Promise<Json> {
  const res = await town.admin.post(`/api/cadres/villages/${branchId}/changes`, { kind: 'election', occurredOn: '2021-01-15', reason: '村"两委"换届选举', ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A 培训/学习 session through POST /api/education/sessions (a branch study of 2 学时 unless the body says otherwise). */
export async function createTrainingSession(session: Session, organizationId: number, body: Record<string, unknown> = {}): Promise<Json> {
  const res = await session.post('/api/education/sessions', {
    organizationId, kind: 'branch_study', title: `测试学习${next()}`, startsOn: '2025-03-28', endsOn: '2025-03-28', hours: 2, venue: '村党群服务中心', ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The attendance of a session (PUT …/attendees); the detail it answers. */
export async function setTrainingAttendance(session: Session, sessionId: number, attendees: Record<string, unknown>[]): Promise<Json> {
  const res = await session.request('PUT', `/api/education/sessions/${sessionId}/attendees`, { attendees });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
