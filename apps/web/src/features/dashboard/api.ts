import { useMutation, useQuery } from '@tanstack/react-query';
import {
  DASHBOARD_REPORT_TITLES, DashboardTownSchema, DashboardVillageSchema, type DashboardReportFormat, type DashboardReportKind,
} from '@dj/contracts';
import { apiGet } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';

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

/** A 会议报告 (issue 17 point 7) saved as a file: the month's or the year's, PDF or Word. */
export function useDownloadReport() {
  return useMutation({
    mutationFn: ({ kind, format, period }: { kind: DashboardReportKind; format: DashboardReportFormat; period: string }) =>
      downloadFile(`/api/dashboard/reports/${kind}.${format}`, `${DASHBOARD_REPORT_TITLES[kind]}-${period}.${format}`, kind === 'monthly' ? { month: period } : { year: period }),
  });
}
