import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { FieldCipher } from './lib/crypto.js';
import authPlugin from './plugins/auth.js';
import errorsPlugin from './plugins/errors.js';
import securityHeaders from './plugins/security-headers.js';
import webPlugin from './plugins/web.js';
import { authRoutes } from './modules/auth/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { villageRoutes } from './modules/villages/routes.js';
import { memberRoutes } from './modules/members/routes.js';
import { memberExcelRoutes } from './modules/members/excel-routes.js';
import { memberExportRequestRoutes } from './modules/members/export-request-routes.js';
import { settingRoutes } from './modules/settings/routes.js';
import { mobilityRoutes } from './modules/members/mobility-routes.js';
import { duesRoutes } from './modules/members/dues-routes.js';
import { activityRoutes } from './modules/activities/routes.js';
import { activityEvidenceRoutes } from './modules/activities/evidence-routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { recruitmentRoutes } from './modules/recruitment/routes.js';
import { recruitmentDocumentRoutes } from './modules/recruitment/document-routes.js';
import { positionRoutes } from './modules/positions/routes.js';
import { inspectionRoutes } from './modules/inspection/routes.js';
import { disclosureRoutes } from './modules/disclosure/routes.js';
import { publicRoutes } from './modules/disclosure/public-routes.js';
import { taskRoutes } from './modules/tasks/routes.js';
import multipart from '@fastify/multipart';
import rateLimits from './plugins/rate-limit.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    cipher: FieldCipher;
    /** Every route as registered, for the scope-matrix guard in the tests. */
    routeList: { method: string; url: string; isPublic: boolean }[];
  }
}

export const BODY_LIMIT = 1024 * 1024;

export interface BuildOptions {
  config: Config;
  db: Db;
  cipher: FieldCipher;
  /** Tests pass false; the server logs JSON lines without request bodies. */
  logger?: boolean;
  /** Where log lines go (stdout by default); the log-hygiene test reads them. */
  logStream?: NodeJS.WritableStream;
}

/** Registers cross-cutting plugins, then the modules. server.ts listens; tests call inject(). */
export async function buildApp({ config, db, cipher, logger = true, logStream }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.LOG_LEVEL, ...(logStream ? { stream: logStream } : {}) } : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('cipher', cipher);
  app.decorate('routeList', []);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeList.push({ method, url: route.url, isPublic: !!route.config?.public });
    }
  });

  await app.register(swagger, {
    openapi: { info: { title: '党建引领乡村振兴工作平台 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(cookie);
  // One xlsx roster per request; 10 MB holds tens of thousands of rows.
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(errorsPlugin);
  await app.register(rateLimits);
  await app.register(securityHeaders);
  await app.register(authPlugin);

  app.get('/api/docs/json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(organizationRoutes);
  await app.register(villageRoutes);
  await app.register(memberRoutes);
  await app.register(memberExcelRoutes);
  await app.register(memberExportRequestRoutes);
  await app.register(settingRoutes);
  await app.register(mobilityRoutes);
  await app.register(taskRoutes);
  await app.register(duesRoutes);
  await app.register(activityRoutes);
  await app.register(activityEvidenceRoutes);
  await app.register(notificationRoutes);
  await app.register(recruitmentRoutes);
  await app.register(recruitmentDocumentRoutes);
  await app.register(positionRoutes);
  await app.register(inspectionRoutes);
  await app.register(disclosureRoutes);
  await app.register(publicRoutes);
  await app.register(webPlugin);
  return app;
}
