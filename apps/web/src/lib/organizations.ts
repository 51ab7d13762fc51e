import { useQuery } from '@tanstack/react-query';
import { OrganizationListSchema, VillageListSchema, type Range } from '@dj/contracts';
import { apiGet } from './api-client';

// The organisation tree and the village list are read by nearly every page (filters, pickers, the service
// centres); the organisations feature adds its own reads and the writes on top of these keys.
export const orgKeys = {
  all: ['organizations'] as const,
  list: (params: { rootId?: number; range: Range; includeClosed: boolean }) =>
    ['organizations', 'list', params] as const,
  detail: (id: number) => ['organizations', 'detail', id] as const,
  history: (id: number) => ['organizations', 'history', id] as const,
  villages: ['villages'] as const,
};

/** The whole visible structure; closed ones are always fetched so the "显示已撤销" switch needs no round trip. */
export function useOrganizationTreeData(enabled = true) {
  const params = { range: 'subtree' as const, includeClosed: true };
  return useQuery({
    queryKey: orgKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet('/api/organizations', OrganizationListSchema, { range: 'subtree', includeClosed: 'true' }, signal),
    enabled,
    select: (data) => data.items,
  });
}

export function useVillages() {
  return useQuery({
    queryKey: orgKeys.villages,
    queryFn: ({ signal }) => apiGet('/api/villages', VillageListSchema, undefined, signal),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}
