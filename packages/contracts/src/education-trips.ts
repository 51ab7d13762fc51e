import { z } from 'zod';
import { BENCHMARK_GROUP_LABELS, BENCHMARK_GROUPS } from './benchmark.js';
import { DateSchema } from './dates.js';

/**
 * 对标学习 (issue 19 point 4): the article's "选择无锡市周庄镇作为对标镇,组织镇村干部'走出去'学习基层党建、美丽乡村、
 * 基层治理、创新发展等方面的内容". A trip is filed under the organisation that organises it (the town's 党委, or a
 * village's branch for its own); its participants and follow-up actions each belong to their own unit, so a village's
 * secretary sees the trips their village took part in and what is theirs in them.
 */

/** The article's four topics: the 对标 indicators' groups (one list, so a trip and the 对标 page say the same). */
export const TRIP_TOPICS = BENCHMARK_GROUPS;
export type TripTopic = (typeof TRIP_TOPICS)[number];
export const TRIP_TOPIC_LABELS: Record<TripTopic, string> = BENCHMARK_GROUP_LABELS;

export const TRIP_LIMITS = {
  title: 60, destination: 60, note: 500, participants: 60, name: 30, post: 30, takeaway: 2000, actions: 40, action: 200, doneNote: 200,
} as const;

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`).meta({ label });
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });
const id = (label: string) => z.number().int().positive().meta({ label });

const TripFieldsSchema = z.object({
  title: text('学习主题', TRIP_LIMITS.title),
  /** Where the cadres went: the benchmark town (周庄镇) or any other place learnt from. */
  destination: text('学习地点', TRIP_LIMITS.destination),
  startsOn: DateSchema.meta({ label: '出发日期' }),
  endsOn: DateSchema.meta({ label: '返回日期' }),
  topics: z.array(z.enum(TRIP_TOPICS)).min(1, '请至少选择一项学习内容').max(TRIP_TOPICS.length).meta({ label: '学习内容' }),
  note: optionalText('行程安排', TRIP_LIMITS.note),
}).strict();

function periodRule(v: { startsOn: string; endsOn: string; topics: TripTopic[] }, ctx: z.RefinementCtx) {
  if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '返回日期不能早于出发日期' });
  if (new Set(v.topics).size !== v.topics.length) ctx.addIssue({ code: 'custom', path: ['topics'], message: '学习内容重复' });
}

/** POST /api/education/trips: the organising organisation (in the caller's scope) and the trip. */
export const TripCreateSchema = TripFieldsSchema.extend({ organizationId: id('组织单位') }).strict().superRefine(periodRule);
export type TripCreate = z.input<typeof TripCreateSchema>;
/** PATCH /api/education/trips/:id: every field again (the organiser stays). */
export const TripUpdateSchema = TripFieldsSchema.superRefine(periodRule);
export type TripUpdate = z.input<typeof TripUpdateSchema>;

/**
 * A participant: an account of the town (镇村干部 who sign in: picked, their name and unit copied) or a cadre without an
 * account (name typed, unit chosen). The unit decides who besides the organiser sees the row and writes its 心得.
 */
export const TripParticipantInputSchema = z.object({
  userId: id('参加人员').nullable().optional().transform((v) => v ?? null),
  name: optionalText('姓名', TRIP_LIMITS.name),
  organizationId: id('所在单位'),
  post: optionalText('职务', TRIP_LIMITS.post),
}).strict().superRefine((v, ctx) => {
  if (!v.userId && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请选择参加人员或填写姓名' });
});
export type TripParticipantInput = z.input<typeof TripParticipantInputSchema>;

/** PUT /api/education/trips/:id/participants/:participantId/takeaway: the participant's 心得 (empty clears it). */
export const TripTakeawaySchema = z.object({ takeaway: optionalText('学习心得', TRIP_LIMITS.takeaway) }).strict();
export type TripTakeaway = z.input<typeof TripTakeawaySchema>;

/** POST /api/education/trips/:id/actions: a follow-up with its owner (an account: it goes on their 待办) and due date. */
export const TripActionCreateSchema = z.object({
  content: text('跟进事项', TRIP_LIMITS.action),
  ownerUserId: id('责任人'),
  /** The unit the action is for (the owner must see it): it decides who sees the action besides the organiser. */
  organizationId: id('责任单位'),
  dueOn: DateSchema.meta({ label: '完成期限' }),
}).strict();
export type TripActionCreate = z.input<typeof TripActionCreateSchema>;

/** PATCH /api/education/trips/:id/actions/:actionId: done (a date, not in the future) or reopened (null), with a note. */
export const TripActionUpdateSchema = z.object({
  dueOn: DateSchema.meta({ label: '完成期限' }),
  doneOn: DateSchema.nullable().meta({ label: '完成日期' }),
  doneNote: optionalText('完成情况', TRIP_LIMITS.doneNote),
}).strict();
export type TripActionUpdate = z.input<typeof TripActionUpdateSchema>;

export const TripParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const TripParticipantParamsSchema = z.object({ id: z.coerce.number().int().positive(), participantId: z.coerce.number().int().positive() });
export const TripActionParamsSchema = z.object({ id: z.coerce.number().int().positive(), actionId: z.coerce.number().int().positive() });
export const TripReportParamsSchema = z.object({ id: z.coerce.number().int().positive(), format: z.enum(['pdf', 'docx']) });
export const TripListQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });

/** 待办 state of a follow-up: open and past its day → overdue; open → due; done → null (closed). */
export type TripActionState = 'due' | 'overdue' | 'done';
export function tripActionState(a: { dueOn: string; doneOn: string | null }, today: string): TripActionState {
  if (a.doneOn) return 'done';
  return a.dueOn < today ? 'overdue' : 'due';
}
export const TRIP_ACTION_STATE_LABELS: Record<TripActionState, string> = { due: '未完成', overdue: '已逾期', done: '已完成' };

export const TripSummarySchema = z.object({
  id: z.number(), organizationId: z.number(), organizationName: z.string(),
  title: z.string(), destination: z.string(), startsOn: z.string(), endsOn: z.string(), topics: z.array(z.enum(TRIP_TOPICS)),
  /** What the caller sees of it (their units' rows when the trip is not theirs). */
  participants: z.number(), actions: z.number(), actionsOpen: z.number(), actionsOverdue: z.number(),
});
export type TripSummary = z.infer<typeof TripSummarySchema>;

export const TripPersonSchema = z.object({ userId: z.number(), name: z.string(), organizationId: z.number(), organizationName: z.string() });
export type TripPerson = z.infer<typeof TripPersonSchema>;

export const TripListSchema = z.object({
  items: z.array(TripSummarySchema),
  /** The organisations the caller may organise a trip for (the form's choice). */
  organizers: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type TripList = z.infer<typeof TripListSchema>;

/** GET /api/education/trips/people: accounts of 镇村干部 in the caller's scope (not plain 党员), each at their unit. */
export const TripPeopleSchema = z.object({ items: z.array(TripPersonSchema) });
export type TripPeople = z.infer<typeof TripPeopleSchema>;

export const TripParticipantSchema = z.object({
  id: z.number(), userId: z.number().nullable(), name: z.string(), organizationId: z.number(), organizationName: z.string(),
  post: z.string().nullable(), takeaway: z.string().nullable(), takeawayAt: z.string().nullable(),
  can: z.object({ writeTakeaway: z.boolean() }),
});
export type TripParticipant = z.infer<typeof TripParticipantSchema>;

export const TripActionSchema = z.object({
  id: z.number(), content: z.string(), ownerUserId: z.number(), ownerName: z.string(), organizationId: z.number(), organizationName: z.string(),
  dueOn: z.string(), doneOn: z.string().nullable(), doneNote: z.string().nullable(), state: z.enum(['due', 'overdue', 'done']),
  can: z.object({ update: z.boolean() }),
});
export type TripAction = z.infer<typeof TripActionSchema>;

export const TripDetailSchema = TripSummarySchema.extend({
  note: z.string().nullable(),
  participantList: z.array(TripParticipantSchema),
  actionList: z.array(TripActionSchema),
  /** edit: the organiser (trip, participants, actions, report); the rows say what else the caller may write. */
  can: z.object({ edit: z.boolean() }),
});
export type TripDetail = z.infer<typeof TripDetailSchema>;
