// The notifications module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationRoutes } from './routes.js';

// Routes declare paths below the prefix; /notifications and /outbox share only /api.
export const notificationsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(notificationRoutes, { prefix: '/api' });
};

export { precomputeCalendars, runReminders } from './reminders.js';
export { createSmsAdapter, drainOutbox, type JobLogger, type SmsAdapter } from './sms.js';
