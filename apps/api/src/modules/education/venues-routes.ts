import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BookingCreateSchema, BookingListSchema, BookingParamsSchema, BookingQuerySchema, BookingSchema, HostedGroupCreateSchema, HostedGroupListSchema,
  HostedGroupParamsSchema, HostedGroupQuerySchema, HostedGroupSchema, VenueCreateSchema, VenueListSchema, VenueParamsSchema, VenueSchema, VenueUpdateSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as service from './venues-service.js';

const OkSchema = z.object({ ok: z.literal(true) });

/** 培训阵地 (issue 19 point 5): venues, bookings (no overlap, within capacity), 参观考察 groups counted per year. */
export const venueRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['education'];
  app.get('/education/venues', { schema: { tags, summary: '培训阵地:管理范围内的场地及容纳人数', response: { 200: VenueListSchema } } },
    async (request) => service.listVenues(app.db, currentUser(request)));
  app.post('/education/venues', { schema: { tags, summary: '登记培训场地(所属单位的镇党委管理员、村党支部书记)', body: VenueCreateSchema, response: { 200: VenueSchema } } },
    async (request) => service.createVenue(app.db, callerOf(request), request.body));
  app.patch('/education/venues/:id', { schema: { tags, summary: '修改培训场地', params: VenueParamsSchema, body: VenueUpdateSchema, response: { 200: VenueSchema } } },
    async (request) => service.updateVenue(app.db, callerOf(request), request.params.id, request.body));
  app.get('/education/bookings', { schema: { tags, summary: '场地预约(按日期、时间;默认今天起60天)', querystring: BookingQuerySchema, response: { 200: BookingListSchema } } },
    async (request) => service.listBookings(app.db, currentUser(request), request.query));
  app.post('/education/venues/:id/bookings', { schema: { tags, summary: '预约场地(时段不得与已有预约重叠,人数不得超过容纳人数)', params: VenueParamsSchema, body: BookingCreateSchema, response: { 200: BookingSchema } } },
    async (request) => service.createBooking(app.db, callerOf(request), request.params.id, request.body));
  app.delete('/education/venues/:id/bookings/:bookingId', { schema: { tags, summary: '取消预约', params: BookingParamsSchema, response: { 200: OkSchema } } },
    async (request) => service.cancelBooking(app.db, callerOf(request), request.params.id, request.params.bookingId));
  app.get('/education/hosted-groups', { schema: { tags, summary: '接待参观考察:某年度的来访团组,及各年度团组数和人数(不排名)', querystring: HostedGroupQuerySchema, response: { 200: HostedGroupListSchema } } },
    async (request) => service.listHosted(app.db, currentUser(request), request.query.year));
  app.post('/education/hosted-groups', { schema: { tags, summary: '登记接待的参观考察团组', body: HostedGroupCreateSchema, response: { 200: HostedGroupSchema } } },
    async (request) => service.createHosted(app.db, callerOf(request), request.body));
  app.delete('/education/hosted-groups/:id', { schema: { tags, summary: '删除误登记的参观考察记录', params: HostedGroupParamsSchema, response: { 200: OkSchema } } },
    async (request) => service.removeHosted(app.db, callerOf(request), request.params.id));
};
