import { z } from 'zod';
import { PastDateSchema } from './dates.js';
import { GENDERS } from './members.js';

/**
 * 在外人才 (issue 15 point 7; the article: 全面掌握各村在外从事生产、经营、管理等工作的优秀人才特别是党员情况, through
 * liaison with 劳动就业部门 and 驻外流动党组织). A person of a village working elsewhere (a party member or not), the
 * contact log, the liaison organisations and the return (回流). Contact dues come from a town setting, never a score.
 */
export const AWAY_EMPLOYER_KINDS = ['enterprise', 'self_employed', 'public_sector', 'startup', 'other'] as const;
export type AwayEmployerKind = (typeof AWAY_EMPLOYER_KINDS)[number];
export const AWAY_EMPLOYER_KIND_LABELS: Record<AwayEmployerKind, string> = {
  enterprise: '企业', self_employed: '个体', public_sector: '机关事业', startup: '自主创业', other: '其他',
};

export const AWAY_CONTACT_METHODS = ['phone', 'wechat', 'visit', 'meeting', 'other'] as const;
export type AwayContactMethod = (typeof AWAY_CONTACT_METHODS)[number];
export const AWAY_CONTACT_METHOD_LABELS: Record<AwayContactMethod, string> = {
  phone: '电话', wechat: '微信', visit: '走访', meeting: '座谈会', other: '其他',
};

export const AWAY_LIAISON_KINDS = ['labour', 'outside_branch', 'other'] as const;
export type AwayLiaisonKind = (typeof AWAY_LIAISON_KINDS)[number];
export const AWAY_LIAISON_KIND_LABELS: Record<AwayLiaisonKind, string> = {
  labour: '劳动就业部门', outside_branch: '驻外流动党组织', other: '其他联络组织',
};

/** Whether a person is still away or has come back (回流). */
export const AWAY_STATUSES = ['away', 'returned'] as const;
export type AwayStatus = (typeof AWAY_STATUSES)[number];
export const AWAY_STATUS_LABELS: Record<AwayStatus, string> = { away: '在外', returned: '已回流' };
/** The list's contact filter: all, contact overdue, due within the warning days. */
export const AWAY_DUE_FILTERS = ['all', 'overdue', 'due'] as const;

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });
const required = (min: number, max: number, label: string) =>
  z.string().trim().min(min, `请填写${label}${min > 1 ? `(至少${min}个字)` : ''}`).max(max, `${label}不能超过${max}个字`).meta({ label });

/** A person not yet known to the platform (not a member): sealed as a member's profile is, the ID number shown masked. */
export const NewAwayPersonSchema = z.object({
  name: z.string().trim().min(2, '姓名至少2个字').max(20, '姓名不能超过20个字').meta({ label: '姓名' }),
  gender: z.enum(GENDERS, { message: '请选择性别' }).meta({ label: '性别' }),
  birthDate: PastDateSchema.meta({ label: '出生日期' }),
  idNumber: z.string().trim().min(15, '身份证号应为18位').max(40).meta({ label: '身份证号' }),
  phone: z.string().trim().max(20).nullable().optional().meta({ label: '联系电话' }),
}).strict();

export const CreateAwayTalentSchema = z.object({
  organizationId: z.number().int().positive().meta({ label: '村党支部' }),
  personId: z.number().int().positive().optional().meta({ label: '人员' }),
  newPerson: NewAwayPersonSchema.optional(),
  place: required(2, 60, '在外地点(城市)'),
  occupation: required(2, 100, '从事工作'),
  employerKind: z.enum(AWAY_EMPLOYER_KINDS, { message: '请选择单位性质' }).meta({ label: '单位性质' }),
  employer: text(100, '单位名称'),
  skills: text(200, '专长技能'),
  leftOn: PastDateSchema.nullable().optional().meta({ label: '外出时间' }),
}).strict().refine((v) => !v.personId !== !v.newPerson, { message: '请选择本村人员,或登记一位新人员', path: ['personId'] });
export type CreateAwayTalent = z.input<typeof CreateAwayTalentSchema>;

/** Where and what change while away: the same fields as registration, each optional. */
export const UpdateAwayTalentSchema = z.object({
  place: required(2, 60, '在外地点(城市)').optional(),
  occupation: required(2, 100, '从事工作').optional(),
  employerKind: z.enum(AWAY_EMPLOYER_KINDS, { message: '请选择单位性质' }).optional().meta({ label: '单位性质' }),
  // Absent stays absent (no transform to null here): a field not sent is left as it was; '' or null clears it.
  employer: z.string().trim().max(100, '单位名称不能超过100个字').nullable().optional().meta({ label: '单位名称' }),
  skills: z.string().trim().max(200, '专长技能不能超过200个字').nullable().optional().meta({ label: '专长技能' }),
  leftOn: PastDateSchema.nullable().optional().meta({ label: '外出时间' }),
}).strict();
export type UpdateAwayTalent = z.input<typeof UpdateAwayTalentSchema>;

export const AwayContactInputSchema = z.object({
  contactedOn: PastDateSchema.meta({ label: '联系日期' }),
  method: z.enum(AWAY_CONTACT_METHODS, { message: '请选择联系方式' }).meta({ label: '联系方式' }),
  contactedBy: required(2, 40, '联系人(谁联系的)'),
  content: required(2, 500, '联系内容'),
}).strict();
export type AwayContactInput = z.input<typeof AwayContactInputSchema>;

export const AwayReturnInputSchema = z.object({
  returnedOn: PastDateSchema.meta({ label: '回流日期' }),
  purpose: required(2, 200, '回乡后从事'),
  support: text(300, '提供的支持'),
}).strict();
export type AwayReturnInput = z.input<typeof AwayReturnInputSchema>;

/** A returnee handed to the talent registry (人才库): only recorded here. */
export const AwayHandoverInputSchema = z.object({
  handedOn: PastDateSchema.meta({ label: '移交日期' }),
  note: text(200, '说明'),
}).strict();
export type AwayHandoverInput = z.input<typeof AwayHandoverInputSchema>;

export const AwayRevealSchema = z.object({
  reason: z.string().trim().min(2, '请填写查看原因(至少2个字)').max(100, '原因不能超过100个字').meta({ label: '查看原因' }),
}).strict();

export const AwayListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum([...AWAY_STATUSES, 'all']).default('away'),
  due: z.enum(AWAY_DUE_FILTERS).default('all'),
  employerKind: z.enum(AWAY_EMPLOYER_KINDS).optional(),
  partyMember: z.enum(['yes', 'no']).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多200条').default(50),
});
export type AwayListQuery = Partial<z.infer<typeof AwayListQuerySchema>>;

export const AwayTalentSchema = z.object({
  id: z.number(), organizationId: z.number(), organizationName: z.string(), personId: z.number(), name: z.string(),
  gender: z.enum(GENDERS), birthDate: z.string(), phoneMasked: z.string().nullable(),
  place: z.string(), occupation: z.string(), employerKind: z.enum(AWAY_EMPLOYER_KINDS), employer: z.string().nullable(),
  skills: z.string().nullable(), leftOn: z.string().nullable(), registeredOn: z.string(),
  /** A party member on the roster; memberId links to the member's page. */
  isMember: z.boolean(), memberId: z.number().nullable(),
  /** The member's open 流动党员 (outflow) entry, when there is one. */
  flow: z.object({ id: z.number(), destination: z.string(), startedOn: z.string() }).nullable(),
  status: z.enum(AWAY_STATUSES), returnedOn: z.string().nullable(), returnPurpose: z.string().nullable(), returnSupport: z.string().nullable(),
  handedOn: z.string().nullable(), handedNote: z.string().nullable(),
  /** The latest contact in this log or in the member's 流动党员 contact log. */
  lastContactOn: z.string().nullable(),
  /** Next contact due (last contact, or registration, plus talent.awayContactMonths); null once returned. */
  contactDueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type AwayTalent = z.infer<typeof AwayTalentSchema>;

export const AwayListSchema = z.object({
  items: z.array(AwayTalentSchema), total: z.number(), page: z.number(), pageSize: z.number(),
  /** Counts of the villages in the filter (status, due), by the database. */
  counts: z.object({ away: z.number(), returned: z.number(), overdue: z.number(), partyMembers: z.number() }),
  contactMonths: z.number(),
  can: z.object({ record: z.boolean() }),
});
export type AwayList = z.infer<typeof AwayListSchema>;

export const AwayContactSchema = z.object({
  id: z.number(), contactedOn: z.string(), method: z.enum(AWAY_CONTACT_METHODS), contactedBy: z.string(), content: z.string(),
  /** 'away' for this log; 'flow' for a line of the member's 流动党员 contact log (read-only here). */
  source: z.enum(['away', 'flow']),
});
export type AwayContact = z.infer<typeof AwayContactSchema>;

export const AwayLiaisonRefSchema = z.object({ id: z.number(), kind: z.enum(AWAY_LIAISON_KINDS), name: z.string(), contactName: z.string().nullable(), contactPhoneMasked: z.string().nullable() });

export const AwayTalentDetailSchema = z.object({
  talent: AwayTalentSchema,
  idNumberMasked: z.string(),
  contacts: z.array(AwayContactSchema),
  liaisons: z.array(AwayLiaisonRefSchema),
  can: z.object({ record: z.boolean() }),
});
export type AwayTalentDetail = z.infer<typeof AwayTalentDetailSchema>;

export const CreateAwayLiaisonSchema = z.object({
  organizationId: z.number().int().positive().meta({ label: '所属组织' }),
  kind: z.enum(AWAY_LIAISON_KINDS, { message: '请选择联络组织类别' }).meta({ label: '类别' }),
  name: required(2, 60, '联络组织名称'),
  place: text(60, '所在地'),
  contactName: text(20, '联系人'),
  contactPhone: z.string().trim().max(20).nullable().optional().transform((v) => v || null).meta({ label: '联系电话' }),
  note: text(200, '备注'),
  coveredIds: z.array(z.number().int().positive()).max(500).default([]).meta({ label: '联系的在外人员' }),
}).strict();
export type CreateAwayLiaison = z.input<typeof CreateAwayLiaisonSchema>;

export const AwayCoverageSchema = z.object({ coveredIds: z.array(z.number().int().positive()).max(500).meta({ label: '联系的在外人员' }) }).strict();
export type AwayCoverage = z.input<typeof AwayCoverageSchema>;

export const AwayLiaisonSchema = z.object({
  id: z.number(), organizationId: z.number(), organizationName: z.string(), kind: z.enum(AWAY_LIAISON_KINDS), name: z.string(),
  place: z.string().nullable(), contactName: z.string().nullable(), contactPhoneMasked: z.string().nullable(), note: z.string().nullable(),
  covered: z.array(z.object({ id: z.number(), name: z.string(), organizationName: z.string() })),
});
export type AwayLiaison = z.infer<typeof AwayLiaisonSchema>;
export const AwayLiaisonListSchema = z.object({ items: z.array(AwayLiaisonSchema), can: z.object({ record: z.boolean() }) });
export type AwayLiaisonList = z.infer<typeof AwayLiaisonListSchema>;

export const AwayOrgQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });
export const AwayIdParamSchema = z.object({ id: z.coerce.number().int().positive() });
export const AwayRevealResultSchema = z.object({ value: z.string().nullable() });
