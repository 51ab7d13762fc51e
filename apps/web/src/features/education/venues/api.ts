import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  BookingListSchema, BookingSchema, HostedGroupListSchema, HostedGroupSchema, VenueListSchema, VenueSchema,
  type BookingCreate, type HostedGroupCreate, type VenueCreate, type VenueUpdate,
} from '@dj/contracts';
import { apiGet, apiSend } from '../../../lib/api-client';

/** Venues, bookings and groups under one key: a write refetches what it may have changed. */
export const venueKeys = {
  all: ['education', 'venues'] as const,
  bookings: ['education', 'venues', 'bookings'] as const,
  hosted: (year: number) => ['education', 'venues', 'hosted', year] as const,
};
const OkSchema = z.object({ ok: z.literal(true) });

export function useVenues() {
  return useQuery({ queryKey: venueKeys.all, queryFn: ({ signal }) => apiGet('/api/education/venues', VenueListSchema, undefined, signal) });
}

/** The coming bookings (the API's default window: from today, 60 days). */
export function useBookings() {
  return useQuery({ queryKey: venueKeys.bookings, queryFn: ({ signal }) => apiGet('/api/education/bookings', BookingListSchema, undefined, signal) });
}

export function useHostedGroups(year: number) {
  return useQuery({ queryKey: venueKeys.hosted(year), queryFn: ({ signal }) => apiGet('/api/education/hosted-groups', HostedGroupListSchema, { year }, signal) });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: venueKeys.all });
}

export function useVenueWrites() {
  const onSuccess = useInvalidate();
  return {
    create: useMutation({ mutationFn: (body: VenueCreate) => apiSend('POST', '/api/education/venues', VenueSchema, body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, body }: { id: number; body: VenueUpdate }) => apiSend('PATCH', `/api/education/venues/${id}`, VenueSchema, body), onSuccess }),
    book: useMutation({ mutationFn: ({ venueId, body }: { venueId: number; body: BookingCreate }) => apiSend('POST', `/api/education/venues/${venueId}/bookings`, BookingSchema, body), onSuccess }),
    cancel: useMutation({ mutationFn: ({ venueId, id }: { venueId: number; id: number }) => apiSend('DELETE', `/api/education/venues/${venueId}/bookings/${id}`, OkSchema), onSuccess }),
    host: useMutation({ mutationFn: (body: HostedGroupCreate) => apiSend('POST', '/api/education/hosted-groups', HostedGroupSchema, body), onSuccess }),
    unhost: useMutation({ mutationFn: (id: number) => apiSend('DELETE', `/api/education/hosted-groups/${id}`, OkSchema), onSuccess }),
  };
}
