import { CHECKLIST_SATISFIED_BY } from '@dj/contracts';
import { testIdNumber } from '../factories.js';
import type { Permission } from '../../src/lib/access/index.js';
import type { RoleState } from './role-state.js';
import type { Probe } from './types.js';

/**
 * The role table of the matrix: routes whose answer depends on the caller's role, each with the permission that
 * decides it (lib/access PERMISSIONS). The expected status per account is generated from that table: a holder gets
 * the route's success, anyone else 403 (or 404 when the probe names another person's record and the account is
 * self-scoped: a plain 党员 does not see it at all). Ids outside the scope are probed by the scope matrix.
 */

/** Records inside every demo account's scope (all of them cover 营子村党支部). */
export interface OwnRecords {
  /** 营子村党支部. */
  branch: number;
  /** A member of 营子村党支部 who is not the demo 党员 account's own person. */
  member: number;
  /** Another branch of the town (西花沟村党支部), a transfer's destination. */
  otherBranch: number;
  /** Fresh records in the state a stateful probe needs (matrix/role-state.ts). */
  state: RoleState;
}

export interface RoleCase {
  /** The permission that decides the route; several when holding any of them grants it (e.g. per organisation kind). */
  permission: Permission | readonly Permission[];
  probe: (own: OwnRecords) => Probe | Promise<Probe>;
  /** The probe names a record a self-scoped account does not see (another person's, or the branch's): 404, not 403. */
  personal?: boolean;
  /** The record is visible only to holders (another user's 导出申请): anyone else gets 404, not 403. */
  hiddenWithout?: boolean;
}

/** The route a row probes: its key is "METHOD /url", optionally followed by " · variant" when one route has several rows. */
export const routeOf = (key: string): string => key.split(' · ')[0];

const TEMPLATE = { name: '角色表核对模板', kinds: ['theme_day'], items: [{ key: 'role_table', label: '角色表核对', satisfiedBy: CHECKLIST_SATISFIED_BY[0] }] };
const TEAM = [{ name: '李敏', department: 'discipline' }, { name: '王芳', department: 'organization_dept' }, { name: '赵强', department: 'civil_affairs' }];
/** Each granted probe writes a record: a new day each time, so no probe meets another's. */
let day = 0;
const nextDay = () => `2026-03-${String(++day).padStart(2, '0')}`;
/** Each organisation probe names a new group. */
let group = 0;
const ITEM = { area: '角色表', name: '角色表核对事项', legalBasis: '《村民委员会组织法》', steps: ['提出', '公开'] };

export const ROLE_ROWS: Record<string, RoleCase> = {
  'GET /api/outbox': { permission: 'notifications.readLog', probe: () => ({ url: '/api/outbox' }) },
  'PATCH /api/settings/:key': { permission: 'settings.manage', probe: () => ({ url: '/api/settings/security.stepUpMinutes', body: { value: 10 } }) },
  'GET /api/supervision/assignments': { permission: 'supervision.read', probe: () => ({ url: '/api/supervision/assignments' }) },
  'GET /api/supervision/queue': { permission: 'supervision.read', probe: () => ({ url: '/api/supervision/queue' }) },
  'PUT /api/supervision/assignments': {
    permission: 'supervision.assign', probe: (own) => ({ url: '/api/supervision/assignments', body: { organizationId: own.branch, userIds: [] } }),
  },
  'POST /api/checklist-templates': { permission: 'activities.configure', probe: () => ({ url: '/api/checklist-templates', body: TEMPLATE }) },
  'PUT /api/recruitment/plans': {
    permission: 'recruitment.plan', probe: (own) => ({ url: '/api/recruitment/plans', body: { year: 2023, items: [{ organizationId: own.branch, quota: 1 }] } }),
  },
  'POST /api/recruitment/steps': {
    permission: 'recruitment.configureSteps', probe: () => ({ url: '/api/recruitment/steps', body: { name: '村党员代表推荐', afterCode: 'talk', actor: 'branch' } }),
  },
  'POST /api/micro-power/items': { permission: 'positions.editItems', probe: () => ({ url: '/api/micro-power/items', body: ITEM }) },
  'POST /api/activities': {
    permission: 'activities.record',
    probe: (own) => ({ url: '/api/activities', body: { organizationId: own.branch, kind: 'theme_day', heldOn: nextDay(), place: '村党员活动室', topic: '角色表核对' } }),
  },
  'POST /api/inspections': {
    permission: 'inspection.plan',
    probe: (own) => ({ url: '/api/inspections', body: { title: '角色表联督联查', startsOn: nextDay(), endsOn: '2026-04-30', team: TEAM, organizationIds: [own.branch] } }),
  },
  'GET /api/ledger': { permission: 'branch.browse', probe: (own) => ({ url: `/api/ledger?orgId=${own.branch}&period=2026-01` }) },
  'GET /api/members/completeness': { permission: 'branch.browse', probe: (own) => ({ url: `/api/members/completeness?orgId=${own.branch}` }) },
  'GET /api/tasks': { permission: 'branch.browse', probe: (own) => ({ url: `/api/tasks?orgId=${own.branch}` }) },
  'PUT /api/members/:id/dues/basis': {
    permission: 'members.manage', personal: true,
    probe: (own) => ({ url: `/api/members/${own.member}/dues/basis`, body: { effectiveFrom: '2026-01', category: 'farmer' } }),
  },
  'GET /api/activities/:id/documents/:doc': {
    permission: 'branch.browse', probe: async ({ state }) => ({ url: `/api/activities/${await state.submittedActivity(null)}/documents/signin.docx` }),
  },
  // Who is expected at a record being written: asked by the record's writers only.
  'GET /api/activities/expected': { permission: 'activities.record', probe: (own) => ({ url: `/api/activities/expected?orgId=${own.branch}&kind=theme_day&heldOn=2026-01-28` }) },
  'GET /api/dues': { permission: 'branch.browse', probe: (own) => ({ url: `/api/dues?orgId=${own.branch}` }) },
  'GET /api/compliance': { permission: 'branch.browse', probe: (own) => ({ url: `/api/compliance?orgId=${own.branch}` }) },
  'POST /api/members/:id/events': {
    permission: 'members.manage', personal: true,
    probe: async ({ state }) => ({ url: `/api/members/${await state.member()}/events`, body: { kind: 'suspended', occurredOn: '2026-01-05', reason: '角色表核对' } }),
  },
  'POST /api/members/:id/events · transfer to another branch of the town': {
    permission: 'members.transferInTown', personal: true,
    probe: async ({ state, otherBranch }) => ({
      url: `/api/members/${await state.member()}/events`, body: { kind: 'transferred_out', occurredOn: '2026-01-05', toOrganizationId: otherBranch },
    }),
  },
  // The roster as a file is list work: a plain 党员 reads their own record on their own page (members.export).
  'GET /api/members/export/preview': { permission: 'members.export', probe: (own) => ({ url: `/api/members/export/preview?orgId=${own.branch}` }) },
  'GET /api/members/export': { permission: 'members.export', probe: (own) => ({ url: `/api/members/export?orgId=${own.branch}&masked=true` }) },
  'POST /api/member-exports/:id/approve': {
    permission: 'members.reviewExports', hiddenWithout: true,
    probe: async ({ state }) => ({ url: `/api/member-exports/${await state.pendingExportRequest()}/approve`, body: { note: '角色表核对' } }),
  },
  'PATCH /api/organizations/:id': { permission: 'organizations.manage', probe: (own) => ({ url: `/api/organizations/${own.branch}`, body: { isJoint: false } }) },
  'POST /api/organizations': {
    permission: ['organizations.manage', 'organizations.manageGroups'],
    probe: (own) => ({ url: '/api/organizations', body: { parentId: own.branch, name: `角色表第${++group}党小组`, kind: 'group' } }),
  },
  'POST /api/activities/:id/reviews': {
    permission: 'activities.signOff',
    probe: async ({ state }) => ({ url: `/api/activities/${await state.submittedActivity('supervisor')}/reviews`, body: { action: 'sign_off' } }),
  },
  'POST /api/activities/:id/reviews · a record another supervisor (none) oversees': {
    permission: 'activities.signOffAny',
    probe: async ({ state }) => ({ url: `/api/activities/${await state.submittedActivity(null)}/reviews`, body: { action: 'sign_off' } }),
  },
  'POST /api/recruitments': {
    permission: 'recruitment.record',
    probe: (own) => ({
      url: '/api/recruitments',
      body: { name: '角色表申请人', gender: 'male', birthDate: '1990-01-01', idNumber: testIdNumber('1990-01-01'), appliedOn: '2026-01-05', organizationId: own.branch },
    }),
  },
  'POST /api/inspections/:id/results': {
    permission: 'inspection.inspect', personal: true,
    probe: async ({ state, branch }) => ({
      url: `/api/inspections/${await state.openRound()}/results`, body: { organizationId: branch, itemKey: 'disclosure', outcome: 'ok', note: '角色表核对' },
    }),
  },
  'POST /api/inspections/:id/close': { permission: 'inspection.plan', personal: true, probe: async ({ state }) => ({ url: `/api/inspections/${await state.openRound()}/close`, body: {} }) },
  'POST /api/rectifications/:id/evidence': {
    permission: 'rectification.submit', personal: true,
    probe: async ({ state }) => ({ url: `/api/rectifications/${await state.rectification('open')}/evidence`, body: { note: '角色表整改材料' } }),
  },
  'POST /api/rectifications/:id/accept': {
    permission: 'inspection.inspect', personal: true,
    probe: async ({ state }) => ({ url: `/api/rectifications/${await state.rectification('submitted')}/accept`, body: { note: '角色表验收' } }),
  },
  'POST /api/disclosures/:id/submit': {
    permission: 'disclosure.propose', personal: true, probe: async ({ state }) => ({ url: `/api/disclosures/${await state.disclosure('draft')}/submit`, body: {} }),
  },
  'POST /api/disclosures/:id/review': {
    permission: 'disclosure.review', personal: true, probe: async ({ state }) => ({ url: `/api/disclosures/${await state.disclosure('submitted')}/review`, body: {} }),
  },
  'POST /api/disclosures/:id/approve': {
    permission: 'disclosure.approve', personal: true, probe: async ({ state }) => ({ url: `/api/disclosures/${await state.disclosure('reviewed')}/approve`, body: {} }),
  },
  'POST /api/four-two': {
    permission: 'positions.edit', personal: true, probe: (own) => ({ url: '/api/four-two', body: { organizationId: own.branch, title: '角色表四议两公开', category: 'other' } }),
  },
};

/**
 * Permissions no route of the role table probes, each with the reason; every other permission must appear above,
 * so a permission added to the table without a probe fails the matrix.
 */
export const UNPROBED: Partial<Record<Permission, string>> = {
  'supervision.supervise': 'held by the person named supervisor, not by the caller (activities evidence tests)',
  'villages.readAll': 'widens a list rather than refusing (villages list in the scope matrix)',
  'recruitment.recordCommitteeSteps': 'needs a recruitment at a committee step (recruitment tests)',
};
