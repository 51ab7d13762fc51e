import { z } from 'zod';
import { LedgerQuerySchema } from './activity-evidence.js';

/**
 * 导出任务 (exports, issue 14 point 6): documents that take seconds are made by the job runner, off the request path;
 * the user watches the progress and downloads the file while it is kept (town setting export.keepDays).
 */
export const EXPORT_KINDS = ['branch_ledger', 'town_ledgers'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  branch_ledger: '支部组织生活台账',
  town_ledgers: '所辖各支部组织生活台账(压缩包)',
};

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = { queued: '排队中', running: '生成中', done: '已完成', failed: '失败' };

/** Both kinds take the ledger's query: the organisation (a branch, or a town/总支 for the zip), YYYY or YYYY-MM, docx or pdf. */
export const StartExportSchema = LedgerQuerySchema.extend({ kind: z.enum(EXPORT_KINDS) }).strict();

export const ExportSchema = z.object({
  id: z.number(),
  kind: z.enum(EXPORT_KINDS),
  /** What is being made, e.g. "营子村党支部 2026年 组织生活台账(PDF)". */
  title: z.string(),
  status: z.enum(EXPORT_STATUSES),
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When the file is deleted (finishedAt + export.keepDays). */
  expiresAt: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportSchema>;
export const ExportListSchema = z.object({ items: z.array(ExportSchema) });
export const ExportIdParamSchema = z.object({ id: z.coerce.number().int().positive() });
