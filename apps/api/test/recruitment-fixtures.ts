import { expect } from 'vitest';
import { createTestContext, type Session, type TestContext } from './context.js';
import { createBranch, createMember, createTown, createUser, personOf, type Branch, type Town } from './factories.js';
import { idNumberCheckDigit } from '@dj/contracts';

/**
 * Shared set-up of the 发展党员 API tests, built with the test factories: a town of the file's own with a 党支部
 * (one 党小组, three full members not linked to an account: sponsors and mentors) and its secretary, and a second
 * 党支部 with its own secretary and one full member, for the refusals across branches. The town is the file's alone,
 * so boards, lists and counts are exactly what the file recorded.
 */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Res = Awaited<ReturnType<Session['get']>>;

export interface RecruitmentContext {
  ctx: TestContext;
  town: Town;
  /** The town admin: records the 上级党委 steps. Shown as `${TOWN}管理员`. */
  admin: Session;
  branch: Branch;
  /** The branch's secretary (branch_secretary scoped to `branch`). */
  secretary: Session;
  /** Another 党支部 of the town, with its secretary and one full member. */
  otherBranch: Branch;
  outsider: Session;
  outsiderMember: number;
  /** Two full members of `branch` in good standing, not linked to an account. */
  full: number[];
  /** A third full member of `branch`, never named by PATH. */
  third: number;
}
/** The town's name; its admin account is shown as `${TOWN}管理员`. */
export const TOWN = '发展测试镇';
let d: RecruitmentContext;

export async function openRecruitment(): Promise<RecruitmentContext> {
  const ctx = await createTestContext();
  const town = await createTown(ctx, TOWN);
  const branch = await createBranch(town, { name: '东岭村党支部', groups: 1 });
  const otherBranch = await createBranch(town, { name: '南坡村党支部' });
  const [a, b, third] = [await createMember(town, branch.id), await createMember(town, branch.id), await createMember(town, branch.id)];
  const outsiderMember = await createMember(town, otherBranch.id);
  const secretary = (await createUser(town, 'branch_secretary', [branch.id], { displayName: '东岭村党支部书记' })).session;
  const outsider = (await createUser(town, 'branch_secretary', [otherBranch.id])).session;
  d = { ctx, town, admin: town.admin, branch, secretary, otherBranch, outsider, outsiderMember, full: [a, b], third };
  // The same two, as the secretary sees them in the roster.
  const listed = ok(await secretary.get('/api/members?filter=all&pageSize=100')).items as Json[];
  for (const id of d.full) expect(listed.find((m) => m.id === id)).toMatchObject({ standing: 'full', membershipStatus: 'active' });
  return d;
}

/** A 党员 account (role member) linked to the given member, as the member signs in from their phone. */
export async function memberAccount(memberId: number): Promise<Session> {
  return (await createUser(d.town, 'member', [d.branch.id], { personId: await personOf(d.ctx, memberId) })).session;
}

/** A 包村干部 (supervisor) whose scope is the branch: reads, never records. */
export async function supervisorOf(branchId: number): Promise<Session> {
  return (await createUser(d.town, 'supervisor', [branchId])).session;
}

let seq = 100;
/** A valid ID number for the birth date and gender (GB 11643): 17th digit odd for men, even for women. */
export function idNumber(birthDate: string, gender: 'male' | 'female') {
  seq += 2;
  const body = `370402${birthDate.replaceAll('-', '')}${String(gender === 'male' ? seq + 1 : seq).padStart(3, '0')}`;
  return body + idNumberCheckDigit(body);
}
/** The body of POST /api/recruitments: an applicant of the branch (or `over.organizationId`). */
export const applicant = (name: string, over: Json = {}) => {
  const birthDate = over.birthDate ?? '1995-04-12';
  const gender = over.gender ?? 'male';
  return { name, gender, birthDate, idNumber: idNumber(birthDate, gender), organizationId: d.branch.id, appliedOn: '2019-03-04', ...over };
};
export const ok = (res: Res): Json => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
export const q = async (sql: string, params: unknown[] = []) => (await d.ctx.pool.query(sql, params)).rows;
export const recordCount = async (recruitmentId: number) => Number((await q('select count(*)::int as n from recruitment_steps where recruitment_id = $1', [recruitmentId]))[0].n);
export const eligibleNow = async () => Number((await q(`select count(*)::int as n from members where organization_id = $1 and standing = 'full' and membership_status = 'active' and on_roster`, [d.branch.id]))[0].n);
export const record = (s: Session, id: number, stepCode: string, occurredOn: string, details: Json = {}, extra: Json = {}) =>
  s.post(`/api/recruitments/${id}/records`, { stepCode, occurredOn, details, ...extra });

const TOWN_STEPS = new Set(['training', 'pre_review', 'committee_talk', 'admission_approval', 'admission_filing', 'confirmation_approval']);
const everyone = async () => { const n = await eligibleNow(); return { eligible: n, present: n, yes: n }; };
/** The way through the 细则 used here; meetings get the roster's count of voters when they are recorded. */
export const PATH: [string, string, (() => Promise<Json>) | Json][] = [
  ['talk', '2019-04-15', { talker: '张志强' }],
  ['activist', '2019-05-06', {}],
  ['activist_filing', '2019-05-10', {}],
  ['mentors', '2019-05-10', async () => ({ memberIds: [d.full[0]] })],
  ['activist_review', '2019-11-01', {}],
  ['candidate', '2020-05-06', {}],
  ['candidate_filing', '2020-05-10', {}],
  ['sponsors', '2020-05-12', async () => ({ memberIds: [d.full[0], d.full[1]] })],
  ['political_review', '2020-06-01', { conclusion: 'pass' }],
  ['training', '2020-06-10', { trainingDays: 3, certificateNo: 'XWZ-2020-08' }],
  ['committee_review', '2020-07-01', {}],
  ['pre_review', '2020-07-10', {}],
  ['admission_form', '2020-07-15', {}],
  ['admission_meeting', '2020-08-03', async () => ({ vote: await everyone() })],
  ['committee_talk', '2020-08-10', { talker: '镇党委组织委员' }],
  ['admission_approval', '2020-09-01', { approved: true }],
  ['admission_filing', '2020-09-05', {}],
  ['placement', '2020-09-06', async () => ({ groupId: d.branch.groupIds[0] })],
  ['oath', '2020-09-06', {}],
  ['probation_review', '2021-03-01', {}],
  ['confirmation_application', '2021-07-01', {}],
  ['confirmation_meeting', '2021-08-05', async () => ({ vote: await everyone(), decision: 'confirm' })],
  ['confirmation_approval', '2021-08-20', { approved: true }],
];
/** Records PATH from `from` to `to` (inclusive): branch steps as the secretary, 上级党委 steps as the town. */
export async function walk(id: number, from: string, to: string): Promise<Json> {
  const start = PATH.findIndex(([c]) => c === from);
  const end = PATH.findIndex(([c]) => c === to);
  let last: Json = {};
  for (const [code, on, details] of PATH.slice(start, end + 1)) {
    last = ok(await record(TOWN_STEPS.has(code) ? d.admin : d.secretary, id, code, on, typeof details === 'function' ? await details() : details));
  }
  return last;
}

/**
 * A recruitment of the branch registered by its secretary and recorded along PATH up to `step` (inclusive;
 * only the application when omitted): the recruitment as its last step answered.
 */
export async function createRecruitment(name: string, step?: string, over: Json = {}): Promise<Json> {
  const created = ok(await d.secretary.post('/api/recruitments', applicant(name, over)));
  return step ? walk(created.id, 'talk', step) : created;
}

/** A multipart body with one file, as a browser sends it. */
export function multipart(file: Buffer, name: string) {
  const boundary = `----recruitment${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Attaches a scan to a step record through the upload route, as the secretary; the recruitment it answers. */
export async function attachFile(recruitmentId: number, recordId: number, file: Buffer, name: string): Promise<Json> {
  const body = multipart(file, name);
  return ok(await d.secretary.request('POST', `/api/recruitments/${recruitmentId}/records/${recordId}/files`, body.payload, { 'content-type': body.contentType }));
}
