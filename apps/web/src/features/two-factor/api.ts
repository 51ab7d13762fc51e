import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  EnrolmentSchema, MeSchema, OkSchema, RecoveryCodesSchema, SignInEnrolledSchema, TwoFactorStatusSchema,
  type SecondFactorCodeBody, type TotpCodeBody,
} from '@dj/contracts';
import { apiGet, apiRequest, apiSend } from '../../lib/api-client';
import { markSignedIn } from '../../lib/session';

export const twoFactorKeys = { status: ['two-factor', 'status'] as const };
const SIGN_IN = '/api/two-factor/sign-in';

/**
 * The second step of sign-in: no session yet, so a 401 (wrong code, or the pending sign-in ran out) is shown on the
 * page instead of sending the user to the sign-in page they are on.
 */
const pendingRequest = <T>(path: string, schema: { parse(input: unknown): T }, body: unknown = {}) =>
  apiRequest(`${SIGN_IN}${path}`, schema, { method: 'POST', body, skipUnauthorizedHandler: true });

export function useVerifySecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondFactorCodeBody) => pendingRequest('/verify', MeSchema, body),
    onSuccess: (me) => markSignedIn(queryClient, me),
  });
}

/** Enrolment, at sign-in (pending) or by a signed-in user of their own accord. */
export function useStartEnrolment(atSignIn: boolean) {
  return useMutation({
    mutationFn: () => (atSignIn ? pendingRequest('/enrolment', EnrolmentSchema) : apiSend('POST', '/api/two-factor/enrolment', EnrolmentSchema, {})),
  });
}

/** At sign-in the first code also opens the session; the recovery codes are shown before the app. */
export function useConfirmSignInEnrolment() {
  return useMutation({ mutationFn: (body: TotpCodeBody) => pendingRequest('/enrolment/confirm', SignInEnrolledSchema, body) });
}

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TotpCodeBody) => apiSend('POST', '/api/two-factor/enrolment/confirm', RecoveryCodesSchema, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorKeys.status }),
  });
}

export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorKeys.status, queryFn: ({ signal }) => apiGet('/api/two-factor/status', TwoFactorStatusSchema, undefined, signal) });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/two-factor/recovery-codes', RecoveryCodesSchema, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorKeys.status }),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/two-factor/disable', OkSchema, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorKeys.status }),
  });
}
