import { z } from 'zod';
import { PastDateSchema } from './dates.js';
import { NewCadrePersonSchema, VILLAGE_CADRE_POSTS } from './cadres.js';
import { GENDERS } from './members.js';
import { PIPELINE_PHASES, RECRUITMENT_STATUSES } from './recruitment.js';

/**
 * 后备人才 递进培养计划 (issue 15 point 4): each village keeps candidates for its posts, moved stage by stage
 * (储备 → 培养 → 锻炼/挂职 → 可任用) with dated moves, a mentor among the village's cadres, an evaluation per period,
 * and leaves the pipeline by 任用 (a post held) or 退出 (with the reason).
 */
export const RESERVE_SOURCES = ['local_talent', 'returnee', 'veteran', 'graduate', 'wealth_leader', 'other'] as const;
export type ReserveSource = (typeof RESERVE_SOURCES)[number];
export const RESERVE_SOURCE_LABELS: Record<ReserveSource, string> = {
  local_talent: '本土人才', returnee: '回流人员', veteran: '退役军人', graduate: '大学生', wealth_leader: '致富能手', other: '其他',
};

/** The stages in order: a move to an earlier one is a step back and needs its reason. */
export const RESERVE_STAGES = ['reserve', 'training', 'practice', 'ready'] as const;
export type ReserveStage = (typeof RESERVE_STAGES)[number];
export const RESERVE_STAGE_LABELS: Record<ReserveStage, string> = { reserve: '储备', training: '培养', practice: '锻炼/挂职', ready: '可任用' };
export const isStepBack = (from: ReserveStage, to: ReserveStage) => RESERVE_STAGES.indexOf(to) < RESERVE_STAGES.indexOf(from);

/** In the pipeline, or left it: 任用 (appointed to a post of the village) or 退出. */
export const RESERVE_STATUSES = ['active', 'appointed', 'exited'] as const;
export type ReserveStatus = (typeof RESERVE_STATUSES)[number];
export const RESERVE_STATUS_LABELS: Record<ReserveStatus, string> = { active: '培养中', appointed: '已任用', exited: '已退出' };

/** Every line of a reserve's history: entering, a stage move, a mentor change, leaving. */
export const RESERVE_MOVE_KINDS = ['enter', 'advance', 'back', 'mentor', 'appoint', 'exit'] as const;
export type ReserveMoveKind = (typeof RESERVE_MOVE_KINDS)[number];
export const RESERVE_MOVE_KIND_LABELS: Record<ReserveMoveKind, string> = {
  enter: '列入后备', advance: '进入下一阶段', back: '退回前一阶段', mentor: '更换培养联系人', appoint: '任用', exit: '退出',
};

export const RESERVE_RESULTS = ['excellent', 'good', 'fair', 'poor'] as const;
export type ReserveResult = (typeof RESERVE_RESULTS)[number];
export const RESERVE_RESULT_LABELS: Record<ReserveResult, string> = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' };

const reason = (label: string) => z.string().trim().max(200, `${label}不能超过200个字`).nullable().optional().transform((v) => v || null).meta({ label });

export const AddReserveSchema = z.object({
  personId: z.number().int().positive().optional().meta({ label: '人员' }),
  newPerson: NewCadrePersonSchema.optional(),
  source: z.enum(RESERVE_SOURCES, { message: '请选择人才来源' }).meta({ label: '来源' }),
  sourceNote: z.string().trim().max(100, '来源说明不能超过100个字').nullable().optional().transform((v) => v || null).meta({ label: '来源说明' }),
  enteredOn: PastDateSchema.meta({ label: '列入日期' }),
  /** The mentor (培养联系人): a post held today in the same village. */
  mentorPostId: z.number().int().positive().nullable().optional().meta({ label: '培养联系人' }),
}).strict().superRefine((c, ctx) => {
  if (!c.personId === !c.newPerson) ctx.addIssue({ code: 'custom', path: ['personId'], message: '请选择人员,或登记一位新人员' });
  if (c.source === 'other' && !c.sourceNote) ctx.addIssue({ code: 'custom', path: ['sourceNote'], message: '来源为“其他”时请说明' });
});
export type AddReserve = z.input<typeof AddReserveSchema>;

export const MoveReserveSchema = z.object({
  toStage: z.enum(RESERVE_STAGES, { message: '请选择阶段' }).meta({ label: '转入阶段' }),
  occurredOn: PastDateSchema.meta({ label: '日期' }),
  reason: reason('原因'),
}).strict();
export type MoveReserve = z.input<typeof MoveReserveSchema>;

export const ReserveMentorSchema = z.object({
  mentorPostId: z.number().int().positive().nullable().meta({ label: '培养联系人' }),
  occurredOn: PastDateSchema.meta({ label: '日期' }),
  reason: reason('原因'),
}).strict();
export type ReserveMentor = z.input<typeof ReserveMentorSchema>;

/** A half-year period, as the evaluations are held: 2025-H1 is 2025年上半年. */
export const ReservePeriodSchema = z.string().regex(/^\d{4}-H[12]$/, '考评期次格式应为 2025-H1(上半年)或 2025-H2(下半年)');
export const reservePeriodLabel = (p: string) => `${p.slice(0, 4)}年${p.endsWith('H1') ? '上' : '下'}半年`;

export const ReserveEvaluationInputSchema = z.object({
  period: ReservePeriodSchema.meta({ label: '考评期次' }),
  evaluatedOn: PastDateSchema.meta({ label: '考评日期' }),
  result: z.enum(RESERVE_RESULTS, { message: '请选择考评结果' }).meta({ label: '考评结果' }),
  comment: z.string().trim().min(2, '请填写考评意见(至少2个字)').max(300, '考评意见不能超过300个字').meta({ label: '考评意见' }),
}).strict();
export type ReserveEvaluationInput = z.input<typeof ReserveEvaluationInputSchema>;

export const RESERVE_LEAVE_OUTCOMES = ['appointed', 'exited'] as const;
export const LeaveReserveSchema = z.object({
  outcome: z.enum(RESERVE_LEAVE_OUTCOMES, { message: '请选择任用或退出' }).meta({ label: '去向' }),
  occurredOn: PastDateSchema.meta({ label: '日期' }),
  reason: z.string().trim().min(2, '请填写原因(至少2个字)').max(200, '原因不能超过200个字').meta({ label: '原因' }),
  /** 任用: the post this person holds today in the village (recorded first on the 干部 page). */
  cadrePostId: z.number().int().positive().optional().meta({ label: '任用职务' }),
}).strict().superRefine((c, ctx) => {
  if (c.outcome === 'appointed' && !c.cadrePostId) ctx.addIssue({ code: 'custom', path: ['cadrePostId'], message: '请选择所任职务(先在村干部页登记任职)' });
});
export type LeaveReserve = z.input<typeof LeaveReserveSchema>;

export const ReserveMoveSchema = z.object({
  id: z.number(), kind: z.enum(RESERVE_MOVE_KINDS), fromStage: z.enum(RESERVE_STAGES).nullable(), toStage: z.enum(RESERVE_STAGES).nullable(),
  occurredOn: z.string(), reason: z.string().nullable(), mentorName: z.string().nullable(),
});
export type ReserveMove = z.infer<typeof ReserveMoveSchema>;

export const ReserveEvaluationSchema = z.object({
  id: z.number(), period: z.string(), evaluatedOn: z.string(), result: z.enum(RESERVE_RESULTS), comment: z.string(),
});
export type ReserveEvaluation = z.infer<typeof ReserveEvaluationSchema>;

/** The 发展党员 record of a reserve who is not a party member, when one exists. */
export const ReserveRecruitmentSchema = z.object({
  id: z.number(), status: z.enum(RECRUITMENT_STATUSES), phase: z.enum(PIPELINE_PHASES).nullable(),
});

export const ReserveSchema = z.object({
  id: z.number(), organizationId: z.number(), personId: z.number(), name: z.string(), gender: z.enum(GENDERS), birthDate: z.string(),
  idNumberMasked: z.string(), isMember: z.boolean(),
  source: z.enum(RESERVE_SOURCES), sourceNote: z.string().nullable(), stage: z.enum(RESERVE_STAGES), stageSince: z.string(),
  enteredOn: z.string(), status: z.enum(RESERVE_STATUSES), leftOn: z.string().nullable(), leftReason: z.string().nullable(),
  appointedPost: z.enum(VILLAGE_CADRE_POSTS).nullable(),
  mentorPostId: z.number().nullable(), mentorName: z.string().nullable(), mentorPost: z.enum(VILLAGE_CADRE_POSTS).nullable(),
  recruitment: ReserveRecruitmentSchema.nullable(),
  /** The next evaluation's day (the last one's, or entering's, plus reserves.evaluationMonths); null once left. */
  evaluationDueOn: z.string().nullable(),
  moves: z.array(ReserveMoveSchema), evaluations: z.array(ReserveEvaluationSchema),
});
export type Reserve = z.infer<typeof ReserveSchema>;

export const VillageReservesSchema = z.object({
  organizationId: z.number(), name: z.string(),
  /** In the pipeline first, by stage (可任用 first), then those who left, newest first. */
  reserves: z.array(ReserveSchema),
  target: z.number(), active: z.number(),
  /** People the form may name (editor only): the branch's members, its cadres and reserves, its 发展党员. */
  candidates: z.array(z.object({ personId: z.number(), name: z.string(), isMember: z.boolean() })),
  /** Mentors the form may name (editor only): the village's posts held today. */
  mentors: z.array(z.object({ cadrePostId: z.number(), personId: z.number(), name: z.string(), post: z.enum(VILLAGE_CADRE_POSTS) })),
  can: z.object({ edit: z.boolean() }),
});
export type VillageReserves = z.infer<typeof VillageReservesSchema>;

export const ReserveBoardRowSchema = z.object({
  organizationId: z.number(), name: z.string(),
  byStage: z.object({ reserve: z.number(), training: z.number(), practice: z.number(), ready: z.number() }),
  active: z.number(), target: z.number(), shortBy: z.number(), evaluationsDue: z.number(),
});
export const ReserveBoardSchema = z.object({
  /** Villages in tree order (never ranked); shortBy > 0 when below the target. */
  villages: z.array(ReserveBoardRowSchema),
  target: z.number(), belowTarget: z.number(),
  totals: z.object({ reserve: z.number(), training: z.number(), practice: z.number(), ready: z.number(), active: z.number() }),
});
export type ReserveBoard = z.infer<typeof ReserveBoardSchema>;

export const RESERVE_ROSTER_FORMATS = ['xlsx', 'docx', 'pdf'] as const;
export const ReserveRosterParamsSchema = z.object({ format: z.enum(RESERVE_ROSTER_FORMATS) });
export const ReserveRosterQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });
export const ReserveIdParamSchema = z.object({ id: z.coerce.number().int().positive() });
