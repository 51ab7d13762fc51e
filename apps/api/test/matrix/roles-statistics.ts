import type { RoleRow } from './role-types.js';

/** Role table rows of 党内统计 (issue 17 point 3): the town admin and the branch secretaries (statistics.read). */
export const STATISTICS_ROWS: Record<string, RoleRow> = {
  'GET /api/statistics/party': { permission: 'statistics.read', probe: () => ({ url: '/api/statistics/party?asOf=2025-12-31' }) },
  'GET /api/statistics/party.:format': { permission: 'statistics.read', probe: () => ({ url: '/api/statistics/party.xlsx?asOf=2025-12-31' }) },
  'GET /api/statistics/party/members': { permission: 'statistics.read', probe: () => ({ url: '/api/statistics/party/members?asOf=2025-12-31&table=flows&row=total&column=end' }) },
};
