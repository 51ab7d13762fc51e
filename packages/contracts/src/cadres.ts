import { z } from 'zod';
import { DateSchema, PastDateSchema } from './dates.js';
import { EDUCATIONS, GENDERS } from './members.js';
import { CadreEmploymentSchema, EmploymentTotalsSchema, ServiceTeamMemberSchema, StructureViewSchema } from './cadre-structure.js';

/**
 * 村干部 (issue 15 points 1 and 2): the posts of a village's two committees (村"两委") and the assigned cadres, each
 * held by a person (a party member or not) from a date to a date, with every change kept with its kind and reason.
 */
export const VILLAGE_CADRE_POSTS = [
  'secretary', 'deputy_secretary', 'branch_member', 'director', 'committee_member',
  'family_planning', 'bookkeeper', 'women_director', 'first_secretary',
] as const;
export type VillageCadrePost = (typeof VILLAGE_CADRE_POSTS)[number];
export const VILLAGE_CADRE_POST_LABELS: Record<VillageCadrePost, string> = {
  secretary: '党支部书记', deputy_secretary: '党支部副书记', branch_member: '党支部委员', director: '村委会主任',
  committee_member: '村委会委员', family_planning: '计生专职', bookkeeper: '报账员', women_director: '妇女主任', first_secretary: '第一书记',
};
/** Which body a post belongs to: the 党支部委员会, the 村民委员会, the village's staff posts, or assigned from outside. */
export const CADRE_BODIES = ['branch', 'villagers', 'staff', 'assigned'] as const;
export type CadreBody = (typeof CADRE_BODIES)[number];
export const CADRE_BODY_LABELS: Record<CadreBody, string> = { branch: '村党支部委员会', villagers: '村民委员会', staff: '村务专职', assigned: '驻村选派' };
export const VILLAGE_CADRE_POST_BODY: Record<VillageCadrePost, CadreBody> = {
  secretary: 'branch', deputy_secretary: 'branch', branch_member: 'branch', director: 'villagers', committee_member: 'villagers',
  family_planning: 'staff', bookkeeper: 'staff', women_director: 'staff', first_secretary: 'assigned',
};
/** Posts several people hold at once (委员); every other post has one holder at a time. */
export const MULTI_HOLDER_POSTS: readonly VillageCadrePost[] = ['branch_member', 'committee_member'];
/** Posts a 选派 may fill: a 机关干部 as the village's secretary, and the 第一书记. */
export const ASSIGNABLE_POSTS: readonly VillageCadrePost[] = ['secretary', 'first_secretary'];

/** 选举, 任命, 选派, 调整 start a holding (调整 replaces the holder); 辞职 and 免职 end one. */
export const CADRE_CHANGE_KINDS = ['election', 'appointment', 'assignment', 'adjustment', 'resignation', 'dismissal'] as const;
export type CadreChangeKind = (typeof CADRE_CHANGE_KINDS)[number];
export const CADRE_CHANGE_KIND_LABELS: Record<CadreChangeKind, string> = {
  election: '选举', appointment: '任命', assignment: '选派', adjustment: '调整', resignation: '辞职', dismissal: '免职',
};
export const ENDING_CHANGE_KINDS: readonly CadreChangeKind[] = ['resignation', 'dismissal'];
/** A 调整 writes two history lines: the outgoing holder's (离任) and the incoming one's. */
export const CADRE_CHANGE_ROLES = ['start', 'end'] as const;

/** A non-member cadre, entered once as a person: the ID number is sealed and shown masked, as for members. */
export const NewCadrePersonSchema = z.object({
  name: z.string().trim().min(2, '姓名至少2个字').max(20, '姓名不能超过20个字').meta({ label: '姓名' }),
  gender: z.enum(GENDERS, { message: '请选择性别' }).meta({ label: '性别' }),
  birthDate: PastDateSchema.meta({ label: '出生日期' }),
  idNumber: z.string().trim().min(15, '身份证号应为18位').max(40).meta({ label: '身份证号' }),
  phone: z.string().trim().max(20).nullable().optional().meta({ label: '联系电话' }),
  education: z.enum(EDUCATIONS, { message: '请选择学历' }).nullable().optional().meta({ label: '学历' }),
}).strict();
export type NewCadrePerson = z.input<typeof NewCadrePersonSchema>;

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });

export const RecordCadreChangeSchema = z.object({
  kind: z.enum(CADRE_CHANGE_KINDS, { message: '请选择变动类型' }).meta({ label: '变动类型' }),
  occurredOn: PastDateSchema.meta({ label: '变动日期' }),
  reason: z.string().trim().min(2, '请填写变动原因(至少2个字)').max(200, '变动原因不能超过200个字').meta({ label: '原因' }),
  /** Starting kinds: the post, and the person (an existing one or a new non-member). */
  post: z.enum(VILLAGE_CADRE_POSTS, { message: '请选择职务' }).optional().meta({ label: '职务' }),
  personId: z.number().int().positive().optional().meta({ label: '人员' }),
  newPerson: NewCadrePersonSchema.optional(),
  termId: z.number().int().positive().nullable().optional().meta({ label: '届次' }),
  /** Ending kinds: the holding that ends. */
  cadrePostId: z.number().int().positive().optional().meta({ label: '任职记录' }),
  /** 选派 only. */
  periodEndsOn: DateSchema.optional().meta({ label: '选派期满日期' }),
  homePost: text(60, '原单位职务'),
  sendingUnit: text(60, '派出单位'),
  supportProjects: text(300, '帮扶项目'),
  supportFen: z.number().int().min(0).max(10_000_000_000).nullable().optional().meta({ label: '帮扶资金(分)' }),
}).strict().superRefine((c, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (ENDING_CHANGE_KINDS.includes(c.kind)) {
    if (!c.cadrePostId) issue('cadrePostId', '请选择离任的任职记录');
    return;
  }
  if (!c.post) issue('post', '请选择职务');
  if (!c.personId === !c.newPerson) issue('personId', '请选择人员,或登记一位新人员');
  if (c.kind === 'assignment') {
    if (c.post && !ASSIGNABLE_POSTS.includes(c.post)) issue('post', '选派只用于村党支部书记和第一书记');
    if (!c.periodEndsOn) issue('periodEndsOn', '请填写选派期满日期');
    else if (c.periodEndsOn <= c.occurredOn) issue('periodEndsOn', '选派期满日期应晚于变动日期');
    if (c.post === 'secretary' && !c.homePost) issue('homePost', '请填写选派干部的原单位职务');
    if (c.post === 'first_secretary' && !c.sendingUnit) issue('sendingUnit', '请填写派出单位');
  } else if (c.post === 'first_secretary') issue('kind', '第一书记由上级选派,请选择“选派”');
});
export type RecordCadreChange = z.input<typeof RecordCadreChangeSchema>;

export const CadreTermInputSchema = z.object({
  startYear: z.number().int().min(1990, '届次年份不正确').max(2100, '届次年份不正确').meta({ label: '起始年份' }),
  endYear: z.number().int().min(1990, '届次年份不正确').max(2100, '届次年份不正确').meta({ label: '届满年份' }),
  electedOn: PastDateSchema.meta({ label: '换届选举日期' }),
}).strict().refine((t) => t.endYear > t.startYear, { message: '届满年份应晚于起始年份', path: ['endYear'] });
export type CadreTermInput = z.input<typeof CadreTermInputSchema>;

export const CadreHoldingSchema = z.object({
  id: z.number(), post: z.enum(VILLAGE_CADRE_POSTS), personId: z.number(), name: z.string(), isMember: z.boolean(),
  gender: z.enum(GENDERS), birthDate: z.string(), idNumberMasked: z.string(),
  startedOn: z.string(), endedOn: z.string().nullable(), how: z.enum(CADRE_CHANGE_KINDS), termId: z.number().nullable(),
  periodEndsOn: z.string().nullable(), homePost: z.string().nullable(), sendingUnit: z.string().nullable(),
  supportProjects: z.string().nullable(), supportFen: z.number().nullable(),
  /** 学历 (the person's) and 本土人才 (this holding's), which the team structure counts. */
  education: z.enum(EDUCATIONS).nullable(), localTalent: z.boolean(),
});
export type CadreHolding = z.infer<typeof CadreHoldingSchema>;

export const CadreChangeSchema = z.object({
  id: z.number(), kind: z.enum(CADRE_CHANGE_KINDS), role: z.enum(CADRE_CHANGE_ROLES), post: z.enum(VILLAGE_CADRE_POSTS),
  personId: z.number(), name: z.string(), occurredOn: z.string(), reason: z.string(), recordedAt: z.string(),
});
export type CadreChange = z.infer<typeof CadreChangeSchema>;

export const CadreTermSchema = z.object({ id: z.number(), startYear: z.number(), endYear: z.number(), electedOn: z.string() });
export type CadreTerm = z.infer<typeof CadreTermSchema>;

export const ADJUSTMENT_DECISIONS = ['kept', 'adjusted'] as const;
export type AdjustmentDecision = (typeof ADJUSTMENT_DECISIONS)[number];
export const ADJUSTMENT_DECISION_LABELS: Record<AdjustmentDecision, string> = { kept: '继续留任', adjusted: '予以调整' };

export const SecretaryAdjustmentSchema = z.object({
  id: z.number(), organizationId: z.number(), organizationName: z.string(), personId: z.number(), name: z.string(),
  reason: z.string(), markedOn: z.string(), decision: z.enum(ADJUSTMENT_DECISIONS).nullable(), decisionNote: z.string().nullable(),
  decidedOn: z.string().nullable(),
});
export type SecretaryAdjustment = z.infer<typeof SecretaryAdjustmentSchema>;

export const VillageCadresSchema = z.object({
  organizationId: z.number(), name: z.string(), villageName: z.string().nullable(),
  /** Posts held today, in the order of VILLAGE_CADRE_POSTS. */
  current: z.array(CadreHoldingSchema),
  /** 一肩挑: the person holding both the secretary's and the director's post today (derived, never entered). */
  combined: z.object({ personId: z.number(), name: z.string() }).nullable(),
  terms: z.array(CadreTermSchema),
  /** Every change, newest first. */
  history: z.array(CadreChangeSchema),
  adjustments: z.array(SecretaryAdjustmentSchema),
  /** People the form may name: the branch's members and anyone who held a post here (only for an editor). */
  candidates: z.array(z.object({ personId: z.number(), name: z.string(), isMember: z.boolean() })),
  /** 班子结构 against the town's targets (issue 15 point 3). */
  structure: StructureViewSchema,
  /** 聘用制 of today's holdings (point 5), by holding. */
  employments: z.array(CadreEmploymentSchema),
  /** 乡村振兴服务队 members serving this village today. */
  serviceTeam: z.array(ServiceTeamMemberSchema),
  can: z.object({ edit: z.boolean() }),
});
export type VillageCadres = z.infer<typeof VillageCadresSchema>;

export const CadreBoardRowSchema = z.object({
  organizationId: z.number(), name: z.string(),
  secretary: z.string().nullable(), secretaryHow: z.enum(CADRE_CHANGE_KINDS).nullable(), director: z.string().nullable(),
  combined: z.boolean(), holders: z.number(),
});
export const AssignedCadreSchema = CadreHoldingSchema.extend({ organizationId: z.number(), organizationName: z.string(), daysLeft: z.number().nullable() });
export type AssignedCadre = z.infer<typeof AssignedCadreSchema>;
export const CadreBoardSchema = z.object({
  villages: z.array(CadreBoardRowSchema),
  /** 选派 secretaries and 第一书记 in post, the nearest period end first. */
  assigned: z.array(AssignedCadreSchema),
  adjustments: z.array(SecretaryAdjustmentSchema),
  /** Villages count, 一肩挑 count: computed by the database. */
  totals: z.object({ villages: z.number(), combined: z.number(), withoutSecretary: z.number() }),
  /** 聘用制 counted for the town (point 5). */
  employment: EmploymentTotalsSchema,
  /** 乡村振兴服务队 members in service, the nearest period end first. */
  serviceTeam: z.array(ServiceTeamMemberSchema),
  /** The setting cadres.assignmentDueDays: a period ending within this many days is flagged and on 待办. */
  dueDays: z.number(),
});
export type CadreBoard = z.infer<typeof CadreBoardSchema>;

export const MarkAdjustmentSchema = z.object({
  organizationId: z.number().int().positive().meta({ label: '村党支部' }),
  reason: z.string().trim().min(2, '请填写列入调整的原因(至少2个字)').max(200, '原因不能超过200个字').meta({ label: '原因' }),
  markedOn: PastDateSchema.meta({ label: '列入日期' }),
}).strict();
export type MarkAdjustment = z.input<typeof MarkAdjustmentSchema>;

export const DecideAdjustmentSchema = z.object({
  decision: z.enum(ADJUSTMENT_DECISIONS, { message: '请选择处理结果' }).meta({ label: '处理结果' }),
  decisionNote: z.string().trim().min(2, '请填写决定内容(至少2个字)').max(200, '决定内容不能超过200个字').meta({ label: '决定' }),
  decidedOn: PastDateSchema.meta({ label: '决定日期' }),
}).strict();
export type DecideAdjustment = z.input<typeof DecideAdjustmentSchema>;

export const CadreOrgParamSchema = z.object({ orgId: z.coerce.number().int().positive() });
