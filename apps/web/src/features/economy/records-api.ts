import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActorListSchema, ActorSchema, EconomyLinkOptionsSchema, OkSchema, ProductListSchema, ProductSchema, ProjectListSchema, ProjectSchema,
  type ActorInput, type CreateActor, type CreateProduct, type CreateProject, type ProductInput, type ProjectIncomeInput, type ProjectInput, type SupportInput,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';

/** 一村一品, 经营主体, 村级项目 (issue 18 points 4–5): one key each, so a write refetches only its own list. */
export const recordKeys = {
  products: ['economy', 'products'] as const,
  actors: ['economy', 'actors'] as const,
  projects: ['economy', 'projects'] as const,
  links: (orgId: number) => ['economy', 'links', orgId] as const,
};

export const useProducts = () => useQuery({ queryKey: recordKeys.products, queryFn: ({ signal }) => apiGet('/api/economy/products', ProductListSchema, undefined, signal) });
export const useActors = () => useQuery({ queryKey: recordKeys.actors, queryFn: ({ signal }) => apiGet('/api/economy/actors', ActorListSchema, undefined, signal) });
export const useProjects = () => useQuery({ queryKey: recordKeys.projects, queryFn: ({ signal }) => apiGet('/api/economy/projects', ProjectListSchema, undefined, signal) });

/** The village's talents, 四议两公开 and published 三务公开 for the pickers (asked only by those who may write). */
export function useLinkOptions(orgId: number | null) {
  return useQuery({
    queryKey: recordKeys.links(orgId ?? 0), enabled: orgId !== null,
    queryFn: ({ signal }) => apiGet(`/api/economy/villages/${orgId}/link-options`, EconomyLinkOptionsSchema, undefined, signal),
  });
}

function useInvalidate(key: readonly string[]) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useSaveProduct(id: number | null) {
  const onSuccess = useInvalidate(recordKeys.products);
  return useMutation({
    mutationFn: (body: CreateProduct | ProductInput) => (id ? apiSend('PATCH', `/api/economy/products/${id}`, ProductSchema, body) : apiSend('POST', '/api/economy/products', ProductSchema, body)),
    onSuccess,
  });
}

export function useDeleteProduct() {
  const onSuccess = useInvalidate(recordKeys.products);
  return useMutation({ mutationFn: (id: number) => apiSend('DELETE', `/api/economy/products/${id}`, OkSchema), onSuccess });
}

export function useSaveActor(id: number | null) {
  const onSuccess = useInvalidate(recordKeys.actors);
  return useMutation({
    mutationFn: (body: CreateActor | ActorInput) => (id ? apiSend('PATCH', `/api/economy/actors/${id}`, ActorSchema, body) : apiSend('POST', '/api/economy/actors', ActorSchema, body)),
    onSuccess,
  });
}

export function useDeleteActor() {
  const onSuccess = useInvalidate(recordKeys.actors);
  return useMutation({ mutationFn: (id: number) => apiSend('DELETE', `/api/economy/actors/${id}`, OkSchema), onSuccess });
}

export function useActorSupport(id: number) {
  const onSuccess = useInvalidate(recordKeys.actors);
  return {
    add: useMutation({ mutationFn: (body: SupportInput) => apiSend('POST', `/api/economy/actors/${id}/support`, ActorSchema, body), onSuccess }),
    remove: useMutation({ mutationFn: (supportId: number) => apiSend('DELETE', `/api/economy/actors/${id}/support/${supportId}`, ActorSchema), onSuccess }),
  };
}

export function useSaveProject(id: number | null) {
  const onSuccess = useInvalidate(recordKeys.projects);
  return useMutation({
    mutationFn: (body: CreateProject | ProjectInput) => (id ? apiSend('PATCH', `/api/economy/projects/${id}`, ProjectSchema, body) : apiSend('POST', '/api/economy/projects', ProjectSchema, body)),
    onSuccess,
  });
}

export function useProjectIncome(id: number) {
  const onSuccess = useInvalidate(recordKeys.projects);
  return {
    set: useMutation({ mutationFn: ({ year, ...body }: ProjectIncomeInput & { year: number }) => apiSend('PUT', `/api/economy/projects/${id}/incomes/${year}`, ProjectSchema, body), onSuccess }),
    remove: useMutation({ mutationFn: (year: number) => apiSend('DELETE', `/api/economy/projects/${id}/incomes/${year}`, ProjectSchema), onSuccess }),
  };
}

export function useUploadProjectPhoto(id: number) {
  const onSuccess = useInvalidate(recordKeys.projects);
  return useMutation({
    mutationFn: ({ file, caption }: { file: File; caption?: string }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload(`/api/economy/projects/${id}/photos`, ProjectSchema, form, { caption: caption || undefined });
    },
    onSuccess,
  });
}

export const projectPhotoUrl = (id: number, photoId: number) => `/api/economy/projects/${id}/photos/${photoId}`;

/** 万元 typed in a form ↔ 分 in the request (four decimals: to the 元). */
export const wanToFen = (wan: number | null | undefined) => (wan === null || wan === undefined ? null : Math.round(wan * 1_000_000));
export const fenToWan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : fen / 1_000_000);
