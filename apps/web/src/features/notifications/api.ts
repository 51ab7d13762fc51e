import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NotificationListSchema, NotificationSchema, OutboxListSchema, ReadAllResultSchema } from '@dj/contracts';
import { apiGet, apiRequest, apiSend } from '../../lib/api-client';

export type NotificationList = ReturnType<typeof NotificationListSchema.parse>;
export type NotificationItem = NotificationList['items'][number];

export const notificationKeys = { all: ['notifications'] as const };

/** Reminders are written once a day by the server; a minute's delay is plenty. */
export const NOTIFICATION_POLL_MS = 60_000;

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    // A background request: the poll must not keep an unused tab signed in past the idle end (issue 21 point 3).
    queryFn: ({ signal }) => apiRequest('/api/notifications', NotificationListSchema, { signal, background: true }),
    refetchInterval: NOTIFICATION_POLL_MS,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend('POST', `/api/notifications/${id}/read`, NotificationSchema),
    onSuccess: (updated) => {
      queryClient.setQueryData<NotificationList>(notificationKeys.all, (old) => old && {
        items: old.items.map((n) => (n.id === updated.id ? updated : n)),
        unread: Math.max(0, old.unread - (old.items.find((n) => n.id === updated.id)?.readAt ? 0 : 1)),
      });
    },
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/notifications/read-all', ReadAllResultSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** The SMS send log (town admin): every message with its masked number, status and attempts. */
export function useOutbox(status: string | undefined, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['outbox', status ?? 'all'],
    queryFn: ({ signal }) => apiGet(`/api/outbox${status ? `?status=${status}` : ''}`, OutboxListSchema, undefined, signal),
  });
}
