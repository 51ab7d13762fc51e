import { z } from 'zod';
import { PastDateSchema } from './dates.js';
import { MATTER_STAGES } from './matters.js';
import { ImportReportSchema } from './members.js';

/**
 * 党员联户 (认人认门、交友交心; issue 20 point 3): the households of a village each 党员 looks after, with the visits they
 * pay. A household is the village's record (户主, 村民小组, 住址, 人口, 户情 as the village keeps them; no ID numbers), filed
 * under the village's branch; a member is linked to it for a period (since/until, so a reassignment keeps history).
 * The visit interval is a town setting (households.visitIntervalDays). Deadlines only: never a score or ranking of members.
 */
export const VISIT_METHODS = ['door', 'phone', 'wechat', 'field', 'other'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = { door: '上门', phone: '电话', wechat: '微信', field: '田间地头', other: '其他' };

export const HOUSEHOLD_LIMITS = { headName: 30, hamlet: 30, address: 100, situation: 300, raised: 500, note: 300, maxPeople: 50, importRows: 2000, pageSize: 50 } as const;

const L = HOUSEHOLD_LIMITS;
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });

export const HouseholdInputSchema = z.object({
  headName: z.string().trim().min(1, '请填写户主姓名').max(L.headName, `户主姓名不能超过${L.headName}个字`).meta({ label: '户主' }),
  hamlet: text(L.hamlet, '村民小组'),
  address: text(L.address, '住址'),
  people: z.number({ message: '人口须为数字' }).int('人口须为整数').min(1, '人口至少1人').max(L.maxPeople, `人口不能超过${L.maxPeople}人`).nullable().optional()
    .transform((v) => v ?? null).meta({ label: '人口' }),
  /** 户情 as the village records it (独居老人, 脱贫户, 残疾人家庭 …): words, never an ID number. */
  situation: text(L.situation, '户情'),
  /** The head's phone, optional: sealed at rest, shown masked. Empty keeps the stored one on edit; null clears it. */
  phone: z.string().trim().max(20, '电话号码过长').nullable().optional().meta({ label: '户主电话' }),
}).strict();
export type HouseholdInput = z.input<typeof HouseholdInputSchema>;
export const CreateHouseholdSchema = HouseholdInputSchema.extend({ organizationId: z.number().int().positive().meta({ label: '村' }) }).strict();
export type CreateHousehold = z.input<typeof CreateHouseholdSchema>;

/** PUT /api/households/:id/links: the members who look after the household from today (others' links end today). */
export const HouseholdLinksSchema = z.object({
  personIds: z.array(z.number().int().positive()).max(5, '一户最多安排5名联系党员').meta({ label: '联系党员' }),
}).strict();
export type HouseholdLinks = z.infer<typeof HouseholdLinksSchema>;

export const HouseholdVisitInputSchema = z.object({
  visitedOn: PastDateSchema.meta({ label: '走访日期' }),
  method: z.enum(VISIT_METHODS, { message: '请选择走访方式' }).meta({ label: '走访方式' }),
  /** 群众反映的事项: what the household raised (a matter to follow up; 村民说事 takes it on from here). */
  raised: text(L.raised, '反映事项'),
  note: text(L.note, '走访情况'),
}).strict();
export type HouseholdVisitInput = z.input<typeof HouseholdVisitInputSchema>;
/** The secretary's entry for a member (代为登记, for members without a phone): names the member who visited. */
export const ProxyVisitSchema = HouseholdVisitInputSchema.extend({ personId: z.number().int().positive({ message: '请选择走访党员' }).meta({ label: '走访党员' }) }).strict();
export type ProxyVisit = z.input<typeof ProxyVisitSchema>;

export const HouseholdLinkSchema = z.object({ personId: z.number(), name: z.string(), since: z.string(), until: z.string().nullable() });
export type HouseholdLink = z.infer<typeof HouseholdLinkSchema>;

export const HouseholdSchema = z.object({
  id: z.number(), organizationId: z.number(), villageName: z.string(),
  headName: z.string(), hamlet: z.string().nullable(), address: z.string().nullable(), people: z.number().nullable(), situation: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /** The members looking after it now. */
  links: z.array(HouseholdLinkSchema),
  lastVisitOn: z.string().nullable(),
  /** The day a visit is due by (the last visit, else the first link, plus the town's interval); null without a member. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  isDemo: z.boolean(),
  can: z.object({ edit: z.boolean() }),
});
export type Household = z.infer<typeof HouseholdSchema>;

export const HouseholdVisitSchema = z.object({
  id: z.number(), householdId: z.number(), personId: z.number(), personName: z.string(), visitedOn: z.string(), method: z.enum(VISIT_METHODS),
  raised: z.string().nullable(), note: z.string().nullable(),
  /** The 村民说事 case the raised matter became (转为村民说事) and its stage now; null until converted. */
  matterId: z.number().nullable(), matterStage: z.enum(MATTER_STAGES).nullable(),
  /** The caller may turn it into a case now (it raised something, has no case yet, and the route's rule allows them). */
  canRaise: z.boolean(),
  /** Entered by someone else for the member (代为登记). */
  proxy: z.boolean(), enteredByName: z.string(),
});
export type HouseholdVisit = z.infer<typeof HouseholdVisitSchema>;

export const HouseholdDetailSchema = HouseholdSchema.extend({ history: z.array(HouseholdLinkSchema), visits: z.array(HouseholdVisitSchema) });
export type HouseholdDetail = z.infer<typeof HouseholdDetailSchema>;

export const HouseholdListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  hamlet: z.string().trim().max(L.hamlet).optional(),
  personId: z.coerce.number().int().positive().optional(),
  /** 未走访超期 only. */
  due: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuerySchema>;

export const HouseholdVillageSchema = z.object({
  organizationId: z.number(), villageName: z.string(), canEdit: z.boolean(),
  /** Its 村民小组 as its households name them (the filter's choices). */
  hamlets: z.array(z.string()),
  /** Its members on the roster (the picker for links and proxy visits); only for the village the list is filtered to, when the caller keeps it. */
  members: z.array(z.object({ personId: z.number(), name: z.string() })),
});

export const HouseholdListSchema = z.object({
  villages: z.array(HouseholdVillageSchema),
  items: z.array(HouseholdSchema), total: z.number(), page: z.number(), pageSize: z.number(),
  intervalDays: z.number(),
});
export type HouseholdList = z.infer<typeof HouseholdListSchema>;

/** 我的联户: the caller's own households on the phone, those due first. */
export const MyHouseholdsSchema = z.object({ intervalDays: z.number(), items: z.array(HouseholdSchema.extend({ visits: z.array(HouseholdVisitSchema) })) });
export type MyHouseholds = z.infer<typeof MyHouseholdsSchema>;
export type MyHousehold = MyHouseholds['items'][number];

export const HouseholdImportQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export const HouseholdImportReportSchema = ImportReportSchema;
export type HouseholdImportReport = z.infer<typeof HouseholdImportReportSchema>;

/** The 驾驶舱's and village card's 联户 figures (counted in SQL). */
export interface HouseholdFigures { households: number; linked: number; visited: number; due: number; intervalDays: number }
