import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BranchDuesSchema, MemberDuesSchema, type DuesBasis, type MemberDues } from '@dj/contracts';
import type { DuesPaymentSchema } from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';
import { duesKeys } from '../../lib/query-keys';

export type DuesPayment = ReturnType<typeof DuesPaymentSchema.parse>;
export type BranchDues = ReturnType<typeof BranchDuesSchema.parse>;
export type DuesMonth = MemberDues['months'][number];

export function useMemberDues(memberId: number, year: number, enabled = true) {
  return useQuery({
    queryKey: duesKeys.memberYear(memberId, year),
    queryFn: ({ signal }) => apiGet(`/api/members/${memberId}/dues`, MemberDuesSchema, { year }, signal),
    enabled,
    // Switching the year keeps the old grid on screen (dimmed) instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

export function useBranchDues(query: { orgId?: number; month: string }, enabled = true) {
  return useQuery({
    queryKey: duesKeys.branch(query),
    queryFn: ({ signal }) => apiGet('/api/dues', BranchDuesSchema, query, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/**
 * The answer to a change covers the current year only, so other years of this member and the branch
 * summaries are fetched again.
 */
function useOnDuesChanged() {
  const queryClient = useQueryClient();
  return async (memberId: number, dues: MemberDues, year: number) => {
    queryClient.setQueryData(duesKeys.memberYear(memberId, year), dues);
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: duesKeys.member(memberId),
        predicate: (query) => query.queryKey[3] !== year,
      }),
      queryClient.invalidateQueries({ queryKey: ['dues', 'branch'] }),
    ]);
  };
}

export function useSetDuesBasis() {
  const onChanged = useOnDuesChanged();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: number; body: DuesBasis; currentYear: number }) =>
      apiSend('PUT', `/api/members/${memberId}/dues/basis`, MemberDuesSchema, body),
    onSuccess: (dues, { memberId, currentYear }) => onChanged(memberId, dues, currentYear),
  });
}

export function useRecordDuesPayment() {
  const onChanged = useOnDuesChanged();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: number; body: DuesPayment; currentYear: number }) =>
      apiSend('POST', `/api/members/${memberId}/dues/payments`, MemberDuesSchema, body),
    onSuccess: (dues, { memberId, currentYear }) => onChanged(memberId, dues, currentYear),
  });
}
