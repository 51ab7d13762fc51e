import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  TripDetailSchema, TripListSchema, TripPeopleSchema,
  type TripActionCreate, type TripActionUpdate, type TripCreate, type TripParticipantInput, type TripTakeaway, type TripUpdate,
} from '@dj/contracts';
import { apiGet, apiSend } from '../../../lib/api-client';

/** Every trip query sits under `all`: any write refetches the list and the trip it changed. */
export const tripKeys = {
  all: ['education', 'trips'] as const,
  detail: (id: number) => ['education', 'trips', 'detail', id] as const,
  people: ['education', 'trips', 'people'] as const,
};

export function useTrips() {
  return useQuery({ queryKey: tripKeys.all, queryFn: ({ signal }) => apiGet('/api/education/trips', TripListSchema, undefined, signal) });
}

export function useTrip(id: number) {
  return useQuery({ queryKey: tripKeys.detail(id), queryFn: ({ signal }) => apiGet(`/api/education/trips/${id}`, TripDetailSchema, undefined, signal) });
}

/** The 镇村干部 accounts to pick from; asked for only when a form that needs them is open. */
export function useTripPeople(enabled: boolean) {
  return useQuery({ queryKey: tripKeys.people, queryFn: ({ signal }) => apiGet('/api/education/trips/people', TripPeopleSchema, undefined, signal), enabled });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: tripKeys.all });
}

export function useCreateTrip() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: TripCreate) => apiSend('POST', '/api/education/trips', TripDetailSchema, body), onSuccess });
}

export function useUpdateTrip(id: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: TripUpdate) => apiSend('PATCH', `/api/education/trips/${id}`, TripDetailSchema, body), onSuccess });
}

/** The rows of one trip: participants, their 心得, the follow-up actions. */
export function useTripRows(id: number) {
  const onSuccess = useInvalidate();
  const path = `/api/education/trips/${id}`;
  return {
    addParticipant: useMutation({ mutationFn: (body: TripParticipantInput) => apiSend('POST', `${path}/participants`, TripDetailSchema, body), onSuccess }),
    removeParticipant: useMutation({ mutationFn: (participantId: number) => apiSend('DELETE', `${path}/participants/${participantId}`, TripDetailSchema), onSuccess }),
    writeTakeaway: useMutation({
      mutationFn: ({ participantId, body }: { participantId: number; body: TripTakeaway }) => apiSend('PUT', `${path}/participants/${participantId}/takeaway`, TripDetailSchema, body),
      onSuccess,
    }),
    addAction: useMutation({ mutationFn: (body: TripActionCreate) => apiSend('POST', `${path}/actions`, TripDetailSchema, body), onSuccess }),
    updateAction: useMutation({
      mutationFn: ({ actionId, body }: { actionId: number; body: TripActionUpdate }) => apiSend('PATCH', `${path}/actions/${actionId}`, TripDetailSchema, body),
      onSuccess,
    }),
  };
}
