import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BulkSecretariesPreviewSchema, BulkSecretariesResultSchema, CreateUserResultSchema, MemberListSchema,
  OkSchema, ResetPasswordResultSchema, SessionListSchema, UserListSchema, UserSummarySchema,
  type CreateUserBody, type Credential, type CredentialSheetBody, type UpdateUserBody,
  type UserListQuery,
} from '@dj/contracts';
import { apiGet, apiRequest, apiSend } from '../../lib/api-client';
import { downloadPostedFile } from '../../lib/download';

/*
 * Accounts a town runs itself (issue 12 points 1 and 4; /api/users). Every shape is the contract's; the one-time
 * passwords the answers carry stay in the component that shows them and are never cached by the query client.
 */

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  sessions: (id: number) => ['users', 'sessions', id] as const,
  bulk: ['users', 'bulk-secretaries'] as const,
};

export const CREDENTIAL_SHEET_NAME = '账号交接单.pdf';

export function useUsers(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => apiGet('/api/users', UserListSchema, { ...query }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Any change to an account moves the list (status, grants, last sign-in). */
function useUsersChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (body: CreateUserBody) => apiSend('POST', '/api/users', CreateUserResultSchema, body),
    onSuccess: changed,
  });
}

export function useUpdateUser() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserBody }) => apiSend('PATCH', `/api/users/${id}`, UserSummarySchema, body),
    onSuccess: changed,
  });
}

export type UserAction = 'disable' | 'enable' | 'unlock';

export function useUserAction() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: UserAction }) => apiSend('POST', `/api/users/${id}/${action}`, UserSummarySchema, {}),
    onSuccess: changed,
  });
}

export function useResetPassword() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (id: number) => apiSend('POST', `/api/users/${id}/reset-password`, ResetPasswordResultSchema, {}),
    onSuccess: changed,
  });
}

/** A town admin's reset of someone's second factor: needs the admin's own step-up (403 STEP_UP_REQUIRED first). */
export function useResetTwoFactor() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (id: number) => apiSend('POST', `/api/two-factor/users/${id}/reset`, OkSchema, {}),
    onSuccess: changed,
  });
}

export function useUserSessions(id: number | null) {
  return useQuery({
    queryKey: userKeys.sessions(id ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/users/${id}/sessions`, SessionListSchema, undefined, signal),
    enabled: id !== null,
  });
}

export function useEndUserSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, sessionId }: { userId: number; sessionId: number }) =>
      apiRequest(`/api/users/${userId}/sessions/${sessionId}`, OkSchema, { method: 'DELETE' }),
    onSuccess: (_r, { userId }) => queryClient.invalidateQueries({ queryKey: userKeys.sessions(userId) }),
  });
}

/** The roster search of the 新建账号 form: members by name or the last digits of the ID number. */
export function useMemberSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['users', 'member-search', text],
    queryFn: ({ signal }) => apiGet('/api/members', MemberListSchema, { q: text, pageSize: 20 }, signal),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}

export function useBulkPreview(enabled: boolean) {
  return useQuery({
    queryKey: userKeys.bulk,
    queryFn: ({ signal }) => apiGet('/api/users/bulk/secretaries', BulkSecretariesPreviewSchema, undefined, signal),
    enabled,
  });
}

export function useBulkCreate() {
  const changed = useUsersChanged();
  return useMutation({
    // No choice to send: every account the preview marks creatable is made.
    mutationFn: () => apiSend('POST', '/api/users/bulk/secretaries', BulkSecretariesResultSchema, {}),
    onSuccess: changed,
  });
}

/** The A4 hand-out sheet: the passwords go in the POST body, never in a URL. */
export function downloadCredentialSheet(credentials: Credential[]): Promise<string> {
  const body: CredentialSheetBody = { credentials };
  return downloadPostedFile('/api/users/credential-sheet', CREDENTIAL_SHEET_NAME, body);
}
