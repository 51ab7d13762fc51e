import { z } from 'zod';

/**
 * 村干部 documents and import (issue 15 point 8): the 村两委成员名册 of a village or of the town (Word, PDF, xlsx),
 * one cadre's 干部任免审批表 (Word, PDF), and a village's 两委 roster imported from xlsx with a dry run.
 */
export const CADRE_ROSTER_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type CadreRosterFormat = (typeof CADRE_ROSTER_FORMATS)[number];
export const CADRE_FORM_FORMATS = ['docx', 'pdf'] as const;
export type CadreFormFormat = (typeof CADRE_FORM_FORMATS)[number];
export const CADRE_FORMAT_LABELS: Record<CadreRosterFormat, string> = { docx: 'Word', pdf: 'PDF', xlsx: 'Excel' };

export const CADRE_ROSTER_TITLE = '村两委成员名册';
export const CADRE_APPROVAL_FORM_TITLE = '干部任免审批表';

export const CadreRosterParamsSchema = z.object({ orgId: z.coerce.number().int().positive(), format: z.enum(CADRE_ROSTER_FORMATS) });
export const TownCadreRosterParamsSchema = z.object({ format: z.enum(CADRE_ROSTER_FORMATS) });
export const CadreApprovalFormParamsSchema = z.object({
  orgId: z.coerce.number().int().positive(), personId: z.coerce.number().int().positive(), format: z.enum(CADRE_FORM_FORMATS),
});

/** POST /api/cadres/villages/:orgId/import (the file is the multipart body): a dry run unless told otherwise. */
export const CadreImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true') });

/**
 * A village's two committees are a dozen people: a file with more rows is not a 两委 roster (a member roster sent to
 * the wrong page), and is refused before anything is checked. A resource limit of the import, not a local rule.
 */
export const CADRE_IMPORT_MAX_ROWS = 60;

/** The template's columns, in order; the importer also reads the other names listed in the 填写说明. */
export const CADRE_IMPORT_COLUMNS = [
  { header: '姓名', required: true, hint: '与身份证一致' },
  { header: '身份证号', required: true, hint: '18位,末位可为X;性别、出生日期由身份证号得出' },
  { header: '性别', required: false, hint: '男 或 女;不填按身份证号' },
  { header: '职务', required: true, hint: '如 党支部书记、村委会主任、党支部委员、村委会委员、计生专职、报账员、妇女主任;兼任用顿号分隔,如“党支部书记、村委会主任”' },
  { header: '任职时间', required: true, hint: '如 2021-01-15' },
  { header: '联系电话', required: false, hint: '11位手机号' },
  { header: '是否党员', required: false, hint: '是 或 否;须与党员名册一致' },
] as const;
