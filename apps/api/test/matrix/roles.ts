import { CHECKLIST_SATISFIED_BY } from '@dj/contracts';
import type { Permission } from '../../src/lib/access/index.js';
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
}

export interface RoleCase {
  permission: Permission;
  probe: (own: OwnRecords) => Probe;
  /** The probe names another person's record: a self-scoped account gets 404, not 403. */
  personal?: boolean;
}

const TEMPLATE = { name: '角色表核对模板', kinds: ['theme_day'], items: [{ key: 'role_table', label: '角色表核对', satisfiedBy: CHECKLIST_SATISFIED_BY[0] }] };
const TEAM = [{ name: '李敏', department: 'discipline' }, { name: '王芳', department: 'organization_dept' }, { name: '赵强', department: 'civil_affairs' }];
/** Each granted probe writes a record: a new day each time, so no probe meets another's. */
let day = 0;
const nextDay = () => `2026-03-${String(++day).padStart(2, '0')}`;
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
};

/**
 * Permissions no route of the role table probes, each with the reason; every other permission must appear above,
 * so a permission added to the table without a probe fails the matrix.
 */
export const UNPROBED: Partial<Record<Permission, string>> = {
  'supervision.supervise': 'held by the person named supervisor, not by the caller (activities evidence tests)',
  'activities.signOff': 'needs a record submitted to this supervisor (activities evidence tests)',
  'activities.signOffAny': 'needs a submitted record (activities evidence tests)',
  'members.transferInTown': 'a transfer moves the member out of the table\'s records (members tests)',
  'members.reviewExports': 'needs a pending export request of another user (members export tests)',
  'organizations.manage': 'decided per organisation kind (organizations tests and the scope matrix)',
  'organizations.manageGroups': 'decided per organisation kind (organizations tests and the scope matrix)',
  'villages.readAll': 'widens a list rather than refusing (villages list in the scope matrix)',
  'recruitment.record': 'same grant as members.manage; recruitment tests cover each step',
  'recruitment.recordCommitteeSteps': 'needs a recruitment at a committee step (recruitment tests)',
  'inspection.inspect': 'needs an open round (inspection tests)',
  'rectification.submit': 'needs an open rectification (inspection tests)',
  'disclosure.propose': 'decided per workflow status (rules/workflow.ts, its tests and disclosure.test.ts)',
  'disclosure.review': 'decided per workflow status (rules/workflow.ts, its tests and disclosure.test.ts)',
  'disclosure.approve': 'decided per workflow status (rules/workflow.ts, its tests and disclosure.test.ts)',
  'positions.edit': 'same grant as members.manage; positions tests cover each write',
};
