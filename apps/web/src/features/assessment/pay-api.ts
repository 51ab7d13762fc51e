import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MyPaySchema, PeriodPaySchema, type AddPayItem } from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';

/** 报酬 (issue 16 points 4–6): a period's pay, its 奖励绩效 and 扣减, and the caller's own months. Kept apart from api.ts. */
export const payKeys = {
  all: ['assessment', 'pay'] as const,
  period: (id: number) => ['assessment', 'pay', 'period', id] as const,
  mine: ['assessment', 'pay', 'mine'] as const,
};

export function usePeriodPay(periodId: number) {
  return useQuery({
    queryKey: payKeys.period(periodId),
    queryFn: ({ signal }) => apiGet(`/api/assessment/periods/${periodId}/pay`, PeriodPaySchema, undefined, signal),
  });
}

export function useMyPay() {
  return useQuery({ queryKey: payKeys.mine, queryFn: ({ signal }) => apiGet('/api/assessment/my-pay', MyPaySchema, undefined, signal) });
}

/** Each write answers with the period's pay as it now is, which replaces the cached one. */
export function useAddPayItem(periodId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddPayItem) => apiSend('POST', `/api/assessment/periods/${periodId}/pay-items`, PeriodPaySchema, body),
    onSuccess: (data) => queryClient.setQueryData(payKeys.period(periodId), data),
  });
}

export function useRemovePayItem(periodId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: number) => apiSend('DELETE', `/api/assessment/periods/${periodId}/pay-items/${itemId}`, PeriodPaySchema),
    onSuccess: (data) => queryClient.setQueryData(payKeys.period(periodId), data),
  });
}
