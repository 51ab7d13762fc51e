import type { RoleRow } from './role-types.js';

/**
 * Role table rows of the 驾驶舱 (issue 17): every working role reads its part (dashboard.read); a plain 党员 none. The
 * 会议报告 covers the whole town: the town's admin only (dashboard.report).
 */
export const DASHBOARD_ROWS: Record<string, RoleRow> = {
  'GET /api/dashboard/town': { permission: 'dashboard.read', probe: () => ({ url: '/api/dashboard/town' }) },
  'GET /api/dashboard/villages/:orgId': { permission: 'dashboard.read', personal: true, probe: ({ world }) => ({ url: `/api/dashboard/villages/${world.branch.id}` }) },
  'GET /api/dashboard/reports/monthly.:format': { permission: 'dashboard.report', probe: () => ({ url: '/api/dashboard/reports/monthly.docx' }) },
  'GET /api/dashboard/reports/yearly.:format': { permission: 'dashboard.report', probe: () => ({ url: '/api/dashboard/reports/yearly.docx?year=2025' }) },
};
