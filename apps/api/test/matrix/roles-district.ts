import type { RoleRow } from './role-types.js';

/**
 * Role table rows of 区级 (issue 17 points 5 and 6): district.read is the 区委组织部's alone, so every town account is refused.
 * A town named in the path is looked up among the caller's district's towns first: a town account has none, so 404.
 */
export const DISTRICT_ROWS: Record<string, RoleRow> = {
  'GET /api/district/towns': { permission: 'district.read', probe: () => ({ url: '/api/district/towns' }) },
  'GET /api/district/dashboard': { permission: 'district.read', probe: () => ({ url: '/api/district/dashboard' }) },
  'POST /api/district/refresh': { permission: 'district.read', probe: () => ({ url: '/api/district/refresh' }) },
  'GET /api/district/towns/:tenantId/dashboard': {
    permission: 'district.read', hiddenWithout: true, probe: ({ world }) => ({ url: `/api/district/towns/${world.town.tenantId}/dashboard` }),
  },
};
