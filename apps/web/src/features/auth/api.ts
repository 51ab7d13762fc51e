import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { MeSchema, OkSchema, type LoginBody, type Me } from '@dj/contracts';
import { apiRequest, isApiError, setCsrfToken } from '../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when the session is missing or expired. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiRequest('/api/auth/me', MeSchema, { signal, skipUnauthorizedHandler: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** Drops every cached answer of the previous session and marks the user as signed out. */
export function markSignedOut(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData<Me | null>(meQueryKey, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      apiRequest('/api/auth/login', MeSchema, { method: 'POST', body, skipUnauthorizedHandler: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData<Me | null>(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/auth/logout', OkSchema, { method: 'POST', skipUnauthorizedHandler: true }),
    // Signed out locally even if the server call failed: the user asked to leave.
    onSettled: () => markSignedOut(queryClient),
  });
}
