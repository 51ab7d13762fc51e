import type { RoleRow } from './role-types.js';

/** Role table rows of the 驾驶舱 (issue 17): every working role reads its part (dashboard.read); a plain 党员 none. */
export const DASHBOARD_ROWS: Record<string, RoleRow> = {
  'GET /api/dashboard/town': { permission: 'dashboard.read', probe: () => ({ url: '/api/dashboard/town' }) },
  'GET /api/dashboard/villages/:orgId': { permission: 'dashboard.read', personal: true, probe: ({ world }) => ({ url: `/api/dashboard/villages/${world.branch.id}` }) },
};
