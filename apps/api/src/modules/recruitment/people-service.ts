/** Mentors, sponsors and contacts; 公示; attached documents; the steps a town adds. */
import type { Recruitment } from '@dj/contracts';
import {
  CreatePublicNoticeSchema, CreateRelationSchema, CreateStepSchema, PUBLIC_NOTICE_STAGE_LABELS, PublicNoticeOutcomeSchema, RELATION_KIND_LABELS, todayInShanghai,
} from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { withoutMetadata, type CheckedUpload } from '../../lib/uploads/index.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { can, requirePermission, isSelfOnly, audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import { noticeLength } from './rules/checks.js';
import { CENTRAL_STEPS } from './rules/steps.js';
import * as repo from './repository.js';
import { recruitmentSettings, getRecruitment, loadRecruitment, stepsOf } from './service.js';

async function writable(db: DbOrTx, user: AuthUser, id: number) {
  const row = await loadRecruitment(db, user, id);
  if (isSelfOnly(user) || !can(user, 'recruitment.record', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以修改发展党员记录');
  if (row.status === 'stopped') throw new AppError('CONFLICT', '该发展党员程序已终止');
  return row;
}

export async function addRelation(db: Db, caller: Caller, id: number, input: z.infer<typeof CreateRelationSchema>): Promise<Recruitment> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    await writable(tx, user, id);
    if (input.kind === 'contact' && !can(user, 'recruitment.recordCommitteeSteps')) throw forbidden('镇党委委员直接联系由镇党委登记');
    const [m] = await repo.membersForRules(tx, user.scope, [input.memberId]);
    if (!m) throw invalid('memberId', '所选党员不是本镇党员或不在管理范围内');
    // The same rule as the steps: 预备党员 have no 表决权 and cannot vouch for anyone (细则第九条、第十四条;党章第七条).
    if (m.standing !== 'full' || m.status !== 'active' || !m.onRoster) throw invalid('memberId', `${m.name}不是党籍正常的正式党员,不能作培养联系人或入党介绍人`);
    if (input.since > todayInShanghai()) throw invalid('since', '开始日期不能晚于今天');
    const label = RELATION_KIND_LABELS[input.kind];
    const current = (await repo.relationsOf(tx, [id])).filter((r) => r.kind === input.kind && r.until === null);
    if (current.some((r) => r.memberId === m.id)) throw invalid('memberId', `${m.name}已是${label}`);
    // 细则第九条: one or two 培养联系人; 第十四条: two 入党介绍人. A replacement ends the old relation first.
    if (input.kind !== 'contact' && current.length >= 2) {
      throw invalid('memberId', `已有两名${label},请先结束其中一名(《中国共产党发展党员工作细则》${input.kind === 'mentor' ? '第九条' : '第十四条'})`);
    }
    await repo.insertRelations(tx, [{ tenantId: user.tenantId, recruitmentId: id, kind: input.kind, memberId: m.id, since: input.since, createdBy: user.id }]);
    await audit(tx, caller, { action: 'recruitment.relation.add', objectType: 'recruitment', objectId: id, detail: { kind: input.kind, memberId: m.id } });
    return getRecruitment(tx, user, id);
  });
}

export async function endRelation(db: Db, caller: Caller, id: number, relationId: number, until: string): Promise<Recruitment> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    await writable(tx, user, id);
    const ended = await repo.endRelation(tx, id, relationId, until);
    if (!ended) throw notFound('联系人记录');
    if (until < ended.since) throw invalid('until', `结束日期不能早于开始日期(${ended.since})`);
    await audit(tx, caller, { action: 'recruitment.relation.end', objectType: 'recruitment', objectId: id, detail: { relationId, until } });
    return getRecruitment(tx, user, id);
  });
}

function noticeText(name: string, branch: string, stage: keyof typeof PUBLIC_NOTICE_STAGE_LABELS, startsOn: string, endsOn: string) {
  const what = { activist: '确定为入党积极分子', candidate: '列为发展对象', admission: '接收为中共预备党员', confirmation: '转为中共正式党员' }[stage];
  return `经${branch}研究,拟将${name}同志${what},现予以公示。公示时间:${startsOn}至${endsOn}。公示期间,党员和群众如有意见,可通过来信、来电或来访向${branch}或镇党委组织办反映。`;
}

export async function createNotice(db: Db, caller: Caller, id: number, input: z.infer<typeof CreatePublicNoticeSchema>): Promise<Recruitment> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const row = await writable(tx, user, id);
    if (input.endsOn < input.startsOn) throw invalid('endsOn', '公示结束日期不能早于开始日期');
    const settings = await recruitmentSettings(tx, user.tenantId);
    const length = noticeLength(input.startsOn, input.endsOn, settings);
    const warnings = length.ok ? [] : [{ rule: 'notice_length', message: length.message, source: '本镇设置 recruitment.noticeDays / recruitment.noticeWorkingDays' }];
    const noticeId = await repo.insertNotice(tx, {
      tenantId: user.tenantId, recruitmentId: id, stage: input.stage, startsOn: input.startsOn, endsOn: input.endsOn,
      content: input.content || noticeText(row.name, row.organizationName, input.stage, input.startsOn, input.endsOn),
      publishable: input.publishable, warnings, createdBy: user.id,
    });
    await audit(tx, caller, { action: 'recruitment.notice.add', objectType: 'recruitment', objectId: id, detail: { noticeId, stage: input.stage, warnings: warnings.map((w) => w.rule) } });
    return getRecruitment(tx, user, id);
  });
}

export async function setNoticeOutcome(db: Db, caller: Caller, id: number, noticeId: number, input: z.infer<typeof PublicNoticeOutcomeSchema>): Promise<Recruitment> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    await writable(tx, user, id);
    const done = await repo.setNoticeOutcome(tx, id, noticeId, input.outcome, input.outcomeNote ?? null);
    if (!done) throw notFound('公示');
    await audit(tx, caller, { action: 'recruitment.notice.outcome', objectType: 'recruitment', objectId: id, detail: { noticeId, outcome: input.outcome } });
    return getRecruitment(tx, user, id);
  });
}

export async function addFile(db: Db, caller: Caller, id: number, recordId: number, read: () => Promise<CheckedUpload>): Promise<Recruitment> {
  const { user } = caller;
  await writable(db, user, id);
  const records = await repo.recordsOf(db, [id]);
  if (!records.some((r) => r.id === recordId)) throw notFound('步骤记录');
  // Read only after the scope checks, so an out-of-scope id answers 404 whatever was sent; a picture loses its EXIF (GPS).
  const upload = await withoutMetadata(await read());
  return db.transaction(async (tx) => {
    const fileId = await repo.insertFile(tx, {
      tenantId: user.tenantId, recordId, name: upload.filename, mime: upload.mime, size: upload.data.length, data: upload.data, uploadedBy: user.id,
    });
    await audit(tx, caller, { action: 'recruitment.file.add', objectType: 'recruitment', objectId: id, detail: { recordId, fileId, size: upload.data.length } });
    return getRecruitment(tx, user, id);
  });
}

export async function readFile(db: Db, user: AuthUser, id: number, fileId: number) {
  await loadRecruitment(db, user, id);
  const file = await repo.findFile(db, id, fileId);
  if (!file) throw notFound('附件');
  return file;
}

export async function addLocalStep(db: Db, caller: Caller, input: z.infer<typeof CreateStepSchema>) {
  const { user } = caller;
  requirePermission(user, 'recruitment.configureSteps');
  return db.transaction(async (tx) => {
    const steps = await stepsOf(tx, user.tenantId);
    if (!steps.some((s) => s.code === input.afterCode)) throw invalid('afterCode', '插入位置不是已有的步骤');
    if (steps.some((s) => s.name === input.name) || CENTRAL_STEPS.some((s) => s.name === input.name)) throw invalid('name', '已有同名步骤');
    const stepId = await repo.insertLocalStep(tx, { tenantId: user.tenantId, ...input, createdBy: user.id });
    await audit(tx, { user, ip: caller.ip }, { action: 'recruitment.step_definition.add',
      objectType: 'recruitment_step_definition', objectId: stepId, detail: { afterCode: input.afterCode, required: input.required } });
    return { items: await stepsOf(tx, user.tenantId) };
  });
}
