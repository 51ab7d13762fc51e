import { z } from 'zod';

/** One in-app reminder for the signed-in user (deadlines of 组织生活, never a score). */
export const NotificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** An in-app path such as /compliance?orgId=12&period=2026-11. */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  /** Unread among all of the caller's notifications, not only the listed ones. */
  unread: z.number(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const ReadAllResultSchema = z.object({ updated: z.number() });

export const OUTBOX_CHANNELS = ['sms'] as const;
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export const OUTBOX_STATUS_LABELS: Record<(typeof OUTBOX_STATUSES)[number], string> = { pending: '待发送', sent: '已发送', failed: '发送失败' };

/** One line of the SMS send log: the masked recipient only, never the number or its ciphertext. */
export const OutboxEntrySchema = z.object({
  id: z.number(),
  channel: z.enum(OUTBOX_CHANNELS),
  userId: z.number().nullable(),
  userDisplayName: z.string().nullable(),
  recipientMasked: z.string(),
  body: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  adapter: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
export const OutboxListSchema = z.object({ items: z.array(OutboxEntrySchema) });
export const OutboxQuerySchema = z.object({ status: z.enum(OUTBOX_STATUSES).optional() });
