import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateMatterSchema, DiscussMatterSchema, EscalateMatterSchema, HandleMatterSchema, IdParamSchema, MatterLedgerParamsSchema, MatterLedgerQuerySchema,
  MatterLinkOptionsSchema, MatterListQuerySchema, MatterListSchema, MatterPhotoParamSchema, MatterPhotoQuerySchema, MatterSchema, MatterStepSchema,
  MeetingMattersSchema, RateMatterSchema,
} from '@dj/contracts';
import { sendAttachment } from '../../lib/attachment.js';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { ledgerFile } from './documents.js';
import { linkOptions, meetingMatters } from './links-service.js';
import * as service from './service.js';
import * as stages from './stage-service.js';

const OrgParams = z.object({ orgId: z.coerce.number().int().positive() });
const ActivityParams = z.object({ activityId: z.coerce.number().int().positive() });

/** 村民说事 (issue 20): the cases of the villages in scope, each stage, photos, the meeting view and the ledger. */
export const mattersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['matters'];
  const one = { 200: MatterSchema };
  app.get('/', { schema: { tags, summary: '村民说事列表(按阶段、期限筛选)', querystring: MatterListQuerySchema, response: { 200: MatterListSchema } } },
    async (request) => service.listMatters(app.db, currentUser(request), request.query));
  app.get('/:id', { schema: { tags, summary: '村民说事详情(说事、议事、办事、评事)', params: IdParamSchema, response: one } },
    async (request) => service.getMatter(app.db, currentUser(request), request.params.id, app.cipher));
  app.post('/', { schema: { tags, summary: '登记村民说事', body: CreateMatterSchema, response: one } },
    async (request) => service.createMatter(app.db, callerOf(request), request.body));
  app.post('/:id/discuss', { schema: { tags, summary: '议事:议定意见、责任人、办结期限', params: IdParamSchema, body: DiscussMatterSchema, response: one } },
    async (request) => stages.discussMatter(app.db, callerOf(request), request.params.id, request.body));
  app.post('/:id/steps', { schema: { tags, summary: '办事:登记办理进展', params: IdParamSchema, body: MatterStepSchema, response: one } },
    async (request) => stages.addStep(app.db, callerOf(request), request.params.id, request.body));
  app.post('/:id/handle', { schema: { tags, summary: '办事:办结', params: IdParamSchema, body: HandleMatterSchema, response: one } },
    async (request) => stages.handleMatter(app.db, callerOf(request), request.params.id, request.body));
  app.post('/:id/escalate', { schema: { tags, summary: '上报镇党委(村里解决不了)', params: IdParamSchema, body: EscalateMatterSchema, response: one } },
    async (request) => stages.escalateMatter(app.db, callerOf(request), request.params.id, request.body));
  app.post('/:id/rate', { schema: { tags, summary: '评事:群众评议(不满意重新办理一次)', params: IdParamSchema, body: RateMatterSchema, response: one } },
    async (request) => stages.rateMatter(app.db, callerOf(request), request.params.id, request.body));
  app.post('/:id/photos', { schema: { tags, summary: '上传办理照片(去除位置信息)', params: IdParamSchema, querystring: MatterPhotoQuerySchema, response: one } },
    async (request) => stages.addPhoto(app.db, callerOf(request), request.params.id, request.query.caption, uploadReader(request, 'photo')));
  app.get('/:id/photos/:photoId', { config: { download: ['photo'] }, schema: { tags, summary: '办理照片', params: MatterPhotoParamSchema } }, async (request, reply) => {
    const photo = await stages.readPhoto(app.db, currentUser(request), request.params.id, request.params.photoId);
    return reply.type(photo.mime).header('cache-control', 'private, no-store').send(photo.data);
  });
  app.get('/villages/:orgId/link-options', { schema: { tags, summary: '可关联的会议和四议两公开', params: OrgParams, response: { 200: MatterLinkOptionsSchema } } },
    async (request) => linkOptions(app.db, currentUser(request), request.params.orgId));
  app.get('/meetings/:activityId', { schema: { tags, summary: '会议(三日合一等)的议程和当天说事、议事的事项', params: ActivityParams, response: { 200: MeetingMattersSchema } } },
    async (request) => meetingMatters(app.db, currentUser(request), request.params.activityId));
  app.get('/ledger/:orgId.:format', { schema: { tags, summary: '村民说事台账下载(月度或年度,PDF / Word)', params: MatterLedgerParamsSchema, querystring: MatterLedgerQuerySchema } },
    async (request, reply) => sendAttachment(reply, await ledgerFile(app.db, callerOf(request), request.params.orgId, request.query.period, request.params.format)));
};
