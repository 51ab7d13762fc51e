// The economy module's public face (集体经济, issue 18 points 1–3): app.ts registers its routes from here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { partnershipRoutes } from './partnerships-routes.js';
import { actorsRoutes } from './actors-routes.js';
import { productsRoutes } from './products-routes.js';
import { projectsRoutes } from './projects-routes.js';
import { economyRoutes } from './routes.js';
import { economyPublicRoutes } from './public-routes.js';

export const economyModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(economyRoutes, { prefix: '/api' });
  await app.register(partnershipRoutes, { prefix: '/api' });
  await app.register(economyPublicRoutes, { prefix: '/public' });
  // 一村一品, 经营主体, 村级项目 (issue 18 points 4–5).
  for (const routes of [productsRoutes, actorsRoutes, projectsRoutes]) await app.register(routes, { prefix: '/api' });
};
// The 驾驶舱's 集体经济 tile: counted by the database.
export { economyFigures } from './figures-service.js';
// The assessment's 集体增收 measure: each village's approved 经营性收入 against the year before's.
export { incomeGrowthOf, type IncomeGrowthItem } from './figures-service.js';
// The demo town's past years (first versions, submitted or approved), written in one statement.
export { insertKeptYears, type KeptYear } from './repository.js';
// 村企合作: renewals on 待办; creating one (the demo calls it as the town's caller).
export { partnershipTasks } from './partnerships-figures.js';
export { createPartnership, setPartnershipYears } from './partnerships-service.js';
// 一村一品, 经营主体, 村级项目 (points 4–5): the demo files its records through these; the village's public page (point 6)
// reads its 一村一品 through villageProducts (public fields only).
export { createProduct, villageProducts } from './products-service.js';
export { addActorSupport, createActor } from './actors-service.js';
export { createProject, setProjectIncome } from './projects-service.js';
// 党建示范点 (issue 20): a village showcase's page shows the latest approved collective income.
export { latestApprovedIncome } from './latest-income-repository.js';
