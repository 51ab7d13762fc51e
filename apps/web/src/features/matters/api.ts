import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MatterLinkOptionsSchema, MatterListSchema, MatterSchema, MeetingMattersSchema,
  type CreateMatter, type DiscussMatter, type EscalateMatter, type HandleMatter, type MatterListQuery, type MatterStepInput, type RateMatter,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';

/** 村民说事 (issue 20): one key for the list, one per matter; a stage action refreshes both. */
export const matterKeys = {
  all: ['matters'] as const,
  list: (q: MatterListQuery) => ['matters', 'list', q] as const,
  one: (id: number) => ['matters', 'one', id] as const,
  links: (orgId: number) => ['matters', 'links', orgId] as const,
  meeting: (activityId: number) => ['matters', 'meeting', activityId] as const,
};

export const useMatters = (q: MatterListQuery) =>
  useQuery({ queryKey: matterKeys.list(q), queryFn: ({ signal }) => apiGet('/api/matters', MatterListSchema, q as Record<string, string | number | undefined>, signal) });

export const useMatter = (id: number) =>
  useQuery({ queryKey: matterKeys.one(id), queryFn: ({ signal }) => apiGet(`/api/matters/${id}`, MatterSchema, undefined, signal) });

export const useMatterLinks = (orgId: number | null) => useQuery({
  queryKey: matterKeys.links(orgId ?? 0), enabled: orgId !== null,
  queryFn: ({ signal }) => apiGet(`/api/matters/villages/${orgId}/link-options`, MatterLinkOptionsSchema, undefined, signal),
});

export const useMeetingMatters = (activityId: number | null) => useQuery({
  queryKey: matterKeys.meeting(activityId ?? 0), enabled: activityId !== null,
  queryFn: ({ signal }) => apiGet(`/api/matters/meetings/${activityId}`, MeetingMattersSchema, undefined, signal),
});

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: matterKeys.all });
}

export function useRaiseMatter() {
  const onSuccess = useRefresh();
  return useMutation({ mutationFn: (body: CreateMatter) => apiSend('POST', '/api/matters', MatterSchema, body), onSuccess });
}

export type StageAction = 'discuss' | 'steps' | 'handle' | 'escalate' | 'rate';
type StageBody = DiscussMatter | MatterStepInput | HandleMatter | EscalateMatter | RateMatter;

export function useStage(id: number, action: StageAction) {
  const onSuccess = useRefresh();
  return useMutation({ mutationFn: (body: StageBody) => apiSend('POST', `/api/matters/${id}/${action}`, MatterSchema, body), onSuccess });
}

export function useMatterPhoto(id: number) {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({ file, caption }: { file: File; caption?: string }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload(`/api/matters/${id}/photos`, MatterSchema, form, caption ? { caption } : undefined);
    },
    onSuccess,
  });
}
