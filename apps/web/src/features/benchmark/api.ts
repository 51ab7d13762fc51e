import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BenchmarkBoardSchema, BenchmarkSavedSchema, OkSchema, type BenchmarkTownInput, type CreateBenchmarkIndicator, type PutBenchmarkValue,
} from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';

/** 对标 (issue 17 point 4): the board and its writes; every write makes the board stale. */
export const benchmarkKeys = { all: ['benchmark'] as const, board: (years: number) => ['benchmark', 'board', years] as const };

export function useBenchmarkBoard(years: number, enabled: boolean) {
  return useQuery({
    queryKey: benchmarkKeys.board(years),
    queryFn: ({ signal }) => apiGet('/api/benchmark', BenchmarkBoardSchema, { years }, signal),
    enabled,
  });
}

function useBenchmarkWrite<T, R>(send: (body: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: benchmarkKeys.all }) });
}

export const useSaveBenchmarkTown = () => useBenchmarkWrite((body: BenchmarkTownInput) => apiSend('PUT', '/api/benchmark/town', BenchmarkSavedSchema, body));
export const useAddBenchmarkIndicator = () => useBenchmarkWrite((body: CreateBenchmarkIndicator) => apiSend('POST', '/api/benchmark/indicators', BenchmarkSavedSchema, body));
export const usePutBenchmarkValue = () => useBenchmarkWrite(({ id, year, body }: { id: number; year: number; body: PutBenchmarkValue }) =>
  apiSend('PUT', `/api/benchmark/indicators/${id}/values/${year}`, OkSchema, body));
