import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgIds, type Session, type TestContext } from './context.js';

/**
 * The cross-scope matrix (security checklist A.1/A.4): every route × every role, called with ids of
 * records outside the caller's scope (another village, another tenant), must answer 404 and leak
 * nothing. A route missing from MATRIX fails the build: add it here in the same commit.
 */
interface Probe { url: string; body?: unknown }
/** Ids of one record of each kind: outside the caller's scope (foreign) or inside it (own). */
interface Ids {
  org: number; member: number; activity: number; notification: number;
  /** A 发展党员 recruitment, and a step record, mentor relation, 公示 and attached file of it. */
  recruitment: number; record: number; relation: number; notice: number; file: number;
}
interface Case {
  /** Requests that name a record outside the caller's scope (path, query and nested body ids). */
  foreign?: (f: Ids, own: Ids) => Probe[];
  /** List routes: every returned record must lie inside the caller's scope. */
  list?: string;
}

const MATRIX: Record<string, Case> = {
  'GET /api/auth/me': {},
  'POST /api/auth/logout': {},
  'GET /api/villages': {},
  'GET /api/organizations': {
    list: '/api/organizations?range=subtree&includeClosed=true',
    foreign: (f) => [{ url: `/api/organizations?rootId=${f.org}&range=self` }, { url: `/api/organizations?rootId=${f.org}&range=subtree` }],
  },
  'GET /api/organizations/:id': { foreign: (f) => [{ url: `/api/organizations/${f.org}` }] },
  'GET /api/organizations/:id/history': { foreign: (f) => [{ url: `/api/organizations/${f.org}/history` }] },
  'POST /api/organizations': { foreign: (f) => [{ url: '/api/organizations', body: { parentId: f.org, name: '越权党小组', kind: 'group' } }] },
  'PATCH /api/organizations/:id': {
    foreign: (f, own) => [
      { url: `/api/organizations/${f.org}`, body: { name: '越权改名' } },
      { url: `/api/organizations/${own.org}`, body: { parentId: f.org } },
    ],
  },
  'POST /api/organizations/:id/close': { foreign: (f) => [{ url: `/api/organizations/${f.org}/close`, body: { reason: '越权撤销' } }] },
  'GET /api/members': {
    list: '/api/members?range=subtree&pageSize=100&filter=all',
    foreign: (f) => [{ url: `/api/members?orgId=${f.org}&range=subtree` }],
  },
  'POST /api/members': {
    foreign: (f) => [{ url: '/api/members', body: { ...NEW_MEMBER, organizationId: f.org } }],
  },
  'GET /api/members/import-template': {},
  'GET /api/members/completeness': { foreign: (f) => [{ url: `/api/members/completeness?orgId=${f.org}` }] },
  'GET /api/settings': {},
  'GET /api/dues': { foreign: (f) => [{ url: `/api/dues?orgId=${f.org}` }] },
  'GET /api/members/:id/dues': { foreign: (f) => [{ url: `/api/members/${f.member}/dues` }] },
  'PUT /api/members/:id/dues/basis': { foreign: (f) => [{ url: `/api/members/${f.member}/dues/basis`, body: { effectiveFrom: '2026-01', category: 'farmer' } }] },
  'POST /api/members/:id/dues/payments': { foreign: (f) => [{ url: `/api/members/${f.member}/dues/payments`, body: { months: ['2026-10'], paidOn: '2026-10-05' } }] },
  'GET /api/tasks': { foreign: (f) => [{ url: `/api/tasks?orgId=${f.org}` }] },
  'GET /api/members/:id/mobility': { foreign: (f) => [{ url: `/api/members/${f.member}/mobility` }] },
  'POST /api/members/:id/flows': { foreign: (f) => [{ url: `/api/members/${f.member}/flows`, body: { direction: 'outflow', startedOn: '2026-01-01', destination: '越权登记地' } }] },
  'POST /api/members/:id/flows/:flowId/contacts': { foreign: (f) => [{ url: `/api/members/${f.member}/flows/1/contacts`, body: { contactedOn: '2026-02-01', method: 'phone' } }] },
  'POST /api/members/:id/flows/:flowId/end': { foreign: (f) => [{ url: `/api/members/${f.member}/flows/1/end`, body: { endedOn: '2026-02-01' } }] },
  'POST /api/members/:id/letters': { foreign: (f) => [{ url: `/api/members/${f.member}/letters`, body: { letterNo: 'X-1', destination: '越权去向', issuedOn: '2026-02-01' } }] },
  'POST /api/members/:id/letters/:letterId/receipt': { foreign: (f) => [{ url: `/api/members/${f.member}/letters/1/receipt`, body: { receiptReturnedOn: '2026-02-01' } }] },
  'PATCH /api/settings/:key': {},
  'GET /api/activities': { foreign: (f) => [{ url: `/api/activities?orgId=${f.org}` }] },
  'POST /api/activities': {
    foreign: (f) => [{ url: '/api/activities', body: { organizationId: f.org, kind: 'theme_day', heldOn: '2026-01-05', place: '越权地点', topic: '越权记录' } }],
  },
  'GET /api/activities/expected': { foreign: (f) => [{ url: `/api/activities/expected?orgId=${f.org}&kind=theme_day&heldOn=2026-01-28` }] },
  'GET /api/activities/:id': { foreign: (f) => [{ url: `/api/activities/${f.activity}` }] },
  'PATCH /api/activities/:id': { foreign: (f) => [{ url: `/api/activities/${f.activity}`, body: { topic: '越权修改' } }] },
  'PUT /api/activities/:id/attendance': {
    foreign: (f, own) => [
      { url: `/api/activities/${f.activity}/attendance`, body: { records: [] } },
      { url: `/api/activities/${own.activity}/attendance`, body: { records: [{ memberId: f.member, state: 'present' }] } },
    ],
  },
  'POST /api/activities/:id/files': { foreign: (f) => [{ url: `/api/activities/${f.activity}/files?category=plan`, body: {} }] },
  'GET /api/activities/:id/files/:fileId': { foreign: (f) => [{ url: `/api/activities/${f.activity}/files/1` }, { url: `/api/activities/${f.activity}/files/1?thumb=1` }] },
  'DELETE /api/activities/:id/files/:fileId': { foreign: (f) => [{ url: `/api/activities/${f.activity}/files/1` }] },
  'POST /api/activities/:id/checks': { foreign: (f) => [{ url: `/api/activities/${f.activity}/checks`, body: { templateId: 1, itemKey: 'fix_time', done: true } }] },
  'PUT /api/activities/:id/dengta-upload': {
    foreign: (f) => [{ url: `/api/activities/${f.activity}/dengta-upload`, body: { uploadedOn: '2026-02-01', uploadedBy: '越权', reference: 'X' } }],
  },
  'PUT /api/activities/:id/supervisor': { foreign: (f) => [{ url: `/api/activities/${f.activity}/supervisor`, body: { userId: null } }] },
  'POST /api/activities/:id/reviews': { foreign: (f) => [{ url: `/api/activities/${f.activity}/reviews`, body: { action: 'comment', text: '越权留言' } }] },
  'POST /api/activities/:id/responses': { foreign: (f) => [{ url: `/api/activities/${f.activity}/responses`, body: { response: 'confirm' } }] },
  'POST /api/activities/:id/votes': { foreign: (f) => [{ url: `/api/activities/${f.activity}/votes`, body: { subject: '越权表决', inFavour: 0, against: 0, abstain: 0 } }] },
  'GET /api/activities/:id/documents/:doc': {
    foreign: (f) => ['minutes.pdf', 'signin.docx', 'dengta.zip'].map((doc) => ({ url: `/api/activities/${f.activity}/documents/${doc}` })),
  },
  'GET /api/ledger': { foreign: (f) => [{ url: `/api/ledger?orgId=${f.org}&period=2026&format=docx` }, { url: `/api/ledger?orgId=${f.org}&period=2026-01` }] },
  'PUT /api/activities/:id/appraisal': { foreign: (f) => [{ url: `/api/activities/${f.activity}/appraisal`, body: { grades: [] } }] },
  'GET /api/my/activities': {},
  'GET /api/checklist-templates': {},
  'POST /api/checklist-templates': {},
  // Templates belong to a town: the neighbouring town's must look like one that does not exist.
  'PUT /api/checklist-templates/:id': {
    foreign: (f) => [{ url: `/api/checklist-templates/${f === NONEXISTENT ? 99_999_999 : neighbourTemplateId}`, body: { name: '越权模板', kinds: ['theme_day'], items: [{ key: 'x', label: '越权', satisfiedBy: 'confirm' }] } }],
  },
  'GET /api/supervision/assignments': {},
  'PUT /api/supervision/assignments': { foreign: (f) => [{ url: '/api/supervision/assignments', body: { organizationId: f.org, userIds: [] } }] },
  'GET /api/supervision/queue': {},
  'GET /api/compliance': { foreign: (f) => [{ url: `/api/compliance?orgId=${f.org}` }] },
  // A notification belongs to one user: someone else's answers like a nonexistent id.
  'GET /api/notifications': {},
  'POST /api/notifications/:id/read': { foreign: (f) => [{ url: `/api/notifications/${f.notification}/read` }] },
  'POST /api/notifications/read-all': {},
  'GET /api/outbox': {},
  'POST /api/members/import': { foreign: (f) => [{ url: `/api/members/import?orgId=${f.org}&dryRun=true`, body: {} }] },
  'GET /api/members/export': { foreign: (f) => [{ url: `/api/members/export?orgId=${f.org}` }] },
  'GET /api/members/:id': { foreign: (f) => [{ url: `/api/members/${f.member}` }] },
  'PATCH /api/members/:id': { foreign: (f) => [{ url: `/api/members/${f.member}`, body: { address: '越权修改' } }] },
  'POST /api/members/:id/reveal': { foreign: (f) => [{ url: `/api/members/${f.member}/reveal`, body: { field: 'idNumber', reason: '越权查看' } }] },
  'POST /api/members/:id/events': {
    foreign: (f, own) => [
      { url: `/api/members/${f.member}/events`, body: { kind: 'suspended', occurredOn: '2026-01-05', reason: '越权' } },
      { url: `/api/members/${own.member}/events`, body: { kind: 'transferred_out', occurredOn: '2026-01-05', toOrganizationId: f.org } },
    ],
  },
  // 发展党员: recruitments are scoped through their branch; a mentor sees only the recruitments they are named on.
  // Every probe that could write uses the marker date 2001-02-03 (or 越权 text), checked in "left untouched".
  'GET /api/recruitment/steps': {},
  'POST /api/recruitment/steps': {},
  'GET /api/recruitments': {
    list: '/api/recruitments',
    foreign: (f) => [{ url: `/api/recruitments?orgId=${f.org}` }],
  },
  'POST /api/recruitments': { foreign: (f) => [{ url: '/api/recruitments', body: { ...NEW_APPLICANT, organizationId: f.org } }] },
  'GET /api/recruitments/:id': { foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}` }] },
  'POST /api/recruitments/:id/check': { foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/check`, body: TALK_STEP }] },
  'POST /api/recruitments/:id/records': { foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/records`, body: TALK_STEP }] },
  'POST /api/recruitments/:id/stop': { foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/stop`, body: { reason: '越权终止', stoppedOn: '2001-02-03' } }] },
  'POST /api/recruitments/:id/records/:recordId/files': {
    foreign: (f, own) => [
      { url: `/api/recruitments/${f.recruitment}/records/${f.record}/files`, body: {} },
      { url: `/api/recruitments/${own.recruitment}/records/${f.record}/files`, body: {} },
    ],
  },
  'GET /api/recruitments/:id/files/:fileId': {
    foreign: (f, own) => [{ url: `/api/recruitments/${f.recruitment}/files/${f.file}` }, { url: `/api/recruitments/${own.recruitment}/files/${f.file}` }],
  },
  'POST /api/recruitments/:id/relations': {
    foreign: (f, own) => [
      { url: `/api/recruitments/${f.recruitment}/relations`, body: { kind: 'mentor', memberId: own.member, since: '2001-02-03' } },
      // A member outside the caller's scope cannot be named on an own recruitment (and the answer reveals nothing of them).
      { url: `/api/recruitments/${own.recruitment}/relations`, body: { kind: 'mentor', memberId: f.member, since: '2001-02-03' } },
    ],
  },
  'POST /api/recruitments/:id/relations/:relationId/end': {
    foreign: (f, own) => [
      { url: `/api/recruitments/${f.recruitment}/relations/${f.relation}/end`, body: { until: '2001-02-03' } },
      { url: `/api/recruitments/${own.recruitment}/relations/${f.relation}/end`, body: { until: '2001-02-03' } },
    ],
  },
  'POST /api/recruitments/:id/public-notices': {
    foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/public-notices`, body: { stage: 'activist', startsOn: '2001-02-03', endsOn: '2001-02-10' } }],
  },
  'POST /api/recruitments/:id/public-notices/:noticeId/outcome': {
    foreign: (f, own) => [
      { url: `/api/recruitments/${f.recruitment}/public-notices/${f.notice}/outcome`, body: { outcome: 'objection_upheld', outcomeNote: '越权' } },
      { url: `/api/recruitments/${own.recruitment}/public-notices/${f.notice}/outcome`, body: { outcome: 'objection_upheld', outcomeNote: '越权' } },
    ],
  },
  'GET /api/recruitments/:id/documents/:kind/:format': {
    foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/documents/record/docx` }, { url: `/api/recruitments/${f.recruitment}/documents/notice/pdf` }],
  },
  'GET /api/recruitment/registers/:kind/:format': {
    foreign: (f) => [{ url: `/api/recruitment/registers/activists/docx?orgId=${f.org}` }, { url: `/api/recruitment/registers/probationary/pdf?orgId=${f.org}` }],
  },
  'GET /api/recruitment/board': { foreign: (f) => [{ url: `/api/recruitment/board?orgId=${f.org}` }] },
  'GET /api/recruitment/plans': {},
  'PUT /api/recruitment/plans': { foreign: (f) => [{ url: '/api/recruitment/plans', body: { year: 2001, items: [{ organizationId: f.org, quota: 7 }] } }] },
  'GET /api/recruitment/mentoring': {},
};

/** A valid applicant (the ID number's check digit is right), so only scope can refuse it. */
const NEW_APPLICANT = {
  name: '越权申请', gender: 'male', birthDate: '1990-01-01', idNumber: '370402199001010016', appliedOn: '2001-02-03',
};
const TALK_STEP = { stepCode: 'talk', occurredOn: '2001-02-03', details: { talker: '越权' } };

/** A valid new member (the ID number's check digit is right), so only scope can refuse it. */
const NEW_MEMBER = {
  name: '越权登记', gender: 'male', birthDate: '1980-01-01', idNumber: '37040219800101001X', joinedAt: '2005-07-01', confirmedAt: '2006-07-01',
};

const N = 99_999_999;
const NONEXISTENT: Ids = { org: N, member: N, activity: N, notification: N, recruitment: N, record: N, relation: N, notice: N, file: N };
const ROLES = ['admin', 'supervisor', 'inspector', 'yingzi', 'xihuagou', 'member'] as const;

let ctx: TestContext;
let neighbourTemplateId = 0;
let ids: Record<string, number>;
const sessions = new Map<string, Session>();
/** For each account: records outside its scope, and records inside it to carry nested ids. */
const targets: Record<string, { foreign: Ids[]; own: Ids; foreignNames: string[] }> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  // A second town in the same database: the town admin of the first must not reach it either.
  const { rows: [t2] } = await ctx.pool.query(`insert into tenants (code, name) values ('999999001', '邻镇') returning id`);
  const { rows: [c2] } = await ctx.pool.query(`insert into organizations (tenant_id, path, name, kind) values ($1, '/0/', '邻镇党委', 'committee') returning id`, [t2.id]);
  await ctx.pool.query(`update organizations set path = '/' || id || '/' where id = $1`, [c2.id]);
  const { rows: [b2] } = await ctx.pool.query(`insert into organizations (tenant_id, parent_id, path, name, kind) values ($1, $2, '/0/', '邻村党支部', 'branch') returning id`, [t2.id, c2.id]);
  await ctx.pool.query(`update organizations set path = '/' || $2 || '/' || id || '/' where id = $1`, [b2.id, c2.id]);
  ids = await orgIds(ctx.pool);
  // One member in the neighbouring town, so member routes have a foreign id there too.
  const { rows: [p2] } = await ctx.pool.query(`insert into persons (tenant_id, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked)
    values ($1, '邻镇党员', 'male', '1970-01-01', 'v1:x', 'h-neighbour', '370402********0011') returning id`, [t2.id]);
  const { rows: [m2] } = await ctx.pool.query(`insert into members (tenant_id, person_id, organization_id, joined_at, standing)
    values ($1, $2, $3, '1995-07-01', 'full') returning id`, [t2.id, p2.id, b2.id]);
  const memberOf = async (org: string) => Number((await ctx.pool.query(
    'select m.id from members m join organizations o on o.id = m.organization_id where o.name = $1 order by m.id limit 1', [org])).rows[0].id);
  // One 组织生活 record per branch involved, so activity routes have foreign and own ids too.
  // Far from org and member ids, so the probe's "names a foreign id in the path" check cannot misfire on an own activity.
  await ctx.pool.query(`select setval('activities_id_seq', 50000000)`);
  const { rows: [anyUser] } = await ctx.pool.query('select id from users order by id limit 1');
  const activityOf = async (orgId: number, tenantId: number | null = null) => Number((await ctx.pool.query(
    `insert into activities (tenant_id, organization_id, kind, held_on, place, topic, created_by)
     values (coalesce($1, (select tenant_id from organizations where id = $2)), $2, 'theme_day', '2026-01-28', '村委会', '主题党日', $3) returning id`,
    [tenantId, orgId, anyUser.id])).rows[0].id);
  const activities = { xihuagou: await activityOf(ids['西花沟村党支部']), yingzi: await activityOf(ids['营子村党支部']), other: await activityOf(b2.id, t2.id) };
  // One notification per owner (the two secretaries, and a user of the neighbouring town), far from other ids too.
  await ctx.pool.query(`select setval('notifications_id_seq', 60000000)`);
  const { rows: [u2] } = await ctx.pool.query(`insert into users (tenant_id, username, display_name, password_hash, roles)
    values ($1, 'linzhen', '邻镇管理员', 'x', '{town_admin}') returning id`, [t2.id]);
  const notificationOf = async (userId: number, owner: string) => Number((await ctx.pool.query(
    `insert into notifications (tenant_id, user_id, kind, title, body, dedupe_key)
     values ((select tenant_id from users where id = $1), $1, 'compliance', '组织生活临近截止', $2, 'matrix') returning id`,
    [userId, `${owner} 主题党日 截止 01-28,尚未完成`])).rows[0].id);
  const userIdOf = async (username: string) => Number((await ctx.pool.query('select id from users where username = $1', [username])).rows[0].id);
  const notes = {
    xihuagou: await notificationOf(await userIdOf('xihuagou'), '西花沟村党支部'),
    yingzi: await notificationOf(await userIdOf('yingzi'), '营子村党支部'),
    other: await notificationOf(u2.id, '邻村党支部'),
  };
  // One 发展党员 recruitment per branch involved, with a record, a mentor, a 公示 and a file; all numbered far from other ids.
  for (const [table, start] of [['recruitments', 70000000], ['recruitment_steps', 71000000], ['recruitment_relations', 72000000], ['recruitment_public_notices', 73000000], ['recruitment_files', 74000000]] as const) {
    await ctx.pool.query(`select setval('${table}_id_seq', ${start})`);
  }
  const recruitmentOf = async (orgId: number, memberId: number, name: string) => {
    const one = async (sql: string, params: unknown[]) => Number((await ctx.pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const person = await one(`insert into persons (tenant_id, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked)
      values (${tenant}, $2, 'female', '1998-01-01', 'v1:x', $3, '370402********0022') returning id`, [orgId, name, `h-dev-${orgId}`]);
    const recruitment = await one(`insert into recruitments (tenant_id, person_id, organization_id, status, phase)
      values (${tenant}, $2, $1, 'active', 'activist') returning id`, [orgId, person]);
    const record = await one(`insert into recruitment_steps (tenant_id, recruitment_id, step_code, occurred_on) values (${tenant}, $2, 'application', '2023-01-05') returning id`, [orgId, recruitment]);
    const relation = await one(`insert into recruitment_relations (tenant_id, recruitment_id, kind, member_id, since) values (${tenant}, $2, 'mentor', $3, '2023-03-01') returning id`, [orgId, recruitment, memberId]);
    const notice = await one(`insert into recruitment_public_notices (tenant_id, recruitment_id, stage, starts_on, ends_on, content) values (${tenant}, $2, 'activist', '2023-03-01', '2023-03-08', $3) returning id`, [orgId, recruitment, `${name}公示`]);
    const file = await one(`insert into recruitment_files (tenant_id, record_id, name, mime, size, data) values (${tenant}, $2, $3, 'text/plain', 3, '\\x616263') returning id`, [orgId, record, `${name}申请书.txt`]);
    return { recruitment, record, relation, notice, file };
  };
  const dev = {
    xihuagou: await recruitmentOf(ids['西花沟村党支部'], await memberOf('西花沟村党支部'), '西花沟发展对象'),
    yingzi: await recruitmentOf(ids['营子村党支部'], await memberOf('营子村党支部'), '营子发展对象'),
    other: await recruitmentOf(b2.id, m2.id, '邻镇党员申请人'),
  };
  const otherTown: Ids = { org: b2.id, member: m2.id, activity: activities.other, notification: notes.other, ...dev.other };
  const xihuagou = { ids: [{ org: ids['西花沟村党支部'], member: await memberOf('西花沟村党支部'), activity: activities.xihuagou, notification: notes.xihuagou, ...dev.xihuagou }, { org: ids['西花沟村党支部/第一党小组'], member: await memberOf('西花沟村党支部'), activity: activities.xihuagou, notification: notes.xihuagou, ...dev.xihuagou }], names: ['西花沟'] };
  const yingzi = { ids: [{ org: ids['营子村党支部'], member: await memberOf('营子村党支部'), activity: activities.yingzi, notification: notes.yingzi, ...dev.yingzi }], names: ['营子'] };
  const ownYingzi: Ids = { org: ids['营子村党支部/第一党小组'], member: await memberOf('营子村党支部'), activity: activities.yingzi, notification: notes.yingzi, ...dev.yingzi };
  const ownXihuagou: Ids = { org: ids['西花沟村党支部/第一党小组'], member: await memberOf('西花沟村党支部'), activity: activities.xihuagou, notification: notes.xihuagou, ...dev.xihuagou };
  const set = (u: string, f: { ids: Ids[]; names: string[] }, own: Ids) => {
    targets[u] = { foreign: [...f.ids, otherTown], own, foreignNames: [...f.names, '邻村党支部', '邻镇党员'] };
  };
  set('admin', { ids: [], names: [] }, ownYingzi);
  set('inspector', { ids: [], names: [] }, ownYingzi);
  set('supervisor', xihuagou, ownYingzi);
  set('yingzi', xihuagou, ownYingzi);
  set('member', xihuagou, ownYingzi);
  set('xihuagou', yingzi, ownXihuagou);
  neighbourTemplateId = Number((await ctx.pool.query(`insert into checklist_templates (tenant_id, name, kinds, items) values ($1, '邻镇五个一', '{theme_day}', '[]') returning id`, [t2.id])).rows[0].id);
  for (const r of ROLES) sessions.set(r, await ctx.signIn(r));
});
afterAll(async () => { await ctx.close(); });

describe('scope matrix', () => {
  it('covers every route the app registers', async () => {
    await ctx.app.ready();
    const guarded = ctx.app.routeList.filter((r) => !r.isPublic && r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    const missing = guarded.filter((key) => !(key in MATRIX));
    expect(missing, 'routes missing from the scope matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !guarded.includes(key)), 'stale matrix rows').toEqual([]);
  });

  it('answers 401 to every guarded route without a session', async () => {
    for (const key of Object.keys(MATRIX)) {
      const [method, url] = key.split(' ');
      const res = await ctx.app.inject({ method: method as 'GET', url: url.replace(':id', '1'), payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, key).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`${role}: ids outside the scope answer 404 and leak nothing, on every route`, async () => {
      const s = sessions.get(role) as Session;
      const { foreign, own, foreignNames } = targets[role];
      let probes = 0;
      for (const [key, c] of Object.entries(MATRIX)) {
        if (!c.foreign) continue;
        const method = key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
        const absent = c.foreign(NONEXISTENT, own);
        for (const f of foreign) {
          for (const [i, probe] of c.foreign(f, own).entries()) {
            const res = await s.request(method, probe.url, probe.body);
            const control = await s.request(method, absent[i].url, absent[i].body);
            probes++;
            // Out of scope must look exactly like "does not exist": same status, same body.
            expect(res.statusCode, `${role} ${key} ${probe.url}`).toBe(control.statusCode);
            expect(res.body, `${role} ${key} ${probe.url}`).toBe(control.body);
            // A nested id may also fail validation (400), identically for foreign and nonexistent ids.
            expect([400, 403, 404], `${role} ${key} ${probe.url}`).toContain(res.statusCode);
            if (new RegExp(`[/=](${f.org}|${f.member})(/|&|$)`).test(probe.url)) expect(res.statusCode, `${role} ${key} ${probe.url}`).toBe(404);
            for (const name of foreignNames) expect(res.body, `${role} ${key}`).not.toContain(name);
          }
        }
      }
      expect(probes).toBeGreaterThan(0);
    });

    it(`${role}: lists contain only records inside the scope`, async () => {
      const s = sessions.get(role) as Session;
      const orgs: { id: number; path: string }[] = (await s.get(MATRIX['GET /api/organizations'].list as string)).json().items;
      const me = (await s.get('/api/auth/me')).json();
      const roots: string[] = me.scope.map((r: { path: string }) => r.path);
      expect(orgs.length).toBeGreaterThan(0);
      for (const o of orgs) expect(roots.some((p) => o.path.startsWith(p)), o.path).toBe(true);
      const visible = new Set(orgs.map((o) => o.id));
      const people: { organizationId: number; name: string }[] = (await s.get(MATRIX['GET /api/members'].list as string)).json().items;
      expect(people.length, 'every role sees at least its own record').toBeGreaterThan(0);
      for (const m of people) expect(visible.has(m.organizationId), m.name).toBe(true);
      if (role === 'member') expect(people).toHaveLength(1);
      const held: { organizationId: number; topic: string }[] = (await s.get('/api/activities')).json().items;
      for (const a of held) expect(visible.has(a.organizationId), a.topic).toBe(true);
      const villages: { name: string }[] = (await s.get('/api/villages')).json().items;
      const recruitments: { organizationId: number; name: string }[] = (await s.get(MATRIX['GET /api/recruitments'].list as string)).json().items;
      for (const j of recruitments) expect(visible.has(j.organizationId), j.name).toBe(true);
      // A plain 党员 has no pipeline: the people they mentor are on /api/recruitment/mentoring.
      if (role === 'member') expect(recruitments).toEqual([]);
      else expect(recruitments.length, 'the demo town has recruitments in every scope tested').toBeGreaterThan(0);
      const board = (await s.get('/api/recruitment/board')).json();
      for (const b of board.branches) expect(visible.has(b.organizationId), b.organizationName).toBe(true);
      for (const d of board.due) expect(recruitments.map((j) => j.name)).toContain(d.name);
      const plan: { organizationId: number }[] = (await s.get('/api/recruitment/plans?year=2026')).json().items;
      for (const p of plan) expect(visible.has(p.organizationId), String(p.organizationId)).toBe(true);
      const all = JSON.stringify(villages) + JSON.stringify(people) + JSON.stringify(recruitments) + JSON.stringify(board) + JSON.stringify(plan);
      for (const name of targets[role].foreignNames) expect(all).not.toContain(name);
    });
  }

  it('left every foreign record untouched', async () => {
    const { rows } = await ctx.pool.query(`select name, status from organizations where name in ('西花沟村党支部', '营子村党支部', '邻村党支部')`);
    expect(rows.every((r) => r.status === 'active')).toBe(true);
    expect(rows).toHaveLength(3);
    const { rows: changed } = await ctx.pool.query(`select count(*)::int as n from organizations where name like '越权%'`);
    expect(changed[0].n).toBe(0);
    const { rows: touched } = await ctx.pool.query(`select count(*)::int as n from activities where topic like '越权%' or place like '越权%'`);
    expect(touched[0].n).toBe(0);
    // The probes' activities are numbered from 50000000 (the demo town's own records have attendance).
    const { rows: marked } = await ctx.pool.query('select count(*)::int as n from attendances where activity_id >= 50000000');
    expect(marked[0].n).toBe(0);
    const { rows: evidence } = await ctx.pool.query(`select (select count(*) from activity_reviews where text like '越权%') + (select count(*) from activity_votes where subject like '越权%')
      + (select count(*) from dengta_uploads where uploaded_by = '越权') + (select count(*) from checklist_templates where name like '越权%')
      + (select count(*) from activity_files where activity_id >= 50000000) + (select count(*) from attendance_responses where activity_id >= 50000000)
      + (select count(*) from appraisal_grades where activity_id >= 50000000) as n`);
    expect(Number(evidence[0].n)).toBe(0);
    const { rows: read } = await ctx.pool.query(`select count(*)::int as n from notifications where read_at is not null`);
    expect(read[0].n).toBe(0);
    // 发展党员: the probes' marker date and text, and the recruitments the matrix made (numbered from 70000000).
    const { rows: [dev] } = await ctx.pool.query(`select
        (select count(*) from persons where name like '越权%') + (select count(*) from recruitment_steps where occurred_on = '2001-02-03' or details->>'talker' = '越权')
      + (select count(*) from recruitment_relations where since = '2001-02-03' or until is not null and id >= 72000000)
      + (select count(*) from recruitment_public_notices where starts_on = '2001-02-03' or outcome is not null and id >= 73000000)
      + (select count(*) from recruitment_plans where year = 2001) + (select count(*) from recruitment_files where id > 74000003)
      + (select count(*) from recruitments where id >= 70000000 and (status <> 'active' or stopped_on is not null)) as n`);
    expect(Number(dev.n)).toBe(0);
    const { rows: [kept] } = await ctx.pool.query(`select (select count(*) from recruitment_steps where recruitment_id >= 70000000)::int as records,
      (select count(*) from recruitment_relations where recruitment_id >= 70000000)::int as relations`);
    expect(kept).toEqual({ records: 3, relations: 3 });
  });
});
