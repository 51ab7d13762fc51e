import { useQuery } from '@tanstack/react-query';
import { DistrictDashboardSchema, DistrictTownDashboardSchema } from '@dj/contracts';
import { apiGet } from '../../lib/api-client';

export const districtKeys = {
  dashboard: ['district', 'dashboard'] as const,
  town: (tenantId: number) => ['district', 'town', tenantId] as const,
};

export function useDistrictDashboard() {
  return useQuery({ queryKey: districtKeys.dashboard, queryFn: ({ signal }) => apiGet('/api/district/dashboard', DistrictDashboardSchema, undefined, signal) });
}

export function useDistrictTownDashboard(tenantId: number) {
  return useQuery({
    queryKey: districtKeys.town(tenantId),
    queryFn: ({ signal }) => apiGet(`/api/district/towns/${tenantId}/dashboard`, DistrictTownDashboardSchema, undefined, signal),
  });
}
