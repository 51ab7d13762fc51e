import { sendAttachment } from '../../lib/attachment.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AttendanceInputSchema, AttendeeOptionsQuerySchema, EducationDocumentParamsSchema, TrainingLedgerQuerySchema, PersonRecordParamsSchema, AttendeeOptionsSchema, BranchHoursSchema, CreateTrainingSchema, FromActivitySchema,
  HoursQuerySchema, IdParamSchema, MyStudyQuerySchema, MyStudySchema, MyUpcomingTrainingSchema, ResponseBodySchema, PersonHoursParamSchema, PersonHoursQuerySchema, PersonHoursSchema, TrainingFileParamSchema,
  TrainingInputSchema, TrainingListQuerySchema, TrainingListSchema, TrainingSchema,
  OnlineEntryResultSchema, OnlineEntrySchema, OnlineImportQuerySchema, OnlineImportReportSchema,
} from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { addMaterial, deleteMaterial, readMaterial } from './files-service.js';
import { branchHours, personHours } from './hours-service.js';
import { ledgerFile } from './ledger-documents.js';
import { sessionFromLecture } from './lecture-service.js';
import { myStudy, respondToSession } from './my-service.js';
import { personRecordFile } from './record-documents.js';
import { enterOnline, importOnline } from './online-service.js';
import * as service from './service.js';

/** 教育培训 (issue 19 points 1–2): sessions with attendance and materials, and 学时 against the targets. */
export const educationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['education'];
  const one = { 200: TrainingSchema };
  app.get('/education/sessions', { schema: { tags, summary: '培训/学习列表(本组织举办或本组织人员参加的,按日期倒序)', querystring: TrainingListQuerySchema, response: { 200: TrainingListSchema } } },
    async (request) => service.listSessions(app.db, currentUser(request), request.query));
  app.post('/education/sessions', { schema: { tags, summary: '登记培训/学习', body: CreateTrainingSchema, response: one } },
    async (request) => service.createSession(app.db, callerOf(request), request.body));
  app.post('/education/sessions/from-activity', { schema: { tags, summary: '把三会一课的党课记为学习(学时只计一次)', body: FromActivitySchema, response: one } },
    async (request) => sessionFromLecture(app.db, callerOf(request), request.body));
  app.get('/education/sessions/:id', { schema: { tags, summary: '培训详情(出席名单、计入学时、材料)', params: IdParamSchema, response: one } },
    async (request) => service.getSession(app.db, currentUser(request), request.params.id));
  app.patch('/education/sessions/:id', { schema: { tags, summary: '修改培训', params: IdParamSchema, body: TrainingInputSchema, response: one } },
    async (request) => service.updateSession(app.db, callerOf(request), request.params.id, request.body));
  app.put('/education/sessions/:id/attendees', { schema: { tags, summary: '登记出席名单与计入学时', params: IdParamSchema, body: AttendanceInputSchema, response: one } },
    async (request) => service.setAttendance(app.db, callerOf(request), request.params.id, request.body));
  app.post('/education/sessions/:id/files', { schema: { tags, summary: '上传培训材料', params: IdParamSchema, response: one } },
    async (request) => addMaterial(app.db, callerOf(request), request.params.id, uploadReader(request, 'trainingMaterial', '培训材料')));
  app.get('/education/sessions/:id/files/:fileId', { config: { download: ['trainingMaterial'] }, schema: { tags, summary: '下载培训材料', params: TrainingFileParamSchema } }, async (request, reply) => {
    const file = await readMaterial(app.db, currentUser(request), request.params.id, request.params.fileId);
    return sendAttachment(reply, { filename: file.name, mime: file.mime, data: file.data });
  });
  app.delete('/education/sessions/:id/files/:fileId', { schema: { tags, summary: '删除培训材料', params: TrainingFileParamSchema, response: one } },
    async (request) => deleteMaterial(app.db, callerOf(request), request.params.id, request.params.fileId));
  app.get('/education/attendee-options', { schema: { tags, summary: '可登记的参训人员(本组织的党员、村干部、后备人才、人才、发展党员对象;只含姓名)', querystring: AttendeeOptionsQuerySchema, response: { 200: AttendeeOptionsSchema } } },
    async (request) => service.attendeeOptions(app.db, currentUser(request), request.query.orgId));
  app.get('/education/hours', { schema: { tags, summary: '支部党员年度学时对照要求(应完成/已完成/未完成与分布,不排名)', querystring: HoursQuerySchema, response: { 200: BranchHoursSchema } } },
    async (request) => branchHours(app.db, currentUser(request), request.query.orgId, request.query.year));
  app.get('/education/people/:personId/hours', { schema: { tags, summary: '个人年度学时(按类别)与参加的培训', params: PersonHoursParamSchema, querystring: PersonHoursQuerySchema, response: { 200: PersonHoursSchema } } },
    async (request) => personHours(app.db, currentUser(request), request.params.personId, request.query.year));
  // 培训台账 and 培训档案 (point 6): the same figures as the two routes above, as files.
  app.get('/education/ledger.:format', { schema: { tags, summary: '年度培训台账下载(PDF / Word / xlsx;orgId为某党支部,不填为管理范围内各党支部及汇总)', params: EducationDocumentParamsSchema, querystring: TrainingLedgerQuerySchema } },
    async (request, reply) => sendAttachment(reply, await ledgerFile(app.db, callerOf(request), request.query, request.params.format)));
  app.get('/education/people/:personId/record.:format', { schema: { tags, summary: '个人年度培训档案下载(PDF / Word / xlsx)', params: PersonRecordParamsSchema, querystring: PersonHoursQuerySchema } },
    async (request, reply) => sendAttachment(reply, await personRecordFile(app.db, callerOf(request), request.params.personId, request.query.year, request.params.format)));
  // 我的学习 (issue 19 point 7): the caller's own hours and their branch's coming sessions, answered like 组织生活.
  app.get('/my/education', { schema: { tags, summary: '我的学习(本人):本年度学时对照要求、参加的培训、本支部即将举行的培训', querystring: MyStudyQuerySchema, response: { 200: MyStudySchema } } },
    async (request) => myStudy(app.db, currentUser(request), request.query.year));
  app.post('/education/sessions/:id/responses', { schema: { tags, summary: '党员本人答复培训:参加或请假(不是签到)', params: IdParamSchema, body: ResponseBodySchema, response: { 200: MyUpcomingTrainingSchema } } },
    async (request) => respondToSession(app.db, callerOf(request), request.params.id, request.body));
  // 线上学习 (point 3): optional records of 学习强国 / 灯塔 study, imported (dry run first) or entered for a member.
  app.post('/education/online/import', { schema: { tags, summary: '导入学习强国/灯塔—党建在线导出的学习记录(xlsx;先试运行,再正式导入;按姓名匹配本支部党员)', querystring: OnlineImportQuerySchema, response: { 200: OnlineImportReportSchema } } },
    async (request) => importOnline(app.db, callerOf(request), {
      ...request.query,
      // Checked by the one upload policy (lib/uploads), then by the zip limits before parsing (lib/excel.ts).
      file: async () => (await uploadReader(request, 'onlineStudyTable', '线上学习记录.xlsx')()).data,
    }));
  app.put('/education/online/entries', { schema: { tags, summary: '代为登记党员本人报告的某月线上学习学时(自愿记录,不强制在线)', body: OnlineEntrySchema, response: { 200: OnlineEntryResultSchema } } },
    async (request) => enterOnline(app.db, callerOf(request), request.body));
};
