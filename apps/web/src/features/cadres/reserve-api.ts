import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ReserveBoardSchema, VillageReservesSchema,
  type AddReserve, type LeaveReserve, type MoveReserve, type ReserveEvaluationInput, type ReserveMentor,
} from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';

export const reserveKeys = {
  all: ['reserves'] as const,
  village: (orgId: number) => ['reserves', 'village', orgId] as const,
  board: ['reserves', 'board'] as const,
};

export function useVillageReserves(orgId: number) {
  return useQuery({ queryKey: reserveKeys.village(orgId), queryFn: ({ signal }) => apiGet(`/api/reserves/villages/${orgId}`, VillageReservesSchema, undefined, signal) });
}

export function useReserveBoard() {
  return useQuery({ queryKey: reserveKeys.board, queryFn: ({ signal }) => apiGet('/api/reserves/board', ReserveBoardSchema, undefined, signal) });
}

/** Every write answers with the village's reserves; the board and the village are fetched again. */
function useWrite<T>(path: (arg: T) => string, body: (arg: T) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (arg: T) => apiSend('POST', path(arg), VillageReservesSchema, body(arg)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reserveKeys.all }),
  });
}

export const useAddReserve = (orgId: number) => useWrite<AddReserve>(() => `/api/reserves/villages/${orgId}`, (b) => b);
export const useMoveReserve = () => useWrite<{ id: number; body: MoveReserve }>(({ id }) => `/api/reserves/${id}/moves`, ({ body }) => body);
export const useEvaluateReserve = () => useWrite<{ id: number; body: ReserveEvaluationInput }>(({ id }) => `/api/reserves/${id}/evaluations`, ({ body }) => body);
export const useLeaveReserve = () => useWrite<{ id: number; body: LeaveReserve }>(({ id }) => `/api/reserves/${id}/leave`, ({ body }) => body);
export const useMentorReserve = () => useWrite<{ id: number; body: ReserveMentor }>(({ id }) => `/api/reserves/${id}/mentor`, ({ body }) => body);
