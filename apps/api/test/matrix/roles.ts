import type { Permission } from '../../src/lib/access/index.js';
import { ACTIVITY_ROWS } from './roles-activities.js';
import { ASSESSMENT_ROWS } from './roles-assessment.js';
import { AWAY_ROWS } from './roles-away.js';
import { BENCHMARK_ROWS } from './roles-benchmark.js';
import { CADRE_ROWS } from './roles-cadres.js';
import { CADRE_DOCUMENT_ROWS } from './roles-cadre-documents.js';
import { CORE_ROWS } from './roles-core.js';
import { DASHBOARD_ROWS } from './roles-dashboard.js';
import { DISCLOSURE_ROWS } from './roles-disclosure.js';
import { DISTRICT_ROWS } from './roles-district.js';
import { ECONOMY_ROWS } from './roles-economy.js';
import { PARTNERSHIP_ROWS } from './roles-economy-partnerships.js';
import { ECONOMY_ACTOR_ROWS } from './roles-economy-actors.js';
import { SHOWCASE_ROWS } from './roles-showcases.js';
import { EDUCATION_ROWS } from './roles-education.js';
import { TRIP_ROWS } from './roles-education-trips.js';
import { VENUE_ROWS } from './roles-education-venues.js';
import { EXPORT_ROWS } from './roles-exports.js';
import { HOUSEHOLD_ROWS } from './roles-households.js';
import { INSPECTION_ROWS } from './roles-inspection.js';
import { MATTER_ROWS } from './roles-matters.js';
import { MEMBER_ROWS } from './roles-members.js';
import { POSITION_ROWS } from './roles-positions.js';
import { RECRUITMENT_ROWS } from './roles-recruitment.js';
import { RESERVE_ROWS } from './roles-reserves.js';
import { STATISTICS_ROWS } from './roles-statistics.js';
import { TALENT_ROWS } from './roles-talent.js';
import { TWO_FACTOR_ROWS } from './roles-two-factor.js';
import { USER_ROWS } from './roles-users.js';
import type { RoleRow } from './role-types.js';

/**
 * The role table of the matrix: every guarded route, each with what decides it. A permission row names the
 * permission of lib/access PERMISSIONS, and the expected status per account is generated from that table: a holder
 * gets the route's success, anyone else 403 (or 404 when the probe names a record a plain 党员 does not see). An
 * open row is a route no permission decides: scope (each account reads its part), the caller's own records, or
 * reference data; every account succeeds. Ids outside the scope are probed by the scope matrix.
 */
export const ROLE_MODULES: Record<string, Record<string, RoleRow>> = {
  core: CORE_ROWS, members: MEMBER_ROWS, activities: ACTIVITY_ROWS, recruitment: RECRUITMENT_ROWS, positions: POSITION_ROWS,
  inspection: INSPECTION_ROWS, disclosure: DISCLOSURE_ROWS, twoFactor: TWO_FACTOR_ROWS, users: USER_ROWS, exports: EXPORT_ROWS, cadres: CADRE_ROWS,
  cadreDocuments: CADRE_DOCUMENT_ROWS, away: AWAY_ROWS, reserves: RESERVE_ROWS,
  talent: TALENT_ROWS, assessment: ASSESSMENT_ROWS, statistics: STATISTICS_ROWS, dashboard: DASHBOARD_ROWS,
  benchmark: BENCHMARK_ROWS, economy: ECONOMY_ROWS, partnerships: PARTNERSHIP_ROWS,
  economyActors: ECONOMY_ACTOR_ROWS, education: EDUCATION_ROWS, trips: TRIP_ROWS, venues: VENUE_ROWS,
  district: DISTRICT_ROWS, matters: MATTER_ROWS, showcases: SHOWCASE_ROWS, households: HOUSEHOLD_ROWS,
};
const MODULES = Object.values(ROLE_MODULES);

/** Keys defined by more than one module file (must be none). */
export const DUPLICATE_ROWS = MODULES.flatMap(Object.keys).filter((key, i, all) => all.indexOf(key) !== i);

export const ROLE_ROWS: Record<string, RoleRow> = Object.assign({}, ...MODULES);

/**
 * Permissions no route of the role table probes, each with the reason; every other permission must appear above,
 * so a permission added to the table without a probe fails the matrix.
 */
export const UNPROBED: Partial<Record<Permission, string>> = {
  'supervision.supervise': 'held by the person named supervisor, not by the caller (activities evidence tests)',
  'villages.readAll': 'widens a list rather than refusing (villages list in the scope matrix)',
  'twoFactor.required': 'held by the user signing in, not by a route\'s caller: it decides whether sign-in asks for a code (two-factor tests)',
};
