// The education module's public face (教育培训, issue 19): app.ts registers its routes from here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { educationRoutes } from './routes.js';

export const educationModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(educationRoutes, { prefix: '/api' });
};
// 待办: members short of their year's 学时 near and after the year's end, and new secretaries' 任职培训.
export { educationTasks } from './task-service.js';
// The 发展党员 培训 step reads the real 发展对象培训 session and the person's attendance there.
export { candidateTrainingOf } from './candidate-training.js';
// The demo (point 8) records its sessions through the services, as the caller it runs as.
export { createSession, setAttendance } from './service.js';
export { sessionFromLecture } from './lecture-service.js';
