import { z } from 'zod';
import { DateSchema } from './dates.js';
import { ActorYearSchema, EconomyVillageRefSchema, fenField } from './economy-actors.js';

/**
 * 村级集体经济项目 (issue 18 point 5): a village's collective project with its investment and where the money came
 * from, its stage (立项 → 建设中 → 已验收 → 运营中) each dated, the 验收, the yearly 收益, photos (stored without their
 * location), and the 四议两公开 it went through and the 三务公开 that published its accounts.
 */
export const PROJECT_STAGES = ['approved', 'building', 'accepted', 'operating'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = { approved: '立项', building: '建设中', accepted: '已验收', operating: '运营中' };
/** The date each stage is entered on: the stage reached needs its own date and every earlier one. */
export const PROJECT_STAGE_DATES = { approved: 'approvedOn', building: 'startedOn', accepted: 'acceptedOn', operating: 'operatingOn' } as const;
export const PROJECT_DATE_LABELS = { approvedOn: '立项日期', startedOn: '开工日期', acceptedOn: '验收日期', operatingOn: '投入运营日期' } as const;

export const PROJECT_LIMITS = { name: 60, fundingRows: 10, fundingSource: 60, acceptanceNote: 300, note: 300, incomeNote: 100, caption: 60 } as const;
const P = PROJECT_LIMITS;

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });
const day = (label: string) => DateSchema.nullable().optional().transform((v) => v ?? null).meta({ label });

export const FundingRowSchema = z.object({
  source: z.string().trim().min(2, '资金来源至少2个字').max(P.fundingSource, `资金来源不能超过${P.fundingSource}个字`).meta({ label: '资金来源' }),
  amountFen: fenField('金额'),
}).strict();
export type FundingRow = z.infer<typeof FundingRowSchema>;

export const ProjectInputSchema = z.object({
  name: z.string().trim().min(2, '项目名称至少2个字').max(P.name, `项目名称不能超过${P.name}个字`).meta({ label: '项目名称' }),
  investmentFen: fenField('总投资'),
  funding: z.array(FundingRowSchema).max(P.fundingRows, `资金来源最多${P.fundingRows}行`).default([]).meta({ label: '资金来源' }),
  stage: z.enum(PROJECT_STAGES, { message: '请选择进度' }).meta({ label: '进度' }),
  approvedOn: day(PROJECT_DATE_LABELS.approvedOn),
  startedOn: day(PROJECT_DATE_LABELS.startedOn),
  acceptedOn: day(PROJECT_DATE_LABELS.acceptedOn),
  operatingOn: day(PROJECT_DATE_LABELS.operatingOn),
  acceptanceNote: text(P.acceptanceNote, '验收意见'),
  fourTwoId: z.number().int().positive().nullable().optional().transform((v) => v ?? null).meta({ label: '四议两公开' }),
  disclosureId: z.number().int().positive().nullable().optional().transform((v) => v ?? null).meta({ label: '三务公开' }),
  note: text(P.note, '备注'),
}).strict();
export type ProjectInput = z.input<typeof ProjectInputSchema>;
export const CreateProjectSchema = ProjectInputSchema.extend({ organizationId: z.number().int().positive().meta({ label: '村' }) }).strict();
export type CreateProject = z.input<typeof CreateProjectSchema>;

export const ProjectIncomeInputSchema = z.object({ amountFen: fenField('收益'), note: text(P.incomeNote, '说明') }).strict();
export type ProjectIncomeInput = z.input<typeof ProjectIncomeInputSchema>;
export const ProjectIncomeParamSchema = z.object({ id: z.coerce.number().int().positive(), year: z.coerce.number().pipe(ActorYearSchema) });
export const ProjectPhotoParamSchema = z.object({ id: z.coerce.number().int().positive(), photoId: z.coerce.number().int().positive() });
export const ProjectPhotoQuerySchema = z.object({ caption: z.string().trim().max(P.caption, `照片说明不能超过${P.caption}个字`).optional().meta({ label: '照片说明' }) });

export const ProjectSchema = z.object({
  id: z.number(), organizationId: z.number(), villageName: z.string(), name: z.string(), investmentFen: z.number(),
  funding: z.array(FundingRowSchema), stage: z.enum(PROJECT_STAGES),
  approvedOn: z.string().nullable(), startedOn: z.string().nullable(), acceptedOn: z.string().nullable(), operatingOn: z.string().nullable(),
  acceptanceNote: z.string().nullable(), note: z.string().nullable(),
  fourTwo: z.object({ id: z.number(), title: z.string() }).nullable(),
  disclosure: z.object({ id: z.number(), title: z.string(), period: z.string() }).nullable(),
  incomes: z.array(z.object({ year: z.number(), amountFen: z.number(), note: z.string().nullable() })),
  incomeFen: z.number(),
  photos: z.array(z.object({ id: z.number(), caption: z.string().nullable(), size: z.number(), uploadedAt: z.string() })),
  isDemo: z.boolean(), updatedAt: z.string(),
  can: z.object({ edit: z.boolean() }),
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectListSchema = z.object({
  villages: z.array(EconomyVillageRefSchema),
  items: z.array(ProjectSchema),
});
export type ProjectList = z.infer<typeof ProjectListSchema>;

type StageDates = { stage: ProjectStage } & Record<(typeof PROJECT_STAGE_DATES)[ProjectStage], string | null>;

/**
 * The stage's dates: each stage reached has its date, none beyond it has one, and they follow each other in time (a
 * project is 验收 after it was started). `today` (YYYY-MM-DD, Beijing) bounds them. The first problem, or null.
 */
export function projectDateProblem(p: StageDates, today: string): { field: string; message: string } | null {
  const reached = PROJECT_STAGES.indexOf(p.stage);
  let previous: { date: string; label: string } | null = null;
  for (const [i, stage] of PROJECT_STAGES.entries()) {
    const field = PROJECT_STAGE_DATES[stage];
    const date = p[field];
    const label = PROJECT_DATE_LABELS[field];
    if (i > reached) {
      if (date) return { field, message: `进度为“${PROJECT_STAGE_LABELS[p.stage]}”时不填${label}` };
      continue;
    }
    if (!date) return { field, message: `进度为“${PROJECT_STAGE_LABELS[p.stage]}”时请填写${label}` };
    if (date > today) return { field, message: `${label}不能晚于今天` };
    if (previous && date < previous.date) return { field, message: `${label}不能早于${previous.label}(${previous.date})` };
    previous = { date, label };
  }
  return null;
}
