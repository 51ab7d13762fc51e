import { todayInShanghai } from '@dj/contracts';
import { testIdNumber } from '../factories.js';
import type { RoleRow } from './role-types.js';

/** Role table rows of the roster: members, 党籍 events, dues, 流动党员 and 介绍信, Excel import and export, 导出申请. */

const FLOW = { direction: 'outflow', startedOn: '2025-06-01', destination: '角色表流向地' };
let letters = 0;

export const MEMBER_ROWS: Record<string, RoleRow> = {
  'GET /api/members': { open: 'scope', probe: () => ({ url: '/api/members?range=subtree' }) },
  'GET /api/members/:id': { open: 'scope', personal: true, probe: ({ world }) => ({ url: `/api/members/${world.member}` }) },
  'GET /api/members/:id · the 党员 account\'s own record': { open: 'own', probe: ({ world }) => ({ url: `/api/members/${world.ownMember}` }) },
  'GET /api/members/completeness': { permission: 'branch.browse', probe: ({ world }) => ({ url: `/api/members/completeness?orgId=${world.branch.id}` }) },
  'POST /api/members': {
    permission: 'members.manage',
    probe: ({ world }) => ({ url: '/api/members', body: { ...newMember(), organizationId: world.branch.id } }),
  },
  'PATCH /api/members/:id': { permission: 'members.manage', personal: true, probe: ({ world }) => ({ url: `/api/members/${world.member}`, body: { address: '角色表核对地址' } }) },
  // Full numbers need the session stepped up (安全测试清单第26项): every account steps up first, so only the role decides.
  'POST /api/members/:id/reveal': {
    permission: 'members.manage', personal: true,
    probe: async ({ world, state, as }) => {
      await state.steppedUp(as);
      return { url: `/api/members/${world.member}/reveal`, body: { field: 'idNumber', reason: '角色表核对' } };
    },
  },
  'POST /api/members/:id/events': {
    permission: 'members.manage', personal: true,
    probe: async ({ state }) => ({ url: `/api/members/${await state.member()}/events`, body: { kind: 'suspended', occurredOn: '2026-01-05', reason: '角色表核对' } }),
  },
  'POST /api/members/:id/events · transfer to another branch of the town': {
    permission: 'members.transferInTown', personal: true,
    probe: async ({ state, world }) => ({
      url: `/api/members/${await state.member()}/events`, body: { kind: 'transferred_out', occurredOn: '2026-01-05', toOrganizationId: world.otherBranch.id },
    }),
  },

  'GET /api/dues': { permission: 'branch.browse', probe: ({ world }) => ({ url: `/api/dues?orgId=${world.branch.id}` }) },
  'GET /api/members/:id/dues': { open: 'scope', personal: true, probe: ({ world }) => ({ url: `/api/members/${world.member}/dues` }) },
  'PUT /api/members/:id/dues/basis': {
    permission: 'members.manage', personal: true,
    probe: ({ world }) => ({ url: `/api/members/${world.member}/dues/basis`, body: { effectiveFrom: '2026-01', category: 'farmer' } }),
  },
  'POST /api/members/:id/dues/payments': {
    permission: 'members.manage', personal: true,
    probe: async ({ state }) => ({ url: `/api/members/${await state.memberWithDues()}/dues/payments`, body: { months: [todayInShanghai().slice(0, 7)], paidOn: todayInShanghai() } }),
  },

  'GET /api/members/:id/mobility': { open: 'scope', personal: true, probe: ({ world }) => ({ url: `/api/members/${world.member}/mobility` }) },
  'POST /api/members/:id/flows': { permission: 'members.manage', personal: true, probe: async ({ state }) => ({ url: `/api/members/${await state.member()}/flows`, body: FLOW }) },
  'POST /api/members/:id/flows/:flowId/contacts': {
    permission: 'members.manage', personal: true,
    probe: async ({ state }) => {
      const { member, flow } = await state.flow(FLOW);
      return { url: `/api/members/${member}/flows/${flow}/contacts`, body: { contactedOn: '2025-07-01', method: 'phone' } };
    },
  },
  'POST /api/members/:id/flows/:flowId/end': {
    permission: 'members.manage', personal: true,
    probe: async ({ state }) => {
      const { member, flow } = await state.flow(FLOW);
      return { url: `/api/members/${member}/flows/${flow}/end`, body: { endedOn: '2025-08-01' } };
    },
  },
  'POST /api/members/:id/letters': {
    permission: 'members.manage', personal: true,
    probe: async ({ state }) => ({ url: `/api/members/${await state.member()}/letters`, body: { letterNo: `角色表-${++letters}`, destination: '外县党组织', issuedOn: '2025-09-01' } }),
  },
  'POST /api/members/:id/letters/:letterId/receipt': {
    permission: 'members.manage', personal: true,
    probe: async ({ state }) => {
      const { member, letter } = await state.letter({ letterNo: `角色表-${++letters}`, destination: '外县党组织', issuedOn: '2025-09-01' });
      return { url: `/api/members/${member}/letters/${letter}/receipt`, body: { receiptReturnedOn: '2025-09-20' } };
    },
  },

  // A dry run of the blank import sheet: nothing is written, only the role decides.
  'POST /api/members/import': {
    permission: 'members.manage',
    probe: async ({ world, state }) => ({ url: `/api/members/import?orgId=${world.branch.id}&dryRun=true`, ...await state.importSheet() }),
  },
  // The roster as a file is list work: a plain 党员 reads their own record on their own page (members.export).
  'GET /api/members/export/preview': { permission: 'members.export', probe: ({ world }) => ({ url: `/api/members/export/preview?orgId=${world.branch.id}` }) },
  'GET /api/members/export': { permission: 'members.export', probe: ({ world }) => ({ url: `/api/members/export?orgId=${world.branch.id}&masked=true` }) },
  // Approval releases full numbers, which only the roster's managers get (the town's threshold is 1 here).
  'POST /api/member-exports': {
    permission: 'members.manage', probe: async ({ world, state }) => {
      await state.pendingExportRequest();
      return { url: '/api/member-exports', body: { query: { orgId: world.branch.id }, reason: '角色表核对' } };
    },
  },
  // The caller's own approved 导出申请 (full numbers: every account steps up first). Only the roster's managers can
  // have one; anyone else names the branch secretary's, which is not theirs to see (404).
  'GET /api/member-exports/:id/file': {
    permission: 'members.manage', hiddenWithout: true,
    probe: async ({ state, as }) => {
      await state.steppedUp(as);
      return { url: `/api/member-exports/${await state.approvedExportRequest(as === 'admin' ? 'admin' : 'secretary')}/file` };
    },
  },
  'POST /api/member-exports/:id/approve': {
    permission: 'members.reviewExports', hiddenWithout: true,
    probe: async ({ state }) => ({ url: `/api/member-exports/${await state.pendingExportRequest()}/approve`, body: { note: '角色表核对' } }),
  },
  'POST /api/member-exports/:id/reject': {
    permission: 'members.reviewExports', hiddenWithout: true,
    probe: async ({ state }) => ({ url: `/api/member-exports/${await state.pendingExportRequest()}/reject`, body: { note: '角色表核对' } }),
  },
};

let applicants = 0;
function newMember() {
  return { name: `角色表党员${++applicants}`, gender: 'male', birthDate: '1980-01-01', idNumber: testIdNumber(), joinedAt: '2005-07-01', confirmedAt: '2006-07-01' };
}
