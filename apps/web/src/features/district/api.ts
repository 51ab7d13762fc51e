import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DistrictDashboardSchema, DistrictTownDashboardSchema } from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';

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

/** 刷新: the server computes every town's 驾驶舱快照 now (once a minute per district) and answers the new board. */
export function useRefreshDistrict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/district/refresh', DistrictDashboardSchema),
    onSuccess: (board) => client.setQueryData(districtKeys.dashboard, board),
  });
}
