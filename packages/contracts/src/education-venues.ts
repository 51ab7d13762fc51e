import { z } from 'zod';
import { DateSchema } from './dates.js';

/**
 * 培训阵地 (issue 19 point 5): the article's 150 平方米"乡村振兴讲习所", 耕读文化展馆, 园区"全国示范农民田间学校" and
 * "全市新型职业农民培训基地". Venues are filed under their organisation (the town's 党委 for the town's own), with
 * capacity; bookings refuse an overlap and more people than the venue holds; 参观考察 groups hosted are counted per
 * year by the database. Counts only, never a ranking.
 */
export const VENUE_LIMITS = { name: 40, address: 80, note: 300, purpose: 100, unit: 60, topic: 100, maxCapacity: 10000, maxArea: 100000 } as const;

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`).meta({ label });
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });
const count = (label: string, max: number) =>
  z.number({ message: `${label}须为数字` }).int(`${label}须为整数`).min(1, `${label}至少为1`).max(max, `${label}不能超过${max}`).meta({ label });
/** 'HH:MM', 00:00–23:59 (a booking lies within one day). */
export const ClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM(如 09:00)');

const VenueFieldsSchema = z.object({
  name: text('场地名称', VENUE_LIMITS.name),
  capacity: count('容纳人数', VENUE_LIMITS.maxCapacity),
  areaSqm: count('面积(平方米)', VENUE_LIMITS.maxArea).nullable().optional().transform((v) => v ?? null),
  address: optionalText('地址', VENUE_LIMITS.address),
  note: optionalText('说明', VENUE_LIMITS.note),
}).strict();
export const VenueCreateSchema = VenueFieldsSchema.extend({ organizationId: z.number().int().positive().meta({ label: '所属单位' }) }).strict();
export type VenueCreate = z.input<typeof VenueCreateSchema>;
export const VenueUpdateSchema = VenueFieldsSchema;
export type VenueUpdate = z.input<typeof VenueUpdateSchema>;

/** POST /api/education/venues/:id/bookings: one day, a time range, what for and how many come. */
export const BookingCreateSchema = z.object({
  date: DateSchema.meta({ label: '日期' }),
  startsAt: ClockSchema.meta({ label: '开始时间' }),
  endsAt: ClockSchema.meta({ label: '结束时间' }),
  purpose: text('用途', VENUE_LIMITS.purpose),
  people: count('人数', VENUE_LIMITS.maxCapacity),
}).strict().superRefine((v, ctx) => {
  if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间须晚于开始时间' });
});
export type BookingCreate = z.input<typeof BookingCreateSchema>;

/** POST /api/education/hosted-groups: a 参观考察 group the base received. */
export const HostedGroupCreateSchema = z.object({
  organizationId: z.number().int().positive().meta({ label: '接待单位' }),
  visitedOn: DateSchema.meta({ label: '日期' }),
  unit: text('来访单位', VENUE_LIMITS.unit),
  people: count('人数', VENUE_LIMITS.maxCapacity),
  topic: text('考察内容', VENUE_LIMITS.topic),
  venueId: z.number().int().positive().nullable().optional().transform((v) => v ?? null).meta({ label: '参观场地' }),
}).strict();
export type HostedGroupCreate = z.input<typeof HostedGroupCreateSchema>;

export const VenueParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const BookingParamsSchema = z.object({ id: z.coerce.number().int().positive(), bookingId: z.coerce.number().int().positive() });
export const HostedGroupParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const BookingQuerySchema = z.object({ from: DateSchema.optional(), to: DateSchema.optional() });
export const HostedGroupQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const VenueSchema = z.object({
  id: z.number(), organizationId: z.number(), organizationName: z.string(), name: z.string(), capacity: z.number(),
  areaSqm: z.number().nullable(), address: z.string().nullable(), note: z.string().nullable(),
  can: z.object({ manage: z.boolean() }),
});
export type Venue = z.infer<typeof VenueSchema>;
export const VenueListSchema = z.object({
  items: z.array(VenueSchema),
  /** The organisations the caller may file a venue or a hosted group under. */
  organizers: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type VenueList = z.infer<typeof VenueListSchema>;

export const BookingSchema = z.object({
  id: z.number(), venueId: z.number(), venueName: z.string(), date: z.string(), startsAt: z.string(), endsAt: z.string(),
  purpose: z.string(), people: z.number(), bookedByName: z.string().nullable(),
  can: z.object({ cancel: z.boolean() }),
});
export type Booking = z.infer<typeof BookingSchema>;
/** GET /api/education/bookings?from&to: the venues' bookings in scope, by day and time (default: from today, 60 days). */
export const BookingListSchema = z.object({ from: z.string(), to: z.string(), items: z.array(BookingSchema) });
export type BookingList = z.infer<typeof BookingListSchema>;

export const HostedGroupSchema = z.object({
  id: z.number(), organizationId: z.number(), organizationName: z.string(), visitedOn: z.string(), unit: z.string(), people: z.number(),
  topic: z.string(), venueId: z.number().nullable(), venueName: z.string().nullable(), can: z.object({ remove: z.boolean() }),
});
export type HostedGroup = z.infer<typeof HostedGroupSchema>;
/** A year's count of groups hosted and the people in them (counted by the database, by date; never ranked). */
export const HostedYearSchema = z.object({ year: z.number(), groups: z.number(), people: z.number() });
export type HostedYear = z.infer<typeof HostedYearSchema>;
export const HostedGroupListSchema = z.object({ year: z.number(), items: z.array(HostedGroupSchema), years: z.array(HostedYearSchema) });
export type HostedGroupList = z.infer<typeof HostedGroupListSchema>;
