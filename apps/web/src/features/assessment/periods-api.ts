import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AssessmentPeriodDetailSchema, AssessmentPeriodListSchema,
  type AdjustAssessmentScore, type ApproveAssessmentPeriod, type AssessmentPeriodDetail, type EnterAssessmentScore,
  type OpenAssessmentPeriod, type RaiseObjection, type RuleObjection,
} from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';
import { assessmentKeys } from './api';

/** 考核期 (issue 16 point 3): the list, one period, and each step of its flow. Every step answers the whole period. */
export const periodKeys = {
  all: [...assessmentKeys.all, 'periods'] as const,
  list: [...assessmentKeys.all, 'periods', 'list'] as const,
  one: (id: number) => [...assessmentKeys.all, 'periods', id] as const,
};

export function usePeriods() {
  return useQuery({ queryKey: periodKeys.list, queryFn: ({ signal }) => apiGet('/api/assessment/periods', AssessmentPeriodListSchema, undefined, signal) });
}

export function usePeriod(id: number) {
  return useQuery({
    queryKey: periodKeys.one(id), enabled: id > 0,
    queryFn: ({ signal }) => apiGet(`/api/assessment/periods/${id}`, AssessmentPeriodDetailSchema, undefined, signal),
  });
}

/** A step's answer is the period as it now stands: shown at once; the list (its status) is fetched again. */
function usePeriodStep<B>(id: number, send: (body: B) => Promise<AssessmentPeriodDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      queryClient.setQueryData(periodKeys.one(id), detail);
      return queryClient.invalidateQueries({ queryKey: periodKeys.list });
    },
  });
}

const path = (id: number, step = '') => `/api/assessment/periods/${id}${step}`;

export function useOpenPeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenAssessmentPeriod) => apiSend('POST', '/api/assessment/periods', AssessmentPeriodDetailSchema, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(periodKeys.one(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: periodKeys.list });
    },
  });
}

export const useEnterScore = (id: number) =>
  usePeriodStep(id, (body: EnterAssessmentScore) => apiSend('PUT', path(id, '/scores'), AssessmentPeriodDetailSchema, body));
export const usePublishPeriod = (id: number) =>
  usePeriodStep(id, () => apiSend('POST', path(id, '/publish'), AssessmentPeriodDetailSchema));
export const useRaiseObjection = (id: number) =>
  usePeriodStep(id, (body: RaiseObjection) => apiSend('POST', path(id, '/objections'), AssessmentPeriodDetailSchema, body));
export const useRuleObjection = (id: number) =>
  usePeriodStep(id, ({ objectionId, ...body }: RuleObjection & { objectionId: number }) =>
    apiSend('POST', path(id, `/objections/${objectionId}/ruling`), AssessmentPeriodDetailSchema, body));
export const useApprovePeriod = (id: number) =>
  usePeriodStep(id, (body: ApproveAssessmentPeriod) => apiSend('POST', path(id, '/approve'), AssessmentPeriodDetailSchema, body));
export const useAdjustScore = (id: number) =>
  usePeriodStep(id, (body: AdjustAssessmentScore) => apiSend('POST', path(id, '/adjustments'), AssessmentPeriodDetailSchema, body));
