import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule } from './types.js';

/** Core: auth, organisations, members and their dues/mobility, settings, 组织生活 (activities), supervision, notifications. */

/** A valid new member (the ID number's check digit is right), so only scope can refuse it. */
const NEW_MEMBER = {
  name: '越权登记', gender: 'male', birthDate: '1980-01-01', idNumber: '37040219800101001X', joinedAt: '2005-07-01', confirmedAt: '2006-07-01',
};

const rows: Record<string, Case> = {
  'GET /api/auth/me': {},
  'POST /api/auth/logout': {},
  // Step-up acts on the caller's own session (安全测试清单第26项): there is no foreign object to name.
  'POST /api/auth/step-up': {},
  // The password change, its policy and the session list act on the caller's own account (issue 12 point 2).
  'POST /api/auth/password': {},
  'GET /api/auth/password-policy': {},
  'GET /api/auth/sessions': {},
  // 适老化 (issue 21 point 3): the caller's own display preference, no other user's to name.
  'PATCH /api/auth/preferences': {},
  // Another user's session, in another village or town, answers like a nonexistent one.
  'DELETE /api/auth/sessions/:id': { foreign: (f) => [{ url: `/api/auth/sessions/${f.session}` }] },
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
    foreign: (f) => [{ url: `/api/checklist-templates/${f.checklistTemplate}`, body: { name: '越权模板', kinds: ['theme_day'], items: [{ key: 'x', label: '越权', satisfiedBy: 'confirm' }] } }],
  },
  'GET /api/supervision/assignments': {},
  'PUT /api/supervision/assignments': { foreign: (f) => [{ url: '/api/supervision/assignments', body: { organizationId: f.org, userIds: [] } }] },
  'GET /api/supervision/queue': {},
  'GET /api/compliance': { foreign: (f) => [{ url: `/api/compliance?orgId=${f.org}` }] },
  'GET /api/branch-committee/:orgId': { foreign: (f) => [{ url: `/api/branch-committee/${f.org}` }] },
  'PUT /api/branch-committee/:orgId': { foreign: (f) => [{ url: `/api/branch-committee/${f.org}`, body: { terms: [] } }] },
  // A notification belongs to one user: someone else's answers like a nonexistent id.
  'GET /api/notifications': {},
  'POST /api/notifications/:id/read': { foreign: (f) => [{ url: `/api/notifications/${f.notification}/read` }] },
  'POST /api/notifications/read-all': {},
  'GET /api/outbox': {},
  'POST /api/members/import': { foreign: (f) => [{ url: `/api/members/import?orgId=${f.org}&dryRun=true`, body: {} }] },
  'GET /api/members/export': { foreign: (f) => [{ url: `/api/members/export?orgId=${f.org}` }, { url: `/api/members/export?orgId=${f.org}&masked=true` }] },
  'GET /api/members/export/preview': { foreign: (f) => [{ url: `/api/members/export/preview?orgId=${f.org}` }] },
  // 导出申请 belong to their requester (a town admin sees the town's): another user's, or another town's, looks nonexistent.
  'GET /api/member-exports': {},
  'POST /api/member-exports': { foreign: (f) => [{ url: '/api/member-exports', body: { query: { orgId: f.org }, reason: '越权申请' } }] },
  'POST /api/member-exports/:id/approve': { foreign: (f) => [{ url: `/api/member-exports/${f.exportRequest}/approve`, body: { note: '越权审批' } }] },
  'POST /api/member-exports/:id/reject': { foreign: (f) => [{ url: `/api/member-exports/${f.exportRequest}/reject`, body: { note: '越权审批' } }] },
  'GET /api/member-exports/:id/file': { foreign: (f) => [{ url: `/api/member-exports/${f.exportRequest}/file` }] },
  'GET /api/members/:id': { foreign: (f) => [{ url: `/api/members/${f.member}` }] },
  'PATCH /api/members/:id': { foreign: (f) => [{ url: `/api/members/${f.member}`, body: { address: '越权修改' } }] },
  'POST /api/members/:id/reveal': { foreign: (f) => [{ url: `/api/members/${f.member}/reveal`, body: { field: 'idNumber', reason: '越权查看' } }] },
  'POST /api/members/:id/events': {
    foreign: (f, own) => [
      { url: `/api/members/${f.member}/events`, body: { kind: 'suspended', occurredOn: '2026-01-05', reason: '越权' } },
      { url: `/api/members/${own.member}/events`, body: { kind: 'transferred_out', occurredOn: '2026-01-05', toOrganizationId: f.org } },
    ],
  },
};

export const coreMatrix: MatrixModule = {
  rows,
  nonexistent: { activity: N, notification: N, checklistTemplate: N, exportRequest: N, session: N },

  async setup({ pool, ids, otherTenantId, otherCommitteeId, otherBranchId, anyUserId }) {
    // One 组织生活 record per branch involved, so activity routes have foreign and own ids too.
    // Far from org and member ids, so the probe's "names a foreign id in the path" check cannot misfire on an own activity.
    await pool.query(`select setval('activities_id_seq', 50000000)`);
    const activityOf = async (orgId: number, tenantId: number | null = null) => Number((await pool.query(
      `insert into activities (tenant_id, organization_id, kind, held_on, place, topic, created_by)
       values (coalesce($1, (select tenant_id from organizations where id = $2)), $2, 'theme_day', '2026-01-28', '村委会', '主题党日', $3) returning id`,
      [tenantId, orgId, anyUserId])).rows[0].id);
    const activities = { xihuagou: await activityOf(ids['西花沟村党支部']), yingzi: await activityOf(ids['营子村党支部']), other: await activityOf(otherBranchId, otherTenantId) };
    // One notification per owner (the two secretaries, and a user of the neighbouring town), far from other ids too.
    await pool.query(`select setval('notifications_id_seq', 60000000)`);
    const { rows: [u2] } = await pool.query(`insert into users (tenant_id, username, display_name, password_hash)
      values ($1, 'linzhen', '邻镇管理员', 'x') returning id`, [otherTenantId]);
    await pool.query(`insert into role_grants (user_id, role, organization_id) values ($1, 'town_admin', $2)`, [u2.id, otherCommitteeId]);
    const notificationOf = async (userId: number, owner: string) => Number((await pool.query(
      `insert into notifications (tenant_id, user_id, kind, title, body, dedupe_key)
       values ((select tenant_id from users where id = $1), $1, 'compliance', '组织生活临近截止', $2, 'matrix') returning id`,
      [userId, `${owner} 主题党日 截止 01-28,尚未完成`])).rows[0].id);
    const userIdOf = async (username: string) => Number((await pool.query('select id from users where username = $1', [username])).rows[0].id);
    const notes = {
      xihuagou: await notificationOf(await userIdOf('xihuagou'), '西花沟村党支部'),
      yingzi: await notificationOf(await userIdOf('yingzi'), '营子村党支部'),
      other: await notificationOf(u2.id, '邻村党支部'),
    };
    // Templates belong to a town, so for every place the foreign one is the neighbouring town's.
    const checklistTemplate = Number((await pool.query(
      `insert into checklist_templates (tenant_id, name, kinds, items) values ($1, '邻镇五个一', '{theme_day}', '[]') returning id`, [otherTenantId])).rows[0].id);
    // One 导出申请 per place, already approved (so only scope can refuse a download), by the branch's secretary or the neighbouring admin.
    await pool.query(`select setval('member_export_requests_id_seq', 70000000)`);
    const exportRequestOf = async (userId: number, orgId: number) => Number((await pool.query(
      `insert into member_export_requests (tenant_id, requested_by, query, reason, row_count, status, decided_by, decided_at, approved_until)
       values ((select tenant_id from users where id = $1), $1, $2, '核对', 60, 'approved', $1, now(), now() + interval '1 day') returning id`,
      [userId, JSON.stringify({ orgId })])).rows[0].id);
    const exportRequests = {
      xihuagou: await exportRequestOf(await userIdOf('xihuagou'), ids['西花沟村党支部']),
      yingzi: await exportRequestOf(await userIdOf('yingzi'), ids['营子村党支部']),
      other: await exportRequestOf(u2.id, otherBranchId),
    };
    // One signed-in session per place, of the branch's secretary or the neighbouring admin, numbered far from the probes' own.
    await pool.query(`select setval('sessions_public_id_seq', 80000000)`);
    const sessionOf = async (userId: number, id: string) => Number((await pool.query(
      `insert into sessions (id, user_id, ip) values ($2, $1, '10.0.0.9') returning public_id`, [userId, id])).rows[0].public_id);
    const userSessions = {
      xihuagou: await sessionOf(await userIdOf('xihuagou'), 'matrix-xihuagou'),
      yingzi: await sessionOf(await userIdOf('yingzi'), 'matrix-yingzi'),
      other: await sessionOf(u2.id, 'matrix-other'),
    };
    const place = (p: 'xihuagou' | 'yingzi' | 'other') => ({
      activity: activities[p], notification: notes[p], checklistTemplate, exportRequest: exportRequests[p], session: userSessions[p],
    });
    return { xihuagou: place('xihuagou'), yingzi: place('yingzi'), other: place('other') };
  },

  async lists(s, role, visible, foreignNames) {
    const people: { organizationId: number; name: string }[] = (await s.get(rows['GET /api/members'].list as string)).json().items;
    expect(people.length, 'every role sees at least its own record').toBeGreaterThan(0);
    for (const m of people) expect(visible.has(m.organizationId), m.name).toBe(true);
    if (role === 'member') expect(people).toHaveLength(1);
    const held: { organizationId: number; topic: string }[] = (await s.get('/api/activities')).json().items;
    for (const a of held) expect(visible.has(a.organizationId), a.topic).toBe(true);
    const me = (await s.get('/api/auth/me')).json();
    const exportRequests: { requestedBy: number; requestedByName: string }[] = (await s.get('/api/member-exports')).json().items;
    if (!me.user.roles.includes('town_admin')) for (const r of exportRequests) expect(r.requestedBy, r.requestedByName).toBe(me.user.id);
    expect(JSON.stringify(exportRequests)).not.toContain('邻镇');
    const villages: { name: string }[] = (await s.get('/api/villages')).json().items;
    const all = JSON.stringify(villages) + JSON.stringify(people);
    for (const name of foreignNames) expect(all).not.toContain(name);
  },

  async untouched(pool) {
    const { rows } = await pool.query(`select name, status from organizations where name in ('西花沟村党支部', '营子村党支部', '邻村党支部')`);
    expect(rows.every((r) => r.status === 'active')).toBe(true);
    expect(rows).toHaveLength(3);
    const { rows: changed } = await pool.query(`select count(*)::int as n from organizations where name like '越权%'`);
    expect(changed[0].n).toBe(0);
    const { rows: created } = await pool.query(`select count(*)::int as n from persons where name like '越权%'`);
    expect(created[0].n).toBe(0);
    const { rows: touched } = await pool.query(`select count(*)::int as n from activities where topic like '越权%' or place like '越权%'`);
    expect(touched[0].n).toBe(0);
    // The probes' activities are numbered from 50000000 (the demo town's own records have attendance).
    const { rows: marked } = await pool.query('select count(*)::int as n from attendances where activity_id >= 50000000');
    expect(marked[0].n).toBe(0);
    const { rows: evidence } = await pool.query(`select (select count(*) from activity_reviews where text like '越权%') + (select count(*) from activity_votes where subject like '越权%')
      + (select count(*) from dengta_uploads where uploaded_by = '越权') + (select count(*) from checklist_templates where name like '越权%')
      + (select count(*) from activity_files where activity_id >= 50000000) + (select count(*) from attendance_responses where activity_id >= 50000000)
      + (select count(*) from appraisal_grades where activity_id >= 50000000) as n`);
    expect(Number(evidence[0].n)).toBe(0);
    const { rows: exports } = await pool.query(`select count(*)::int as n from member_export_requests
            where reason like '越权%' or decision_note is not null or (id > 70000000 and (status <> 'approved' or downloaded_at is not null))`);
    expect(exports[0].n).toBe(0);
    const { rows: read } = await pool.query(`select count(*)::int as n from notifications where read_at is not null`);
    expect(read[0].n).toBe(0);
  },
};
