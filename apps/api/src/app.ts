import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { refuseNulBytes } from '@dj/contracts';
import type { z } from 'zod';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { FieldCipher } from './lib/crypto.js';
import { importLimitsOf, setImportLimits } from './lib/excel.js';
import { limitsOf as uploadLimitsOf, setUploadLimits } from './lib/uploads/index.js';
import authPlugin from './plugins/auth.js';
import deniedAudit from './plugins/denied-audit.js';
import errorsPlugin from './plugins/errors.js';
import openapi, { OPENAPI_URL } from './plugins/openapi.js';
import securityHeaders from './plugins/security-headers.js';
import webPlugin from './plugins/web.js';
import { healthModule } from './modules/health/index.js';
import { authModule, type SecondStep } from './modules/auth/index.js';
import { secondStep, twoFactorModule } from './modules/two-factor/index.js';
import { organizationsModule } from './modules/organizations/index.js';
import { villagesModule } from './modules/villages/index.js';
import { membersModule } from './modules/members/index.js';
import { settingsModule } from './modules/settings/index.js';
import { tasksModule } from './modules/tasks/index.js';
import { activitiesModule } from './modules/activities/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { recruitmentModule } from './modules/recruitment/index.js';
import { positionsModule } from './modules/positions/index.js';
import { cadresModule } from './modules/cadres/index.js';
import { talentModule } from './modules/talent/index.js';
import { economyModule } from './modules/economy/index.js';
import { educationModule } from './modules/education/index.js';
import { mattersModule } from './modules/matters/index.js';
import { showcasesModule } from './modules/showcases/index.js';
import { householdsModule } from './modules/households/index.js';
import { assessmentModule } from './modules/assessment/index.js';
import { dashboardModule } from './modules/dashboard/index.js';
import { districtModule } from './modules/district/index.js';
import { inspectionModule } from './modules/inspection/index.js';
import { disclosureModule } from './modules/disclosure/index.js';
import { usersModule } from './modules/users/index.js';
import { exportsModule } from './modules/exports/index.js';
import { statisticsModule } from './modules/statistics/index.js';
import multipart from '@fastify/multipart';
import rateLimits from './plugins/rate-limit.js';
import { serializeError, serializeRequest } from './lib/log-redaction.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    cipher: FieldCipher;
    /** Every route as registered, for the scope-matrix guard in the tests. */
    routeList: { method: string; url: string; isPublic: boolean }[];
    /** What sign-in asks between the password and the session: the second factor (issue 12 point 3). */
    secondStep: SecondStep;
    worker: WorkerLabel | null;
  }
}

/**
 * Every route's body, query and path parameters are checked by its zod schema behind the contracts' NUL-byte refusal
 * (issue 12 point 5): one place, so no route's text reaches PostgreSQL with a byte it refuses.
 */
const requestValidator: typeof validatorCompiler = ({ schema, ...rest }) =>
  validatorCompiler({ ...rest, schema: refuseNulBytes(schema as z.ZodType) });

// Fastify types these factories in Ajv's terms; at run time a factory only has to return a compiler.
const ZOD_COMPILERS = {
  buildValidator: () => requestValidator,
  buildSerializer: () => serializerCompiler,
} as unknown as NonNullable<FastifyServerOptions['schemaController']>['compilersFactory'];

export const BODY_LIMIT = 1024 * 1024;

const LOG_SERIALIZERS = { req: serializeRequest, err: serializeError };

export interface BuildOptions {
  config: Config;
  db: Db;
  cipher: FieldCipher;
  /** Tests pass false; the server logs JSON lines without request bodies. */
  logger?: boolean;
  /** Where log lines go (stdout by default); the log-hygiene test reads them. */
  logStream?: NodeJS.WritableStream;
  /** This process's place in a cluster (WORKERS > 1): answered in X-Worker and /healthz. */
  worker?: WorkerLabel;
}

/** A process of a cluster: its cluster worker id and whether it runs the jobs (exactly one does). */
export interface WorkerLabel { id: number; jobs: boolean }

/** Registers cross-cutting plugins, then the modules. server.ts listens; tests call inject(). */
export async function buildApp({ config, db, cipher, logger = true, logStream, worker }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // No personal number in any log line (issue 12 point 5): URLs without query values, errors without parameters.
    logger: logger ? { level: config.LOG_LEVEL, serializers: LOG_SERIALIZERS, ...(logStream ? { stream: logStream } : {}) } : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    // Zod validates and serialises every route (a stored build is encoded once, when built: decision 014); handing
    // Fastify the compilers here keeps it from loading its default Ajv and fast-json-stringify compilers, which no
    // route uses (about 150 ms of every start).
    schemaController: { compilersFactory: ZOD_COMPILERS },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(requestValidator);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('cipher', cipher);
  app.decorate('routeList', []);
  app.decorate('secondStep', secondStep);
  app.decorate('worker', worker ?? null);
  // Which process answered (several on one port share nothing but the database): for the operator and the WORKERS test.
  if (worker) app.addHook('onSend', async (_request, reply) => { reply.header('x-worker', String(worker.id)); });
  // Workbook parsing is limited process-wide (lib/excel.ts): one semaphore, whichever app instance parses. The upload
  // policy's limits (lib/uploads) are process-wide the same way.
  setImportLimits(importLimitsOf(config));
  setUploadLimits(uploadLimitsOf(config));
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeList.push({ method, url: route.url, isPublic: !!route.config?.public });
    }
  });

  await app.register(openapi);
  await app.register(cookie);
  // One file per request, at most UPLOAD_MAX_MB (10 MB holds a roster of tens of thousands of rows); lib/uploads checks
  // each file against the one upload policy and turns the size refusal into a 413 naming the limit.
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(errorsPlugin);
  await app.register(rateLimits);
  await app.register(securityHeaders);
  await app.register(authPlugin);
  await app.register(deniedAudit);

  app.get(OPENAPI_URL, { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await app.register(healthModule);
  await app.register(authModule);
  await app.register(twoFactorModule);
  await app.register(organizationsModule);
  await app.register(villagesModule);
  await app.register(membersModule);
  await app.register(settingsModule);
  await app.register(tasksModule);
  await app.register(activitiesModule);
  await app.register(notificationsModule);
  await app.register(recruitmentModule);
  await app.register(positionsModule);
  await app.register(cadresModule);
  await app.register(talentModule);
  await app.register(economyModule);
  await app.register(educationModule);
  await app.register(mattersModule);
  await app.register(showcasesModule);
  await app.register(householdsModule);
  await app.register(assessmentModule);
  await app.register(dashboardModule);
  await app.register(districtModule);
  await app.register(inspectionModule);
  await app.register(disclosureModule);
  await app.register(usersModule);
  await app.register(exportsModule);
  await app.register(statisticsModule);
  await app.register(webPlugin);
  return app;
}
