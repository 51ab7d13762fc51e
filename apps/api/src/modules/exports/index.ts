// The exports module's public face (导出任务): app.ts registers its routes from here; the jobs process starts its runner.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportRoutes } from './routes.js';

export const exportsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(exportRoutes, { prefix: '/api/exports' });
};

export { runNextExport, startExportRunner } from './runner.js';
