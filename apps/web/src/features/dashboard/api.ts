import { useQuery } from '@tanstack/react-query';
import { DashboardTownSchema, DashboardVillageSchema } from '@dj/contracts';
import { apiGet } from '../../lib/api-client';

export const dashboardKeys = {
  town: ['dashboard', 'town'] as const,
  village: (orgId: number) => ['dashboard', 'village', orgId] as const,
};

export function useTownDashboard(enabled: boolean) {
  return useQuery({ queryKey: dashboardKeys.town, queryFn: ({ signal }) => apiGet('/api/dashboard/town', DashboardTownSchema, undefined, signal), enabled });
}

export function useVillageCard(orgId: number | undefined) {
  return useQuery({
    queryKey: dashboardKeys.village(orgId ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/dashboard/villages/${orgId}`, DashboardVillageSchema, undefined, signal),
    enabled: orgId !== undefined,
  });
}
