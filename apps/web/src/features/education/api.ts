import { useQuery } from '@tanstack/react-query';
import { BranchHoursSchema, TrainingListSchema, type TrainingKind } from '@dj/contracts';
import { apiGet } from '../../lib/api-client';

export const educationKeys = { all: ['education'] as const };

export function useSessions(query: { year: number; kind?: TrainingKind; orgId?: number }) {
  return useQuery({ queryKey: ['education', 'sessions', query], queryFn: ({ signal }) => apiGet('/api/education/sessions', TrainingListSchema, query, signal) });
}

export function useBranchHours(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: ['education', 'hours', orgId, year],
    queryFn: ({ signal }) => apiGet('/api/education/hours', BranchHoursSchema, { orgId: orgId!, year }, signal),
    enabled: orgId !== undefined,
  });
}
