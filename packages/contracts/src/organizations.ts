import { z } from 'zod';

export const ORGANIZATION_KINDS = ['committee', 'general_branch', 'branch', 'group'] as const;
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
};

export const SECTORS = ['village', 'community', 'government', 'institution', 'private_enterprise', 'social_org'] as const;
export const SectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof SectorSchema>;
export const SECTOR_LABELS: Record<Sector, string> = {
  village: '农村',
  community: '社区',
  government: '机关',
  institution: '事业单位',
  private_enterprise: '非公企业',
  social_org: '社会组织',
};

export const ORGANIZATION_STATUSES = ['active', 'closed'] as const;
/** What an entry of an organisation's 变更记录 did. */
export const ORGANIZATION_HISTORY_ACTIONS = ['create', 'rename', 'move', 'update', 'close'] as const;

export const RANGES = ['self', 'children', 'subtree'] as const;
export const RangeSchema = z.enum(RANGES);
export type Range = z.infer<typeof RangeSchema>;
export const RANGE_LABELS: Record<Range, string> = { self: '本级', children: '直属下级', subtree: '全部下级' };

export const OrganizationSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  /** Materialised path of ids, e.g. "/1/7/23/". */
  path: z.string(),
  depth: z.number(),
  name: z.string(),
  kind: OrganizationKindSchema,
  sector: SectorSchema.nullable(),
  isJoint: z.boolean(),
  villageId: z.number().nullable(),
  villageName: z.string().nullable(),
  villageCode: z.string().nullable(),
  status: z.enum(ORGANIZATION_STATUSES),
  closedAt: z.string().nullable(),
  isDemo: z.boolean(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const StructureWarningSchema = z.object({
  code: z.string(),
  /** 'warning' breaks a rule; 'info' is a duty the rule creates (e.g. elect a branch committee). */
  level: z.enum(['warning', 'info']),
  message: z.string(),
  /** The regulation and article the warning comes from. */
  rule: z.string(),
});
export type StructureWarning = z.infer<typeof StructureWarningSchema>;

export const OrganizationDetailSchema = OrganizationSchema.extend({
  memberCounts: z.object({ full: z.number(), probationary: z.number(), total: z.number() }),
  activeChildCount: z.number(),
  warnings: z.array(StructureWarningSchema),
  /** What the signed-in user may do with this organisation. */
  can: z.object({ createChild: z.boolean(), edit: z.boolean(), move: z.boolean(), close: z.boolean() }),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetailSchema>;

export const OrganizationListQuerySchema = z.object({
  rootId: z.coerce.number().int().positive().optional().meta({ label: '起始组织' }),
  range: RangeSchema.default('subtree').meta({ label: '范围' }),
  includeClosed: z.enum(['true', 'false']).optional().transform((v) => v === 'true').meta({ label: '显示已撤销' }),
});
export type OrganizationListQuery = z.input<typeof OrganizationListQuerySchema>;

export const OrganizationListSchema = z.object({ items: z.array(OrganizationSchema) });
export type OrganizationList = z.infer<typeof OrganizationListSchema>;

const nameField = z.string().trim().min(2, '组织名称至少2个字').max(60, '组织名称不能超过60个字');

export const CreateOrganizationSchema = z.object({
  parentId: z.number().int().positive({ message: '请选择上级组织' }).meta({ label: '上级组织' }),
  name: nameField.meta({ label: '组织名称' }),
  kind: OrganizationKindSchema.meta({ label: '组织类型' }),
  sector: SectorSchema.nullable().optional().meta({ label: '所属领域' }),
  isJoint: z.boolean().optional().meta({ label: '联合党支部' }),
  villageId: z.number().int().positive().nullable().optional().meta({ label: '对应行政村' }),
}).strict();
export type CreateOrganization = z.infer<typeof CreateOrganizationSchema>;

/** Rename, move (parentId) or change attributes; closing is its own action. */
export const UpdateOrganizationSchema = z.object({
  name: nameField.optional().meta({ label: '组织名称' }),
  parentId: z.number().int().positive().optional().meta({ label: '上级组织' }),
  sector: SectorSchema.nullable().optional().meta({ label: '所属领域' }),
  isJoint: z.boolean().optional().meta({ label: '联合党支部' }),
  villageId: z.number().int().positive().nullable().optional().meta({ label: '对应行政村' }),
}).strict();
export type UpdateOrganization = z.infer<typeof UpdateOrganizationSchema>;

export const CloseOrganizationSchema = z.object({
  reason: z.string().trim().min(2, '请填写撤销原因(至少2个字)').max(200, '撤销原因不能超过200个字').meta({ label: '撤销原因' }),
}).strict();
export type CloseOrganization = z.infer<typeof CloseOrganizationSchema>;

export const OrganizationHistoryEntrySchema = z.object({
  id: z.number(),
  action: z.enum(ORGANIZATION_HISTORY_ACTIONS),
  at: z.string(),
  userName: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  note: z.string().nullable(),
});
export type OrganizationHistoryEntry = z.infer<typeof OrganizationHistoryEntrySchema>;
export const OrganizationHistorySchema = z.object({ items: z.array(OrganizationHistoryEntrySchema) });

export const VillageSchema = z.object({ id: z.number(), code: z.string(), name: z.string() });
export type Village = z.infer<typeof VillageSchema>;
export const VillageListSchema = z.object({ items: z.array(VillageSchema) });
