import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ActivityDetailSchema, SupervisionQueueSchema, SupervisorAssignmentsSchema, type ReviewBody, type PutAssignments } from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';
import { complianceKeys } from '../../lib/query-keys';

export type SupervisionQueue = ReturnType<typeof SupervisionQueueSchema.parse>;
export type QueuePlan = SupervisionQueue['plans'][number];
export type QueueRecord = SupervisionQueue['toSignOff'][number];
export type SupervisorAssignments = ReturnType<typeof SupervisorAssignmentsSchema.parse>;

export const supervisionKeys = {
  all: ['supervision'] as const,
  queue: ['supervision', 'queue'] as const,
  assignments: ['supervision', 'assignments'] as const,
};

export function useSupervisionQueue(enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.queue,
    queryFn: ({ signal }) => apiGet('/api/supervision/queue', SupervisionQueueSchema, undefined, signal),
    enabled,
  });
}

/** 签认 or 退回 straight from the queue; the record leaves the queue and the calendar counts it (or not) again. */
export function useReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ReviewBody }) =>
      apiSend('POST', `/api/activities/${id}/reviews`, ActivityDetailSchema, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionKeys.queue }),
        queryClient.invalidateQueries({ queryKey: complianceKeys.all }),
      ]);
    },
  });
}

export function useAssignments(enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.assignments,
    queryFn: ({ signal }) => apiGet('/api/supervision/assignments', SupervisorAssignmentsSchema, undefined, signal),
    enabled,
  });
}

export function usePutAssignments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutAssignments) =>
      apiSend('PUT', '/api/supervision/assignments', SupervisorAssignmentsSchema, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(supervisionKeys.assignments, saved);
      await queryClient.invalidateQueries({ queryKey: supervisionKeys.queue });
    },
  });
}
