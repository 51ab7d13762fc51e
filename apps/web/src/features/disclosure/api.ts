import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DisclosureBoardSchema,
  DisclosureListSchema,
  DisclosureRuleListSchema,
  DisclosureSchema,
  type CreateDisclosure,
  type Disclosure,
  type DisclosureBoard,
  type DisclosureCategory,
  type DisclosureListQuery,
  type DisclosureRule,
  type DisclosureStatus,
  type DisclosureSummary,
  type UpdateDisclosure,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';

export type { CreateDisclosure, Disclosure, DisclosureBoard, DisclosureCategory, DisclosureRule, DisclosureStatus, DisclosureSummary, UpdateDisclosure };
export type DisclosureFile = Disclosure['files'][number];
export type DisclosureAction = 'submit' | 'review' | 'approve' | 'publish' | 'return';

export const disclosureKeys = {
  all: ['disclosure'] as const,
  rules: ['disclosure', 'rules'] as const,
  board: (orgId?: number) => ['disclosure', 'board', orgId ?? null] as const,
  lists: ['disclosure', 'list'] as const,
  list: (q: DisclosureListQuery) => ['disclosure', 'list', q] as const,
  detail: (id: number) => ['disclosure', 'detail', id] as const,
};

export function useDisclosureRules(enabled = true) {
  return useQuery({
    queryKey: disclosureKeys.rules,
    queryFn: ({ signal }) => apiGet('/api/disclosure/rules', DisclosureRuleListSchema, undefined, signal),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useDisclosureBoard(orgId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: disclosureKeys.board(orgId),
    queryFn: ({ signal }) => apiGet('/api/disclosures/board', DisclosureBoardSchema, { orgId }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useDisclosures(query: DisclosureListQuery, enabled = true) {
  return useQuery({
    queryKey: disclosureKeys.list(query),
    queryFn: ({ signal }) => apiGet('/api/disclosures', DisclosureListSchema, { ...query }, signal),
    enabled,
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}

export function useDisclosure(id: number | undefined) {
  return useQuery({
    queryKey: disclosureKeys.detail(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/disclosures/${id}`, DisclosureSchema, undefined, signal),
    enabled: id !== undefined,
  });
}

/** A change moves the board, the lists and (for a correction) the disclosure it replaces. */
function useOnDisclosureChanged() {
  const queryClient = useQueryClient();
  return async (disclosure: Disclosure) => {
    queryClient.setQueryData(disclosureKeys.detail(disclosure.id), disclosure);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: disclosureKeys.lists }),
      queryClient.invalidateQueries({ queryKey: ['disclosure', 'board'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      disclosure.supersedesId ? queryClient.invalidateQueries({ queryKey: disclosureKeys.detail(disclosure.supersedesId) }) : Promise.resolve(),
    ]);
  };
}

function useDisclosureMutation<V>(request: (vars: V) => Promise<Disclosure>) {
  const onChanged = useOnDisclosureChanged();
  return useMutation({ mutationFn: request, onSuccess: (disclosure) => onChanged(disclosure) });
}

export function useCreateDisclosure() {
  return useDisclosureMutation((body: CreateDisclosure) => apiSend('POST', '/api/disclosures', DisclosureSchema, body));
}

export function useUpdateDisclosure() {
  return useDisclosureMutation(({ id, body }: { id: number; body: UpdateDisclosure }) =>
    apiSend('PATCH', `/api/disclosures/${id}`, DisclosureSchema, body),
  );
}

export function useDisclosureStep() {
  return useDisclosureMutation(({ id, action, note }: { id: number; action: DisclosureAction; note?: string }) =>
    apiSend('POST', `/api/disclosures/${id}/${action}`, DisclosureSchema, action === 'return' ? { reason: note ?? '' } : note ? { note } : {}),
  );
}

function upload(path: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload(path, DisclosureSchema, form);
}

export function useUploadDisclosureFile() {
  return useDisclosureMutation(({ id, file }: { id: number; file: File }) => upload(`/api/disclosures/${id}/files`, file));
}

export function useImportDisclosureTable() {
  return useDisclosureMutation(({ id, file }: { id: number; file: File }) => upload(`/api/disclosures/${id}/table`, file));
}

export function useDeleteDisclosureFile() {
  return useDisclosureMutation(({ id, fileId }: { id: number; fileId: number }) =>
    apiSend('DELETE', `/api/disclosures/${id}/files/${fileId}`, DisclosureSchema),
  );
}

export function downloadDisclosureFile(id: number, file: DisclosureFile) {
  return downloadFile(`/api/disclosures/${id}/files/${file.id}`, file.name);
}

/** The village's public board (server-rendered, no sign-in). */
export const publicVillageUrl = (code: string) => `/public/villages/${encodeURIComponent(code)}`;
