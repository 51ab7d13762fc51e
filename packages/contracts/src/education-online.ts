import { z } from 'zod';
import { ImportReportSchema } from './members.js';

/**
 * 线上学习 (issue 19 point 3): 流动党员 study on 学习强国 or 灯塔—党建在线, imported from the platform's xlsx export or
 * entered by the branch for a member who reported it (代为登记 for members without a phone). Optional records that
 * count 学时 like any session: never required, no check-in, no online-time measure, no ranking.
 */
export const ONLINE_PLATFORMS = ['xuexi', 'dengta', 'reported'] as const;
export type OnlinePlatform = (typeof ONLINE_PLATFORMS)[number];
export const ONLINE_PLATFORM_LABELS: Record<OnlinePlatform, string> = {
  xuexi: '学习强国',
  dengta: '灯塔—党建在线',
  reported: '本人报告(支部代为登记)',
};

export const ONLINE_LIMITS = { importRows: 2000, maxMonthHours: 200, note: 200 } as const;

/** A month as YYYY-MM: the online study of a branch, platform and month is one session (its attendee lines the hours). */
export const StudyMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** POST /api/education/online/import's query (the file is the multipart body). */
export const OnlineImportQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** When the sheet has no 平台 column and its title names neither platform. */
  platform: z.enum(ONLINE_PLATFORMS).optional(),
  /** When the sheet has no 日期/月份 column. */
  month: StudyMonthSchema.optional(),
});
export const OnlineImportReportSchema = ImportReportSchema;
export type OnlineImportReport = z.infer<typeof OnlineImportReportSchema>;

/** 代为登记: one member's reported hours of a month on one platform (sets the month's line, so a second entry corrects). */
export const OnlineEntrySchema = z.object({
  orgId: z.number().int().positive().meta({ label: '支部' }),
  personId: z.number().int().positive({ message: '请选择党员' }).meta({ label: '党员' }),
  platform: z.enum(ONLINE_PLATFORMS, { message: '请选择学习平台' }).meta({ label: '学习平台' }),
  month: StudyMonthSchema.meta({ label: '月份' }),
  hours: z.number({ message: '学时须为数字' }).min(0, '学时不能为负').max(ONLINE_LIMITS.maxMonthHours, `一个月的学时不能超过${ONLINE_LIMITS.maxMonthHours}`)
    .refine((v) => Math.round(v * 10) === v * 10, '学时最多一位小数').meta({ label: '学时' }),
}).strict();
export type OnlineEntry = z.input<typeof OnlineEntrySchema>;
export const OnlineEntryResultSchema = z.object({ sessionId: z.number(), personId: z.number(), month: z.string(), platform: z.enum(ONLINE_PLATFORMS), hours: z.number() });
export type OnlineEntryResult = z.infer<typeof OnlineEntryResultSchema>;
