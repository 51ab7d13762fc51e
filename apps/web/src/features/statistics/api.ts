import { useMutation, useQuery } from '@tanstack/react-query';
import { PartyStatisticsSchema, STATISTICS_TITLE, StatisticsMembersSchema } from '@dj/contracts';
import { apiGet } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';

export interface CellRef { table: string; row: string; column: string }

export const statisticsKeys = {
  all: ['statistics'] as const,
  party: (asOf: string) => ['statistics', 'party', asOf] as const,
  members: (asOf: string, cell: CellRef, page: number) => ['statistics', 'members', asOf, cell, page] as const,
};

/** 党内统计 of the caller's scope as of the day (the server narrows a branch secretary to their branch). */
export function usePartyStatistics(asOf: string) {
  return useQuery({ queryKey: statisticsKeys.party(asOf), queryFn: ({ signal }) => apiGet('/api/statistics/party', PartyStatisticsSchema, { asOf }, signal) });
}

/** The members behind one cell, a page of 20 at a time; nothing is asked until a cell is opened. */
export function useCellMembers(asOf: string, cell: CellRef | null, page: number) {
  return useQuery({
    queryKey: statisticsKeys.members(asOf, cell ?? { table: '', row: '', column: '' }, page),
    queryFn: ({ signal }) => apiGet('/api/statistics/party/members', StatisticsMembersSchema, { asOf, ...cell!, page, pageSize: 20 }, signal),
    enabled: cell !== null,
  });
}

export function useDownloadStatistics() {
  return useMutation({
    mutationFn: ({ asOf, format }: { asOf: string; format: 'xlsx' | 'pdf' }) => downloadFile(`/api/statistics/party.${format}`, `${STATISTICS_TITLE}.${format}`, { asOf }),
  });
}
