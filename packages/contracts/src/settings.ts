import { z } from 'zod';

/** A local rule: its current value, the default, and where the default comes from. */
export const SettingSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  defaultValue: z.number(),
  unit: z.string(),
  min: z.number(),
  max: z.number(),
  source: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Setting = z.infer<typeof SettingSchema>;
export const SettingListSchema = z.object({ items: z.array(SettingSchema) });
export const SettingKeyParamSchema = z.object({ key: z.string().max(60) });
export const UpdateSettingSchema = z.object({ value: z.number() }).strict();
