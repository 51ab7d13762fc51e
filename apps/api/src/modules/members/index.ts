// The members module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { memberRoutes } from './routes.js';
import { memberExcelRoutes } from './excel-routes.js';
import { memberExportRequestRoutes } from './export-request-routes.js';
import { mobilityRoutes } from './mobility-routes.js';
import { duesRoutes } from './dues-routes.js';

// Routes declare paths below the prefix; /members, /member-exports and /dues share only /api.
export const membersModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(memberRoutes, { prefix: '/api' });
  await app.register(memberExcelRoutes, { prefix: '/api' });
  await app.register(memberExportRequestRoutes, { prefix: '/api' });
  await app.register(mobilityRoutes, { prefix: '/api' });
  await app.register(duesRoutes, { prefix: '/api' });
};

export { memberTasks } from './mobility-service.js';
// What admission into the party (recruitment) writes: the person, the member and their membership events.
export { resolvePlacement } from './service.js';
export { sealNewPersonField, sealNonMember, sealPerson, type SealedPerson } from './profile.js';
export { eventsOf, initialEvents, refreshMembershipCache } from './events.js';
export { deriveMembership, validateEventSequence, type MembershipEventKind } from './rules/membership-status.js';
export { findPersonByIdHash, insertEvents, insertMember, insertPerson, updateMember } from './repository.js';
export { computeMonthlyDues, type DuesCategory } from './rules/dues.js';
// 驾驶舱's 流动党员 and 党费 tiles: counted by the database.
export { mobileFigures } from './figures.js';
export { duesFigures } from './dues-repository.js';
// The roster importer's machinery, reused by other imports (cadres' 两委 roster, talent): cell clean-up, dates, yes/no, merged cells, inert text.
export { cleanText, compactNumberText, compactText, headerKey, parseDate, parseYesNo, type CellInput, type Normalised } from './excel/normalise.js';
export { readCell, RosterFormatError, unwrap } from './excel/parse-roster.js';
export { inertText } from './excel/template.js';
// The 对标 (dashboard, issue 17 point 4) reads 当年发展党员数 from here.
export { admittedBetween } from './admissions-repository.js';
// 党建示范点 (issue 20): a showcase's page counts its branch's 党员.
export { memberCountIn } from './count-repository.js';
