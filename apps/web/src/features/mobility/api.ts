import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreateFlowSchema,
  CreateLetterSchema,
  FlowContactSchema,
  MemberMobilitySchema,
  type EndFlow,
  type LetterReceipt,
  type MemberMobility,
} from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';
import { orgKeys } from '../../lib/organizations';
import { memberKeys, mobilityKeys, taskKeys } from '../../lib/query-keys';

// The web app does not depend on zod itself: request bodies are typed from the contract schemas' output.
export type CreateFlow = ReturnType<typeof CreateFlowSchema.parse>;
export type FlowContact = ReturnType<typeof FlowContactSchema.parse>;
export type CreateLetter = ReturnType<typeof CreateLetterSchema.parse>;
export type MemberFlow = MemberMobility['flows'][number];
export type TransferLetter = MemberMobility['letters'][number];

export function useMobility(memberId: number) {
  return useQuery({
    queryKey: mobilityKeys.member(memberId),
    queryFn: ({ signal }) => apiGet(`/api/members/${memberId}/mobility`, MemberMobilitySchema, undefined, signal),
  });
}

/**
 * Flows and letters write 党籍 events (外出流动, 组织关系转出…), so the member's detail, the roster (流动 tag,
 * who is on it at all) and the to-do list all move with them.
 */
function useOnMobilityChanged() {
  const queryClient = useQueryClient();
  return async (memberId: number, mobility: MemberMobility, leftRoster = false) => {
    queryClient.setQueryData(mobilityKeys.member(memberId), mobility);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: memberKeys.lists }),
      queryClient.invalidateQueries({ queryKey: memberKeys.detail(memberId) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      // Member counts per organisation change only when someone leaves the roster.
      leftRoster ? queryClient.invalidateQueries({ queryKey: orgKeys.all }) : Promise.resolve(),
    ]);
  };
}

export function useStartFlow() {
  const onChanged = useOnMobilityChanged();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: number; body: CreateFlow }) =>
      apiSend('POST', `/api/members/${memberId}/flows`, MemberMobilitySchema, body),
    onSuccess: (mobility, { memberId }) => onChanged(memberId, mobility),
  });
}

export function useRecordContact() {
  const onChanged = useOnMobilityChanged();
  return useMutation({
    mutationFn: ({ memberId, flowId, body }: { memberId: number; flowId: number; body: FlowContact }) =>
      apiSend('POST', `/api/members/${memberId}/flows/${flowId}/contacts`, MemberMobilitySchema, body),
    onSuccess: (mobility, { memberId }) => onChanged(memberId, mobility),
  });
}

export function useEndFlow() {
  const onChanged = useOnMobilityChanged();
  return useMutation({
    mutationFn: ({ memberId, flowId, ...body }: { memberId: number; flowId: number } & EndFlow) =>
      apiSend('POST', `/api/members/${memberId}/flows/${flowId}/end`, MemberMobilitySchema, body),
    onSuccess: (mobility, { memberId }) => onChanged(memberId, mobility),
  });
}

/** Also records 组织关系转出: the member leaves the roster. */
export function useIssueLetter() {
  const onChanged = useOnMobilityChanged();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: number; body: CreateLetter }) =>
      apiSend('POST', `/api/members/${memberId}/letters`, MemberMobilitySchema, body),
    onSuccess: (mobility, { memberId }) => onChanged(memberId, mobility, true),
  });
}

export function useReturnReceipt() {
  const onChanged = useOnMobilityChanged();
  return useMutation({
    mutationFn: ({ memberId, letterId, ...body }: { memberId: number; letterId: number } & LetterReceipt) =>
      apiSend('POST', `/api/members/${memberId}/letters/${letterId}/receipt`, MemberMobilitySchema, body),
    onSuccess: (mobility, { memberId }) => onChanged(memberId, mobility),
  });
}
