import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CriteriaSchema, NewsListSchema, NewsSchema, ShowcaseListSchema, ShowcaseSchema,
  type CreateShowcase, type CriteriaInput, type EvaluationInput, type NewsInput, type ShowcaseInput, type ShowcasePractices, type VisitInput,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';

/** 党建示范点 and 党建动态 (issue 20): one key per list; a write refetches its list and its record. */
export const keys = {
  showcases: ['showcases'] as const,
  showcase: (id: number) => ['showcases', id] as const,
  criteria: ['showcases', 'criteria'] as const,
  news: ['news'] as const,
  post: (id: number) => ['news', id] as const,
};

export const useShowcases = () => useQuery({ queryKey: keys.showcases, queryFn: ({ signal }) => apiGet('/api/showcases', ShowcaseListSchema, undefined, signal) });
export const useShowcase = (id: number | null) => useQuery({
  queryKey: keys.showcase(id ?? 0), enabled: id !== null, queryFn: ({ signal }) => apiGet(`/api/showcases/${id}`, ShowcaseSchema, undefined, signal),
});
export const useCriteria = () => useQuery({ queryKey: keys.criteria, queryFn: ({ signal }) => apiGet('/api/showcases/criteria', CriteriaSchema, undefined, signal) });

function useRefresh(...list: (readonly unknown[])[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(list.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateShowcase() {
  const onSuccess = useRefresh(keys.showcases);
  return useMutation({ mutationFn: (body: CreateShowcase) => apiSend('POST', '/api/showcases', ShowcaseSchema, body), onSuccess });
}

/** Every write of one showcase answers the showcase: the drawer and the list refresh together. */
export function useShowcaseWrite(id: number) {
  const onSuccess = useRefresh(keys.showcases, keys.showcase(id));
  const base = `/api/showcases/${id}`;
  // Called in the same order on every render, like any hook.
  const write = <A,>(fn: (a: A) => Promise<unknown>) => useMutation({ mutationFn: fn, onSuccess });
  return {
    edit: write((body: ShowcaseInput) => apiSend('PATCH', base, ShowcaseSchema, body)),
    practices: write((body: ShowcasePractices) => apiSend('PUT', `${base}/practices`, ShowcaseSchema, body)),
    evaluate: write(({ year, body }: { year: number; body: EvaluationInput }) => apiSend('PUT', `${base}/evaluations/${year}`, ShowcaseSchema, body)),
    visit: write((body: VisitInput) => apiSend('POST', `${base}/visits`, ShowcaseSchema, body)),
    removeVisit: write((visitId: number) => apiSend('DELETE', `${base}/visits/${visitId}`, ShowcaseSchema)),
    publish: write((on: boolean) => apiSend('POST', `${base}/${on ? 'publish' : 'unpublish'}`, ShowcaseSchema)),
    photo: write(({ file, caption }: { file: File; caption?: string }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload(`${base}/photos`, ShowcaseSchema, form, { caption: caption || undefined });
    }),
  };
}

export function useSaveCriteria() {
  const onSuccess = useRefresh(keys.criteria);
  return useMutation({ mutationFn: (body: CriteriaInput) => apiSend('PUT', '/api/showcases/criteria', CriteriaSchema, body), onSuccess });
}

export const showcasePhotoUrl = (id: number, photoId: number) => `/api/showcases/${id}/photos/${photoId}`;

export const useNewsList = () => useQuery({ queryKey: keys.news, queryFn: ({ signal }) => apiGet('/api/news', NewsListSchema, undefined, signal) });
export const useNews = (id: number | null) => useQuery({
  queryKey: keys.post(id ?? 0), enabled: id !== null, queryFn: ({ signal }) => apiGet(`/api/news/${id}`, NewsSchema, undefined, signal),
});

export function useCreateNews() {
  const onSuccess = useRefresh(keys.news);
  return useMutation({ mutationFn: (body: NewsInput) => apiSend('POST', '/api/news', NewsSchema, body), onSuccess });
}

export function useNewsWrite(id: number) {
  const onSuccess = useRefresh(keys.news, keys.post(id));
  // Called in the same order on every render, like any hook.
  const write = <A,>(fn: (a: A) => Promise<unknown>) => useMutation({ mutationFn: fn, onSuccess });
  return {
    edit: write((body: NewsInput) => apiSend('PATCH', `/api/news/${id}`, NewsSchema, body)),
    step: write((step: 'approve' | 'publish' | 'withdraw') => apiSend('POST', `/api/news/${id}/${step}`, NewsSchema)),
    image: write(({ file, caption }: { file: File; caption?: string }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload(`/api/news/${id}/images`, NewsSchema, form, { caption: caption || undefined });
    }),
  };
}

export const newsImageUrl = (id: number, imageId: number) => `/api/news/${id}/images/${imageId}`;
