import { z } from 'zod';

/** Every error body the API sends: a stable code, a Chinese message, and the fields at fault. */
export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const IdParamSchema = z.object({ id: z.coerce.number().int().positive() });
export type IdParam = z.infer<typeof IdParamSchema>;

/** How an audited action ended (sign-in lockout included). */
export const AUDIT_RESULTS = ['ok', 'denied', 'failed', 'locked'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export const OkSchema = z.object({ ok: z.literal(true) });
