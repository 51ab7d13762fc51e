// The education module's public face (教育培训, issue 19): app.ts registers its routes from here; other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { educationRoutes } from './routes.js';
import { tripRoutes } from './trips-routes.js';
import { venueRoutes } from './venues-routes.js';

export const educationModule: FastifyPluginAsyncZod = async (app) => {
  // Training sessions and hours (points 1–2), 对标学习 (point 4), 培训阵地 (point 5).
  for (const routes of [educationRoutes, tripRoutes, venueRoutes]) await app.register(routes, { prefix: '/api' });
};
// The 驾驶舱 and village card: sessions held this year and members at or short of their 学时.
export { dashboardEducation } from './hours-service.js';
// 待办: members short of their year's 学时 near and after the year's end, and new secretaries' 任职培训.
export { educationTasks } from './task-service.js';
// 待办: each open 对标学习 follow-up on its owner's list.
export { tripActionTasks } from './trips-tasks.js';
// The 发展党员 培训 step reads the real 发展对象培训 session and the person's attendance there.
export { candidateTrainingOf } from './candidate-training.js';
// The demo (point 8) records its sessions, its trip and its venues through the services, as the caller it runs as.
export { createSession, setAttendance } from './service.js';
// The demo's 线上学习 sessions carry the import's own titles (one per branch, platform and month).
export { onlineTitle } from './online-repository.js';
export { sessionFromLecture } from './lecture-service.js';
export { addAction, addParticipant, createTrip, writeTakeaway } from './trips-service.js';
export { createBooking, createHosted, createVenue } from './venues-service.js';
