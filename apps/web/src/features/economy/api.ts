import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EconomyImportReportSchema, EconomyOverviewSchema, IncomeYearSchema, type EconomyYearsQuery, type IncomeDraft } from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';

export const economyKeys = {
  all: ['economy'] as const,
  overview: (q: EconomyYearsQuery) => ['economy', 'overview', q] as const,
  year: (orgId: number, year: number) => ['economy', 'year', orgId, year] as const,
};

export function useEconomyOverview(query: EconomyYearsQuery) {
  return useQuery({ queryKey: economyKeys.overview(query), queryFn: ({ signal }) => apiGet('/api/economy', EconomyOverviewSchema, query, signal) });
}

export function useIncomeYear(target: { orgId: number; year: number } | null) {
  return useQuery({
    queryKey: economyKeys.year(target?.orgId ?? 0, target?.year ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/economy/villages/${target!.orgId}/years/${target!.year}`, IncomeYearSchema, undefined, signal),
    enabled: target !== null,
  });
}

/** Every write changes the table and the year: both are fetched again. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: economyKeys.all });
}

const yearUrl = (orgId: number, year: number) => `/api/economy/villages/${orgId}/years/${year}`;

export function useSaveDraft(orgId: number, year: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: IncomeDraft) => apiSend('PUT', yearUrl(orgId, year), IncomeYearSchema, body), onSuccess });
}

export function useYearStep(orgId: number, year: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (step: 'submit' | 'approve') => apiSend('POST', `${yearUrl(orgId, year)}/${step}`, IncomeYearSchema), onSuccess });
}

export function useImportIncome() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ file, dryRun, year, reason }: { file: File; dryRun: boolean; year?: number; reason?: string }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload('/api/economy/import', EconomyImportReportSchema, form, { dryRun, year, reason: reason || undefined });
    },
    onSuccess,
  });
}

/** 分 as 万元 with two decimals, the unit the 三资 tables and the weak-village line speak. */
export const wan = (fen: number | null) => (fen === null ? '—' : (fen / 1_000_000).toFixed(2));

/** 全镇年度统计表 (xlsx / A4 PDF) and a village's yearly report (PDF / Word): files made by the API, saved as they come. */
export function useDownloadEconomy() {
  return useMutation({
    mutationFn: ({ path, name, year }: { path: string; name: string; year: number }) => downloadFile(path, name, { year }),
  });
}
