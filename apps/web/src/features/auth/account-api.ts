import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ChangePasswordResultSchema, OkSchema, PasswordPolicySchema, SessionListSchema, type ChangePasswordBody,
} from '@dj/contracts';
import { apiRequest } from '../../lib/api-client';
import { meQueryKey } from '../../lib/session';

const sessionsKey = ['auth', 'sessions'] as const;

/** The town's password rules in force, for the change form's hint and its shortest length. */
export function usePasswordPolicy() {
  return useQuery({ queryKey: ['auth', 'password-policy'], queryFn: ({ signal }) => apiRequest('/api/auth/password-policy', PasswordPolicySchema, { signal }) });
}

/**
 * Changes the signed-in user's password. A wrong current password is a 400 on its field (not a 401), so the form
 * shows it; on success "who am I" is asked again, which lifts a forced change, and the device list is stale.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiRequest('/api/auth/password', ChangePasswordResultSchema, { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
  });
}

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => apiRequest('/api/auth/sessions', SessionListSchema, { signal }) });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest(`/api/auth/sessions/${id}`, OkSchema, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
