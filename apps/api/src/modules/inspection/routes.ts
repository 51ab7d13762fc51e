import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AcceptRectificationSchema, CreateInspectionRoundSchema, IdParamSchema, InspectionChecklistSchema, InspectionFileParamsSchema,
  InspectionReportParamsSchema, InspectionResultParamsSchema, InspectionRoundDetailSchema, InspectionRoundListSchema, RecordInspectionResultSchema,
  RectificationDetailSchema, RectificationLedgerParamsSchema, RectificationListQuerySchema, RectificationListSchema, ReopenRectificationSchema,
} from '@dj/contracts';
import { readForm, uploadReader } from '../../lib/uploads/index.js';
import { currentUser, callerOf } from '../../plugins/auth.js';
import { roundReport, type GeneratedFile } from './documents.js';
import { rectificationLedger } from './rectification-documents.js';
import * as rectification from './rectification-service.js';
import { DEFAULT_CHECKLIST } from './rules/checklist.js';
import * as service from './service.js';
import type { Upload } from './uploads.js';

/** Evidence comes as JSON {note}, or as multipart with a `note` field and an optional `file` (in either order). */
async function evidenceBody(request: FastifyRequest): Promise<{ note: unknown; file: Upload | null }> {
  if (!request.isMultipart()) return { note: (request.body as { note?: unknown } | undefined)?.note, file: null };
  const { fields, file } = await readForm(request, 'inspectionEvidence', '整改材料');
  return { note: fields.note, file };
}

/** 联督联查: rounds, results, rectifications and the round's report. */
export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['inspection'];
  const round = { 200: InspectionRoundDetailSchema };
  const rect = { 200: RectificationDetailSchema };

  app.get('/inspection/checklist', { schema: { tags, summary: '联督联查默认检查事项', response: { 200: InspectionChecklistSchema } } },
    async () => ({ items: DEFAULT_CHECKLIST.map((i) => ({ ...i })) }));
  app.get('/inspections', { schema: { tags, summary: '联督联查列表(村里只看到检查过本村的)', response: { 200: InspectionRoundListSchema } } },
    async (request) => service.listRounds(app.db, currentUser(request)));
  app.post('/inspections', { schema: { tags, summary: '安排一次联督联查(检查组、检查事项、检查村)', body: CreateInspectionRoundSchema, response: round } },
    async (request) => service.createRound(app.db, callerOf(request), request.body));
  app.get('/inspections/:id', { schema: { tags, summary: '一次联督联查:各村检查结果(仅管理范围内的村)', params: IdParamSchema, response: round } },
    async (request) => service.getRound(app.db, currentUser(request), request.params.id));
  app.post('/inspections/:id/results', {
    schema: { tags, summary: '记录一个村一项检查结果(发现问题即生成整改任务)', params: IdParamSchema, body: RecordInspectionResultSchema, response: round },
  }, async (request) => service.recordResult(app.db, callerOf(request), request.params.id, request.body));
  app.post('/inspections/:id/results/:resultId/photos', {
    schema: { tags, summary: '上传检查现场照片(去除位置信息,字段名 file)', params: InspectionResultParamsSchema, response: round },
  }, async (request) => service.addResultPhoto(app.db, callerOf(request), request.params.id, request.params.resultId, uploadReader(request, 'photo', '照片')));
  app.post('/inspections/:id/close', { schema: { tags, summary: '结束本次联督联查', params: IdParamSchema, response: round } },
    async (request) => service.closeRound(app.db, callerOf(request), request.params.id));
  // An ASCII fallback name for old clients; filename* carries the Chinese name (RFC 6266 / 5987).
  const sendFile = (reply: FastifyReply, file: GeneratedFile, fallback: string) => reply.type(file.mime).header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .send(file.data);
  app.get('/inspections/:id/report/:format', { schema: { tags, summary: '联督联查情况报告(docx/pdf)', params: InspectionReportParamsSchema } },
    async (request, reply) => sendFile(reply, await roundReport(app.db, callerOf(request), request.params.id, request.params.format), `report.${request.params.format}`));
  app.get('/inspections/:id/rectifications/ledger/:format', { schema: { tags, summary: '本次检查的整改台账(docx/pdf)', params: RectificationLedgerParamsSchema } },
    async (request, reply) => sendFile(reply, await rectificationLedger(app.db, callerOf(request), request.params.id, request.params.format), `rectifications.${request.params.format}`));

  app.get('/inspection-files/:fileId', { config: { download: ['photo', 'inspectionEvidence'] }, schema: { tags, summary: '检查照片或整改材料', params: InspectionFileParamsSchema } }, async (request, reply) => {
    const file = await service.readFile(app.db, currentUser(request), request.params.fileId);
    return reply.type(file.mime).header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.data);
  });

  app.get('/rectifications', {
    schema: { tags, summary: '整改任务(escalated=true 为逾期上报镇党委的)', querystring: RectificationListQuerySchema, response: { 200: RectificationListSchema } },
  }, async (request) => rectification.listRectifications(app.db, currentUser(request), request.query));
  app.get('/rectifications/:id', { schema: { tags, summary: '一项整改任务及其经过', params: IdParamSchema, response: rect } },
    async (request) => rectification.getRectification(app.db, currentUser(request), request.params.id));
  app.post('/rectifications/:id/evidence', {
    schema: { tags, summary: '提交整改材料:JSON {note},或 multipart 字段 note 加可选文件 file(照片或文档)', params: IdParamSchema, response: rect },
  }, async (request) => rectification.submitEvidence(app.db, callerOf(request), request.params.id, () => evidenceBody(request)));
  app.post('/rectifications/:id/accept', { schema: { tags, summary: '验收整改', params: IdParamSchema, body: AcceptRectificationSchema, response: rect } },
    async (request) => rectification.accept(app.db, callerOf(request), request.params.id, request.body.note));
  app.post('/rectifications/:id/reopen', { schema: { tags, summary: '退回整改(须写明原因)', params: IdParamSchema, body: ReopenRectificationSchema, response: rect } },
    async (request) => rectification.reopen(app.db, callerOf(request), request.params.id, request.body.reason));
};
