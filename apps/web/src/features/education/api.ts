import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AttendeeOptionsSchema, BranchHoursSchema, MyStudySchema, MyUpcomingTrainingSchema, PersonHoursSchema, TrainingListSchema, TrainingSchema,
  type AttendanceInput, type ResponseBody, type CreateTraining, type TrainingInput, type TrainingKind,
} from '@dj/contracts';
import { apiGet, apiSend, apiUpload } from '../../lib/api-client';

/** Every education query sits under `all`: a write refetches the lists, the session and the hours together. */
export const educationKeys = {
  all: ['education'] as const,
  session: (id: number) => ['education', 'session', id] as const,
};

export function useSessions(query: { year: number; kind?: TrainingKind; orgId?: number }) {
  return useQuery({ queryKey: ['education', 'sessions', query], queryFn: ({ signal }) => apiGet('/api/education/sessions', TrainingListSchema, query, signal) });
}

export function useBranchHours(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: ['education', 'hours', orgId, year],
    queryFn: ({ signal }) => apiGet('/api/education/hours', BranchHoursSchema, { orgId: orgId!, year }, signal),
    enabled: orgId !== undefined,
  });
}

export function useSession(id: number) {
  return useQuery({ queryKey: educationKeys.session(id), queryFn: ({ signal }) => apiGet(`/api/education/sessions/${id}`, TrainingSchema, undefined, signal) });
}

export function usePersonHours(personId: number, year: number) {
  return useQuery({
    queryKey: ['education', 'person', personId, year],
    queryFn: ({ signal }) => apiGet(`/api/education/people/${personId}/hours`, PersonHoursSchema, { year }, signal),
  });
}

/** The organiser's people for the attendance picker (names only), once an organiser is known. */
export function useAttendeeOptions(orgId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: ['education', 'attendee-options', orgId],
    queryFn: ({ signal }) => apiGet('/api/education/attendee-options', AttendeeOptionsSchema, { orgId: orgId! }, signal),
    enabled: enabled && orgId !== undefined,
    select: (data) => data.items,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: educationKeys.all });
}

export function useCreateSession() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: CreateTraining) => apiSend('POST', '/api/education/sessions', TrainingSchema, body), onSuccess });
}

export function useUpdateSession(id: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: TrainingInput) => apiSend('PATCH', `/api/education/sessions/${id}`, TrainingSchema, body), onSuccess });
}

export function useSaveAttendance(id: number) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: AttendanceInput) => apiSend('PUT', `/api/education/sessions/${id}/attendees`, TrainingSchema, body), onSuccess });
}

export function useMaterials(id: number) {
  const onSuccess = useInvalidate();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload(`/api/education/sessions/${id}/files`, TrainingSchema, form);
    },
    onSuccess,
  });
  const remove = useMutation({ mutationFn: (fileId: number) => apiSend('DELETE', `/api/education/sessions/${id}/files/${fileId}`, TrainingSchema), onSuccess });
  return { upload, remove };
}

/** 我的学习: the member's own year and their branch's coming sessions (personal: the caller's own person only). */
export function useMyStudy(year: number) {
  return useQuery({ queryKey: ['education', 'my', year], queryFn: ({ signal }) => apiGet('/api/my/education', MyStudySchema, { year }, signal) });
}

export function useRespondTraining() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ id, response, reason }: { id: number } & ResponseBody) =>
      apiSend('POST', `/api/education/sessions/${id}/responses`, MyUpcomingTrainingSchema, reason ? { response, reason } : { response }),
    onSuccess,
  });
}
