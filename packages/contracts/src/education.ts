import { z } from 'zod';
import { ACTIVITY_RESPONSES } from './activity-evidence.js';
import { DateSchema } from './dates.js';

/**
 * 教育培训 (issue 19 points 1–2): training sessions with attendance and 学时, and each person's hours of a year against
 * the targets of 《中国共产党党员教育管理工作条例》第二十条 and the 2019—2023 规划 (settings education.*, with their source). Hours are a record of
 * study, never a score or a ranking (the 2026 rules: study time is not a measure of anyone).
 */
export const TRAINING_KINDS = [
  'rotation_town', 'rotation_county', 'branch_study', 'dengta_class', 'institute_course', 'field_school', 'candidate_training',
  'online_study',
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  rotation_town: '集中轮训(镇级)',
  rotation_county: '集中轮训(县区级)',
  branch_study: '支部学习',
  dengta_class: '灯塔大课堂/视频集中收看',
  institute_course: '讲习所课程',
  field_school: '田间学校课程',
  candidate_training: '发展对象培训',
  online_study: '线上学习(学习强国/灯塔,导入或代为登记)',
};
/** Kinds a session form offers: 线上学习 is written only by its import and its entry form (education-online.ts). */
export const FORM_TRAINING_KINDS: readonly TrainingKind[] = TRAINING_KINDS.filter((k) => k !== 'online_study');
/** The kinds a new secretary's 任职培训 may be: a 集中轮训 at town or county level. */
export const ROTATION_KINDS: readonly TrainingKind[] = ['rotation_town', 'rotation_county'];

export const ATTENDEE_STATES = ['present', 'absent'] as const;
export type AttendeeState = (typeof ATTENDEE_STATES)[number];
export const ATTENDEE_STATE_LABELS: Record<AttendeeState, string> = { present: '出席', absent: '缺席' };

/** 应完成 (the year still runs), 已完成, 未完成 (the year ended short): a deadline, never a grade. */
export const STUDY_STATUSES = ['due', 'done', 'late'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];
export const STUDY_STATUS_LABELS: Record<StudyStatus, string> = { due: '应完成', done: '已完成', late: '未完成' };

export const TRAINING_LIMITS = { title: 80, venue: 80, lecturers: 120, note: 500, maxHours: 200, maxDays: 60, maxAttendees: 500, villagerName: 30 } as const;
const L = TRAINING_LIMITS;

const hoursField = (label: string) => z.number({ message: `${label}须为数字` }).min(0, `${label}不能为负`).max(L.maxHours, `${label}过大`)
  .refine((v) => Math.round(v * 10) === v * 10, `${label}最多一位小数`).meta({ label });
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });

export const TrainingInputSchema = z.object({
  kind: z.enum(TRAINING_KINDS, { message: '请选择培训类别' }).meta({ label: '培训类别' }),
  title: z.string().trim().min(2, '主题至少2个字').max(L.title, `主题不能超过${L.title}个字`).meta({ label: '主题' }),
  startsOn: DateSchema.meta({ label: '开始日期' }),
  endsOn: DateSchema.meta({ label: '结束日期' }),
  hours: hoursField('学时').refine((v) => v > 0, '学时须大于0'),
  /** Free text for now: the training base's venues (issue 19 point 5) come as a table of their own. */
  venue: text(L.venue, '地点'),
  lecturers: text(L.lecturers, '授课人'),
  note: text(L.note, '备注'),
}).strict();
export type TrainingInput = z.input<typeof TrainingInputSchema>;

export const CreateTrainingSchema = TrainingInputSchema.extend({
  /** The organiser: the town's 党委 for a 集中轮训, a branch for its own study. */
  organizationId: z.number().int().positive().meta({ label: '组织单位' }),
}).strict();
export type CreateTraining = z.input<typeof CreateTrainingSchema>;

/** The dates' order and length; the API answers 400 on the field, the form shows it beside the field. */
export function trainingDateProblem(t: { startsOn: string; endsOn: string }): { field: string; message: string } | null {
  if (t.endsOn < t.startsOn) return { field: 'endsOn', message: '结束日期不能早于开始日期' };
  if (trainingDays(t) > L.maxDays) return { field: 'endsOn', message: `一次培训不超过${L.maxDays}天,更长的请分期登记` };
  return null;
}

/** Calendar days from start to end, both included (the 发展对象 training's 三天 counts these). */
export function trainingDays(t: { startsOn: string; endsOn: string }): number {
  return Math.round((Date.parse(t.endsOn) - Date.parse(t.startsOn)) / 86_400_000) + 1;
}

export const AttendeeInputSchema = z.object({
  /** A person the platform knows (member, cadre, reserve, talent), or … */
  personId: z.number().int().positive().nullable().optional().transform((v) => v ?? null),
  /** … a villager at a 田间学校 course, by name only (not a record of the platform). */
  villagerName: text(L.villagerName, '村民姓名'),
  state: z.enum(ATTENDEE_STATES, { message: '请选择出席情况' }),
  /** Defaults to the session's hours when present, 0 when absent. */
  hoursCredited: hoursField('计入学时').nullable().optional().transform((v) => v ?? null),
}).strict().refine((a) => (a.personId === null) !== (a.villagerName === null), { message: '请选择人员或填写村民姓名(二者选一)', path: ['personId'] });
export const AttendanceInputSchema = z.object({
  attendees: z.array(AttendeeInputSchema).max(L.maxAttendees, `一次培训最多登记${L.maxAttendees}人`),
}).strict();
export type AttendanceInput = z.input<typeof AttendanceInputSchema>;

export const FromActivitySchema = z.object({
  activityId: z.number().int().positive(),
  hours: hoursField('学时').refine((v) => v > 0, '学时须大于0'),
}).strict();
export type FromActivity = z.input<typeof FromActivitySchema>;

export const ATTENDEE_SOURCES = ['member', 'person', 'villager'] as const;
export const AttendeeSchema = z.object({
  id: z.number(), personId: z.number().nullable(), name: z.string(), source: z.enum(ATTENDEE_SOURCES),
  organizationName: z.string().nullable(), state: z.enum(ATTENDEE_STATES), hoursCredited: z.number(),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const TrainingSummarySchema = z.object({
  id: z.number(), organizationId: z.number(), organizationName: z.string(), kind: z.enum(TRAINING_KINDS), title: z.string(),
  startsOn: z.string(), endsOn: z.string(), hours: z.number(), venue: z.string().nullable(), lecturers: z.string().nullable(),
  /** The 三会一课 党课 it was recorded from, if any: its hours count once, here. */
  activityId: z.number().nullable(), attendees: z.number(), present: z.number(), isDemo: z.boolean(),
});
export type TrainingSummary = z.infer<typeof TrainingSummarySchema>;

export const TrainingSchema = TrainingSummarySchema.extend({
  note: z.string().nullable(),
  attendeeList: z.array(AttendeeSchema),
  files: z.array(z.object({ id: z.number(), name: z.string(), size: z.number(), uploadedAt: z.string() })),
  /** Members' answers before the day (参加 / 请假 with the reason): a courtesy to the organiser, never attendance. */
  responses: z.array(z.object({ personId: z.number(), name: z.string(), response: z.enum(ACTIVITY_RESPONSES), reason: z.string().nullable() })),
  can: z.object({ edit: z.boolean() }),
});
export type Training = z.infer<typeof TrainingSchema>;

export const TrainingListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  kind: z.enum(TRAINING_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const TrainingListSchema = z.object({ items: z.array(TrainingSummarySchema), canRecord: z.boolean() });
export type TrainingList = z.infer<typeof TrainingListSchema>;

export const TrainingFileParamSchema = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });

/** Who may be named at a session of a branch: its members, and the cadres, reserves and talents filed under it. */
export const AttendeeOptionSchema = z.object({ personId: z.number(), name: z.string(), source: z.enum(['member', 'person']), note: z.string() });
export const AttendeeOptionsSchema = z.object({ items: z.array(AttendeeOptionSchema) });
export const AttendeeOptionsQuerySchema = z.object({ orgId: z.coerce.number().int().positive() });

// —— 学时 against the targets ——

export const HoursQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const PersonHoursParamSchema = z.object({ personId: z.coerce.number().int().positive() });
export const PersonHoursQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const byKind = z.record(z.enum(TRAINING_KINDS), z.number());
export const TARGET_GROUPS = ['member', 'leader'] as const;
export const TARGET_GROUP_LABELS: Record<(typeof TARGET_GROUPS)[number], string> = { member: '党员', leader: '书记和班子成员' };

export const PersonYearSchema = z.object({
  personId: z.number(), memberId: z.number(), name: z.string(), group: z.enum(TARGET_GROUPS),
  byKind, total: z.number(), target: z.number(), status: z.enum(STUDY_STATUSES),
});
export type PersonYear = z.infer<typeof PersonYearSchema>;

/** A new secretary's 任职培训: due within education.newSecretaryMonths of taking office (the town's period). */
export const NewSecretarySchema = z.object({
  memberId: z.number(), name: z.string(), startedOn: z.string(), dueOn: z.string(), trainedOn: z.string().nullable(), status: z.enum(STUDY_STATUSES),
});

export const BranchHoursSchema = z.object({
  organizationId: z.number(), organizationName: z.string(), year: z.number(),
  targets: z.object({ member: z.number(), leader: z.number(), source: z.string() }),
  /** In roster order (by name), never by hours: a distribution is shown, not a ranking. */
  people: z.array(PersonYearSchema),
  distribution: z.object({
    done: z.number(), due: z.number(), late: z.number(),
    /** How far each person is against their own target, in four bands. */
    bands: z.array(z.object({ label: z.string(), count: z.number() })),
  }),
  newSecretaries: z.array(NewSecretarySchema),
});
export type BranchHours = z.infer<typeof BranchHoursSchema>;

export const PersonHoursSchema = z.object({
  personId: z.number(), name: z.string(), year: z.number(),
  /** Null for someone who is not a 党员 of the town (a villager, a talent): no target applies. */
  target: z.number().nullable(), group: z.enum(TARGET_GROUPS).nullable(),
  byKind, total: z.number(), status: z.enum(STUDY_STATUSES).nullable(),
  sessions: z.array(z.object({
    sessionId: z.number(), title: z.string(), kind: z.enum(TRAINING_KINDS), startsOn: z.string(), endsOn: z.string(),
    state: z.enum(ATTENDEE_STATES), hoursCredited: z.number(),
  })),
});
export type PersonHours = z.infer<typeof PersonHoursSchema>;

/** Four bands of hours against the person's own target: the distribution of a branch. */
export const HOUR_BANDS = ['未开始', '不足一半', '过半未完成', '已完成'] as const;
export function bandOf(total: number, target: number): number {
  if (total >= target) return 3;
  if (total <= 0) return 0;
  return total * 2 < target ? 1 : 2;
}

// —— 我的学习 (issue 19 point 7): the member's own page ——

export const MyStudyQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** A coming session of the member's branch, with their own answer; no check-in, the organiser records attendance. */
export const MyUpcomingTrainingSchema = z.object({
  id: z.number(), kind: z.enum(TRAINING_KINDS), title: z.string(), startsOn: z.string(), endsOn: z.string(), hours: z.number(),
  venue: z.string().nullable(), organizationName: z.string(),
  myResponse: z.enum(ACTIVITY_RESPONSES).nullable(),
  /** False once the attendance is in (the session began): then nothing is asked. */
  canRespond: z.boolean(),
});
export type MyUpcomingTraining = z.infer<typeof MyUpcomingTrainingSchema>;

export const MyStudySchema = z.object({
  /** The member's year against their own target, and the sessions they were named at. */
  hours: PersonHoursSchema,
  upcoming: z.array(MyUpcomingTrainingSchema),
});
export type MyStudy = z.infer<typeof MyStudySchema>;

// —— 培训台账与培训档案 (issue 19 point 6): downloads ——

export const EDUCATION_DOCUMENT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type EducationDocumentFormat = (typeof EDUCATION_DOCUMENT_FORMATS)[number];
export const EducationDocumentParamsSchema = z.object({ format: z.enum(EDUCATION_DOCUMENT_FORMATS) });
/** A branch's ledger (orgId) or, without it, the ledger of every branch the caller's scope holds (the town's). */
export const TrainingLedgerQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const PersonRecordParamsSchema = PersonHoursParamSchema.extend({ format: z.enum(EDUCATION_DOCUMENT_FORMATS) });
