import { expect } from 'vitest';
import { createTestContext, orgIds, type Session, type TestContext } from './context.js';
import { idNumberCheckDigit } from '../src/lib/id-number.js';

/**
 * Shared set-up of the 发展党员 API tests: the demo accounts, two full members of 营子村 (sponsors, mentors),
 * valid ID numbers and a walk through the 细则's steps. Every date is at least two years back, so the demo
 * town's own recruitments of the current year do not meet these ones.
 */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Res = Awaited<ReturnType<Session['get']>>;

export interface RecruitmentContext {
  ctx: TestContext;
  admin: Session;
  yingzi: Session;
  xihuagou: Session;
  ids: Record<string, number>;
  /** Two full members of 营子村 in good standing, not linked to an account. */
  full: number[];
}
let d: RecruitmentContext;

export async function openRecruitment(): Promise<RecruitmentContext> {
  const ctx = await createTestContext();
  const [admin, yingzi, xihuagou] = [await ctx.signIn('admin'), await ctx.signIn('yingzi'), await ctx.signIn('xihuagou')];
  const ids = await orgIds(ctx.pool);
  const { rows } = await ctx.pool.query<{ id: number }>(`select m.id from members m left join users u on u.person_id = m.person_id
    where m.organization_id = $1 and m.standing = 'full' and m.membership_status = 'active' and m.on_roster and u.id is null order by m.id limit 2`, [ids['营子村党支部']]);
  const full = rows.map((r) => Number(r.id));
  d = { ctx, admin, yingzi, xihuagou, ids, full };
  // The same two, as the secretary sees them in the roster.
  const listed = ok(await yingzi.get('/api/members?filter=all&pageSize=100')).items as Json[];
  for (const id of full) expect(listed.find((m) => m.id === id)).toMatchObject({ standing: 'full', membershipStatus: 'active' });
  return d;
}

let seq = 100;
/** A valid ID number for the birth date and gender (GB 11643): 17th digit odd for men, even for women. */
export function idNumber(birthDate: string, gender: 'male' | 'female') {
  seq += 2;
  const body = `370402${birthDate.replaceAll('-', '')}${String(gender === 'male' ? seq + 1 : seq).padStart(3, '0')}`;
  return body + idNumberCheckDigit(body);
}
export const applicant = (name: string, over: Json = {}) => {
  const birthDate = over.birthDate ?? '1995-04-12';
  const gender = over.gender ?? 'male';
  return { name, gender, birthDate, idNumber: idNumber(birthDate, gender), organizationId: d.ids['营子村党支部'], appliedOn: '2019-03-04', ...over };
};
export const ok = (res: Res): Json => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
export const q = async (sql: string, params: unknown[] = []) => (await d.ctx.pool.query(sql, params)).rows;
export const recordCount = async (recruitmentId: number) => Number((await q('select count(*)::int as n from recruitment_steps where recruitment_id = $1', [recruitmentId]))[0].n);
export const eligibleNow = async () => Number((await q(`select count(*)::int as n from members where organization_id = $1 and standing = 'full' and membership_status = 'active' and on_roster`, [d.ids['营子村党支部']]))[0].n);
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
  ['placement', '2020-09-06', async () => ({ groupId: d.ids['营子村党支部/第一党小组'] })],
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
    last = ok(await record(TOWN_STEPS.has(code) ? d.admin : d.yingzi, id, code, on, typeof details === 'function' ? await details() : details));
  }
  return last;
}
