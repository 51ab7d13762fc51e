// The notifications module's public face: app.ts registers its routes from here, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationRoutes } from './routes.js';

export const notificationsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(notificationRoutes);
};

export { runReminders } from './reminders.js';
export { createSmsAdapter, drainOutbox, type JobLogger, type SmsAdapter } from './sms.js';
