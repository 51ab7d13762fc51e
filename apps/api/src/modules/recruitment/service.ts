import type { CreateRecruitment, StepDefinition, Recruitment, RecruitmentSummary, RecordStep, StepCheck } from '@dj/contracts';
import { CreateRecruitmentSchema, RecordStepSchema, RecruitmentListQuerySchema, todayInShanghai } from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { can, isSelfOnly, audit, loadOrganizationInScope, type AuthUser, type Caller } from '../../lib/access/index.js';
import { findPersonByIdHash, insertPerson, resolvePlacement, sealPerson } from '../members/index.js';
import { settingValues } from '../settings/index.js';
import { checkStep, type CheckContext } from './rules/checks.js';
import { deadlinesOf, nextStepsOf, openSteps, phaseOf, recordOutcome, stopReason, type RecruitmentSettings, type RecordFact } from './rules/recruitment-state.js';
import { mergeSteps, stepNamed } from './rules/steps.js';
import { applyStepToRoster } from './admission.js';
import { voidableRecordId, type VoidFacts, type VoidPermission } from './rules/void-rules.js';
import * as repo from './repository.js';
import { withSessionTraining } from './training-link.js';

type Row = repo.RecruitmentRow;

export async function stepsOf(db: DbOrTx, tenantId: number): Promise<StepDefinition[]> {
  return mergeSteps(await repo.localSteps(db, tenantId));
}

export async function recruitmentSettings(db: DbOrTx, tenantId: number): Promise<RecruitmentSettings> {
  const v = await settingValues(db, tenantId, [
    'recruitment.talkWithinDays', 'recruitment.noticeDays', 'recruitment.noticeWorkingDays', 'recruitment.reviewIntervalMonths',
    'recruitment.resubmitMonths', 'recruitment.departureMonths', 'reminder.dueSoonDays',
  ]);
  return {
    talkWithinDays: v['recruitment.talkWithinDays'], noticeDays: v['recruitment.noticeDays'], noticeWorkingDays: v['recruitment.noticeWorkingDays'],
    reviewIntervalMonths: v['recruitment.reviewIntervalMonths'], resubmitMonths: v['recruitment.resubmitMonths'],
    departureMonths: v['recruitment.departureMonths'], dueSoonDays: v['reminder.dueSoonDays'],
  };
}


/**
 * A recruitment inside the caller's scope, or 404. A plain 党员 sees only the recruitments of the people they are
 * currently 培养联系人, 入党介绍人 or contact of, wherever those people's branch is.
 */
export async function loadRecruitment(db: DbOrTx, user: AuthUser, id: number): Promise<Row> {
  if (isSelfOnly(user)) {
    const [row] = user.personId ? await repo.listMentoredBy(db, user.tenantId, user.personId, id) : [];
    if (!row) throw notFound('发展党员记录');
    return row;
  }
  const row = await repo.findRecruitment(db, user.scope, id);
  if (!row) throw notFound('发展党员记录');
  return row;
}

interface Loaded {
  steps: StepDefinition[];
  settings: RecruitmentSettings;
  today: string;
  records: Map<number, Awaited<ReturnType<typeof repo.recordsOf>>>;
  notices: Map<number, Awaited<ReturnType<typeof repo.noticesOf>>>;
  probationEnds: Map<number, string | null>;
}

const groupBy = <T extends { recruitmentId: number }>(rows: T[]) => {
  const map = new Map<number, T[]>();
  for (const r of rows) map.set(r.recruitmentId, [...(map.get(r.recruitmentId) ?? []), r]);
  return map;
};

/** Everything the derived views need for a set of recruitments, in a fixed number of queries. */
export async function loadFacts(db: DbOrTx, tenantId: number, rows: readonly Row[]): Promise<Loaded> {
  const ids = rows.map((r) => r.id);
  const memberIds = rows.map((r) => r.memberId).filter((m): m is number => m !== null);
  const ends = await repo.probationEndsOf(db, memberIds);
  const byMember = new Map(ends.map((e) => [e.id, e.probationEndsOn]));
  return {
    steps: await stepsOf(db, tenantId),
    settings: await recruitmentSettings(db, tenantId),
    today: todayInShanghai(),
    records: groupBy(await repo.recordsOf(db, ids)),
    notices: groupBy(await repo.noticesOf(db, ids)),
    probationEnds: new Map(rows.map((r) => [r.id, r.memberId ? byMember.get(r.memberId) ?? null : null])),
  };
}

export function summarize(row: Row, f: Loaded): RecruitmentSummary {
  const records = (f.records.get(row.id) ?? []) as RecordFact[] & Awaited<ReturnType<typeof repo.recordsOf>>;
  const notices = f.notices.get(row.id) ?? [];
  const probationEndsOn = f.probationEnds.get(row.id) ?? null;
  const open = row.status === 'stopped' || row.status === 'confirmed' ? [] : nextStepsOf(f.steps, records, f.settings, probationEndsOn);
  const deadlines = row.status === 'stopped' || row.status === 'confirmed' ? [] : deadlinesOf(f.steps, records, notices, f.settings, probationEndsOn, f.today);
  const last = records[records.length - 1];
  const firstRequired = openSteps(f.steps, records).find((s) => s.required);
  const pressing = deadlines.find((d) => d.status === 'late') ?? deadlines.find((d) => d.status === 'due_soon') ?? deadlines[0] ?? null;
  return {
    id: row.id, name: row.name, gender: row.gender, birthDate: row.birthDate, organizationId: row.organizationId,
    organizationName: row.organizationName, status: row.status, phase: row.status === 'stopped' || row.status === 'confirmed' ? null : row.phase,
    stage: firstRequired?.stage ?? 5, lastStepName: last ? stepNamed(f.steps, last.stepCode)?.name ?? last.stepCode : '',
    lastStepOn: last?.occurredOn ?? '', next: open.find((s) => stepNamed(f.steps, s.code)?.required) ?? open[0] ?? null,
    deadline: pressing, memberId: row.memberId, isDemo: row.isDemo,
  };
}

export async function listRecruitments(db: Db, user: AuthUser, raw: z.input<typeof RecruitmentListQuerySchema>) {
  const query = RecruitmentListQuerySchema.parse(raw);
  let orgPath: string | undefined;
  if (query.orgId) {
    orgPath = (await loadOrganizationInScope(db, user, query.orgId)).path;
  }
  // A plain 党员 has no pipeline of their own: their list is /api/recruitment/mentoring.
  if (isSelfOnly(user)) return { items: [] };
  const rows = await repo.listRecruitments(db, user.scope, { orgPath, phase: query.phase, status: query.status, name: query.q?.replace(/\s+/g, '') });
  const facts = await loadFacts(db, user.tenantId, rows);
  return { items: rows.map((r) => summarize(r, facts)) };
}

/** Facts for the 作废 rules (rules/void-rules.ts), shared by the detail page and void-service. */
export const voidFactsOf = (row: Row, records: VoidFacts['records'], relations: { recordId: number | null }[], steps: StepDefinition[]): VoidFacts => ({
  status: row.status, stoppedOn: row.stoppedOn, stoppedReason: row.stoppedReason, memberId: row.memberId, records, steps,
  linkedRecordIds: new Set(relations.map((r) => r.recordId).filter((id): id is number => id !== null)),
});

export const voidPermissionOf = (user: AuthUser, row: Row): VoidPermission => ({
  record: !isSelfOnly(user) && can(user, 'recruitment.record', row.organizationPath), committee: can(user, 'recruitment.recordCommitteeSteps'),
});

export async function getRecruitment(db: DbOrTx, user: AuthUser, id: number): Promise<Recruitment> {
  const row = await loadRecruitment(db, user, id);
  const f = await loadFacts(db, user.tenantId, [row]);
  const records = f.records.get(row.id) ?? [];
  const voided = await repo.voidedRecordsOf(db, row.id);
  const files = await repo.filesOf(db, [...records, ...voided].map((r) => r.id));
  const notices = f.notices.get(row.id) ?? [];
  const relations = await repo.relationsOf(db, [row.id]);
  const probationEndsOn = f.probationEnds.get(row.id) ?? null;
  const closed = row.status === 'stopped' || row.status === 'confirmed';
  const done = new Set(records.map((r) => r.stepCode));
  const record = !closed && !isSelfOnly(user) && can(user, 'recruitment.record', row.organizationPath);
  const voidable = voidableRecordId(voidFactsOf(row, records, relations, f.steps), voidPermissionOf(user, row));
  const filesOf = (recordId: number) => files.filter((x) => x.recordId === recordId).map(({ id: fileId, name, size }) => ({ id: fileId, name, size }));
  return {
    ...summarize(row, f),
    idNumberMasked: row.idNumberMasked, phoneMasked: row.phoneMasked, education: row.education, occupation: row.occupation,
    stoppedReason: row.stoppedReason,
    steps: f.steps.map((s) => ({ ...s, recorded: done.has(s.code) })),
    records: records.map((r) => ({
      id: r.id, stepCode: r.stepCode, stepName: stepNamed(f.steps, r.stepCode)?.name ?? r.stepCode, stage: stepNamed(f.steps, r.stepCode)?.stage ?? 0,
      occurredOn: r.occurredOn, decidedBy: (r.decidedBy ?? null) as Recruitment['records'][number]['decidedBy'], note: r.note, details: r.details,
      warnings: r.warnings, recordedByName: r.recordedByName, recordedAt: r.recordedAt.toISOString(),
      files: filesOf(r.id), voidable: r.id === voidable, outcome: recordOutcome(r),
    })),
    voidedRecords: voided.map((r) => ({
      id: r.id, stepCode: r.stepCode, stepName: stepNamed(f.steps, r.stepCode)?.name ?? r.stepCode, occurredOn: r.occurredOn,
      recordedByName: r.recordedByName, voidedAt: r.voidedAt!.toISOString(), voidedByName: r.voidedByName, reason: r.reason ?? '', files: filesOf(r.id),
    })),
    nextSteps: closed ? [] : nextStepsOf(f.steps, records, f.settings, probationEndsOn),
    deadlines: closed ? [] : deadlinesOf(f.steps, records, notices, f.settings, probationEndsOn, f.today),
    relations: relations.map(({ recruitmentId: _j, recordId: _r, ...r }) => r),
    notices: notices.map((n) => ({
      id: n.id, stage: n.stage, startsOn: n.startsOn, endsOn: n.endsOn, content: n.content, outcome: n.outcome,
      outcomeNote: n.outcomeNote, publishable: n.publishable, warnings: n.warnings,
    })),
    can: { record, recordCommitteeSteps: record && can(user, 'recruitment.recordCommitteeSteps'), stop: record },
  };
}

/** The rule context for one step: the service resolves what the pure rules cannot look up. */
async function contextFor(db: DbOrTx, user: AuthUser, row: Row, input: z.infer<typeof RecordStepSchema>): Promise<CheckContext> {
  const f = await loadFacts(db, user.tenantId, [row]);
  const named = await repo.membersForRules(db, user.scope, input.details.memberIds ?? []);
  const previous = (await repo.recruitmentsOfPerson(db, row.personId)).find((j) => j.id !== row.id && j.status === 'stopped');
  return {
    steps: f.steps, records: f.records.get(row.id) ?? [], birthDate: row.birthDate, today: f.today, settings: f.settings,
    namedMembers: new Map(named.map((m) => [m.id, m])), rosterEligible: await repo.votingMembers(db, row.organizationId),
    probationEndsOn: f.probationEnds.get(row.id) ?? null, lastRefusalOn: previous?.stoppedOn ?? null,
    notices: f.notices.get(row.id) ?? [],
  };
}

function assertRecordable(user: AuthUser, row: Row, step: StepDefinition | undefined) {
  if (row.status === 'stopped') throw new AppError('CONFLICT', `该发展党员程序已终止:${row.stoppedReason ?? ''}`);
  if (row.status === 'confirmed') throw new AppError('CONFLICT', '已转为正式党员,发展程序已完成');
  if (isSelfOnly(user) || !can(user, 'recruitment.record', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以记录发展党员程序');
  if (step?.actor === 'party_committee' && !can(user, 'recruitment.recordCommitteeSteps')) throw forbidden(`“${step.name}”由上级党委(镇党委)办理并记录`);
}

export async function checkRecruitmentStep(db: Db, user: AuthUser, id: number, raw: RecordStep): Promise<StepCheck> {
  const row = await loadRecruitment(db, user, id);
  const input = await withSessionTraining(db, user, row.personId, RecordStepSchema.parse(raw));
  const ctx = await contextFor(db, user, row, input);
  const step = stepNamed(ctx.steps, input.stepCode);
  const { blocks, warnings } = checkStep(ctx, input);
  return { blocks, warnings, guidance: step?.guidance ?? '' };
}

const refused = (blocks: { rule: string; message: string; source: string }[]) =>
  new AppError('VALIDATION', blocks.map((b) => `${b.message}(${b.source})`).join(';'), blocks.map((b) => ({ path: b.rule, message: `${b.message}(${b.source})` })));

export async function recordRecruitmentStep(db: Db, caller: Caller, id: number, raw: RecordStep): Promise<Recruitment> {
  const { user, ip } = caller;
  const parsed = RecordStepSchema.parse(raw);
  return db.transaction(async (tx) => {
    await repo.lockRecruitment(tx, id);
    const row = await loadRecruitment(tx, user, id);
    const input = await withSessionTraining(tx, user, row.personId, parsed);
    const ctx = await contextFor(tx, user, row, input);
    const step = stepNamed(ctx.steps, input.stepCode);
    assertRecordable(user, row, step);
    const { blocks, warnings } = checkStep(ctx, input);
    if (blocks.length) throw refused(blocks);
    const decidedBy = input.decidedBy ?? (step!.actor === 'applicant' ? 'branch' : step!.actor);
    const recordId = await repo.insertRecord(tx, {
      tenantId: user.tenantId, recruitmentId: id, stepCode: input.stepCode, occurredOn: input.occurredOn, decidedBy,
      note: input.note ?? null, details: input.details, warnings, recordedBy: user.id,
    });
    const fact = { stepCode: input.stepCode, occurredOn: input.occurredOn, details: input.details };
    const memberId = await applyStepToRoster(tx, caller, row, fact, [...ctx.records, fact], ctx.probationEndsOn, recordId);
    const stop = stopReason(fact);
    const state = phaseOf([...ctx.records, fact]);
    await repo.updateRecruitment(tx, id, {
      status: stop ? 'stopped' : state.status, phase: state.phase, memberId: memberId ?? row.memberId,
      ...(stop ? { stoppedOn: input.occurredOn, stoppedReason: stop } : {}),
    });
    await audit(tx, { user, ip }, { action: `recruitment.step.${input.stepCode}`, objectType: 'recruitment',
      objectId: id, detail: { recordId, occurredOn: input.occurredOn, warnings: warnings.map((w) => w.rule), memberId: memberId ?? null } });
    return getRecruitment(tx, user, id);
  });
}

/** A new applicant (or a person applying again) and step 1, in one transaction. */
export async function createRecruitment(db: Db, caller: Caller, raw: CreateRecruitment): Promise<Recruitment> {
  const { user, ip, cipher } = caller;
  const input = CreateRecruitmentSchema.parse(raw);
  return db.transaction(async (tx) => {
    const branch = await resolvePlacement(tx, user, input.organizationId, null);
    if (isSelfOnly(user) || !can(user, 'recruitment.record', branch.path)) throw forbidden('只有镇党委管理员和本支部书记可以登记入党申请');
    const sealed = sealPerson(cipher, { ...input, nativePlace: null, hamlet: null });
    if (!sealed.ok) throw new AppError('VALIDATION', sealed.problems.map((p) => p.message).join(';'), sealed.problems);
    let personId: number;
    const existing = await findPersonByIdHash(tx, user.tenantId, sealed.columns.idNumberHash);
    let lastRefusalOn: string | null = null;
    if (existing) {
      if (existing.memberId) throw new AppError('CONFLICT', '此人已在党员名册中,不能再登记入党申请', [{ path: 'idNumber', message: '已是党员' }]);
      const recruitments = await repo.recruitmentsOfPerson(tx, existing.personId);
      if (recruitments.some((j) => j.status === 'active' || j.status === 'probationary')) {
        throw new AppError('CONFLICT', '此人已有进行中的发展党员程序,请勿重复登记', [{ path: 'idNumber', message: '已有进行中的程序' }]);
      }
      lastRefusalOn = recruitments.find((j) => j.status === 'stopped')?.stoppedOn ?? null;
      personId = existing.personId;
    } else {
      personId = await insertPerson(tx, { tenantId: user.tenantId, ...sealed.columns });
    }
    const steps = await stepsOf(tx, user.tenantId);
    const settings = await recruitmentSettings(tx, user.tenantId);
    const step = { stepCode: 'application', occurredOn: input.appliedOn, details: {} };
    const { blocks, warnings } = checkStep({
      steps, records: [], birthDate: input.birthDate, today: todayInShanghai(), settings, namedMembers: new Map(), rosterEligible: 0,
      probationEndsOn: null, lastRefusalOn, notices: [],
    }, step);
    if (blocks.length) throw refused(blocks);
    const id = await repo.insertRecruitment(tx, { tenantId: user.tenantId, personId, organizationId: branch.id, status: 'active', phase: 'applicant', createdBy: user.id });
    await repo.insertRecord(tx, {
      tenantId: user.tenantId, recruitmentId: id, stepCode: 'application', occurredOn: input.appliedOn, decidedBy: 'branch',
      note: input.note ?? null, details: {}, warnings, recordedBy: user.id,
    });
    await audit(tx, { user, ip }, { action: 'recruitment.create', objectType: 'recruitment',
      objectId: id, detail: { organizationId: branch.id, personReused: !!existing } });
    return getRecruitment(tx, user, id);
  });
}

export async function stopRecruitment(db: Db, caller: Caller, id: number, input: { reason: string; stoppedOn: string }): Promise<Recruitment> {
  const { user, ip } = caller;
  return db.transaction(async (tx) => {
    await repo.lockRecruitment(tx, id);
    const row = await loadRecruitment(tx, user, id);
    assertRecordable(user, row, undefined);
    if (input.stoppedOn > todayInShanghai()) throw new AppError('VALIDATION', '终止日期不能晚于今天', [{ path: 'stoppedOn', message: '终止日期不能晚于今天' }]);
    if (row.memberId) throw new AppError('CONFLICT', '已接收为预备党员:请在转正程序中由支部大会决定取消预备党员资格,不能直接终止');
    await repo.updateRecruitment(tx, id, { status: 'stopped', stoppedOn: input.stoppedOn, stoppedReason: input.reason });
    await audit(tx, { user, ip }, { action: 'recruitment.stop', objectType: 'recruitment',
      objectId: id, detail: { stoppedOn: input.stoppedOn } });
    return getRecruitment(tx, user, id);
  });
}
