import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  isSecondFactorPending, LoginResultSchema, MeSchema, OkSchema, STEP_UP_REQUIRED, StepUpResultSchema, type LoginBody, type Me, type StepUpBody,
} from '@dj/contracts';
import { ApiError, apiRequest, isApiError, setCsrfToken } from './api-client';

export const meQueryKey = ['auth', 'me'] as const;
/**
 * True once the user signed out on purpose: the sign-in page then keeps no return address, so the next person on
 * this browser lands on their own role's page (a session that expired still brings its user back). Under 'auth', it
 * survives the removal of the previous session's answers; signing in clears it.
 */
export const signedOutByUserKey = ['auth', 'signed-out-by-user'] as const;

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

/**
 * The signed-in user's 适老化 choice (issue 21 point 3), read from the cached answer without asking the server: the
 * theme wraps every page, the sign-in page too, where nobody is signed in yet.
 */
export function useElderMode(): boolean {
  const { data } = useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(signal), enabled: false, staleTime: Infinity });
  return data?.user.elderMode ?? false;
}

/** Drops every cached answer of the previous session and marks the user as signed out (`byUser`: they asked to). */
export function markSignedOut(queryClient: QueryClient, { byUser = false } = {}): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(signedOutByUserKey, byUser);
  queryClient.setQueryData<Me | null>(meQueryKey, null);
}

/** A session is open (after the password, or after the second step): the previous user's cached answers go. */
export function markSignedIn(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(signedOutByUserKey, false);
  queryClient.setQueryData<Me | null>(meQueryKey, me);
}

/**
 * The password step. Where a second factor is owed the answer is a pending sign-in instead of a session: its own
 * CSRF token then accompanies the second step's requests (issue 12 point 3).
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      apiRequest('/api/auth/login', LoginResultSchema, { method: 'POST', body, skipUnauthorizedHandler: true }),
    onSuccess: (result) => {
      if (isSecondFactorPending(result)) setCsrfToken(result.secondFactor.csrfToken);
      else markSignedIn(queryClient, result);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/auth/logout', OkSchema, { method: 'POST', skipUnauthorizedHandler: true }),
    // Signed out locally even if the server call failed: the user asked to leave.
    onSettled: () => markSignedOut(queryClient, { byUser: true }),
  });
}

/** True when the user signed out on purpose (see signedOutByUserKey): no page to return to. */
export const signedOutByUser = (queryClient: QueryClient): boolean => queryClient.getQueryData(signedOutByUserKey) === true;

/** True when the server asks this session to re-enter its password first (403 STEP_UP_REQUIRED, 安全测试清单第26项). */
export function isStepUpRequired(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === STEP_UP_REQUIRED;
}

/**
 * Re-enters the password of the signed-in user, so this session may see and export full numbers for a while.
 * A wrong password answers 401 like a failed sign-in: that must not sign the user out, so the 401 hand-off is
 * skipped and "who am I" is asked again instead (an expired session then still leads to the sign-in page).
 */
export function useStepUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StepUpBody) =>
      apiRequest('/api/auth/step-up', StepUpResultSchema, { method: 'POST', body, skipUnauthorizedHandler: true }),
    onError: (error) => {
      if (isApiError(error, 401)) void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
