import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OnlineEntryResultSchema, OnlineImportReportSchema, type OnlineEntry, type OnlinePlatform } from '@dj/contracts';
import { apiSend, apiUpload } from '../../lib/api-client';
import { educationKeys } from './api';

/** 线上学习 (issue 19 point 3): a real import or an entry changes every hours figure, so every education query refetches. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: educationKeys.all });
}

export function useImportOnline() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ file, orgId, dryRun, platform, month }: { file: File; orgId: number; dryRun: boolean; platform?: OnlinePlatform; month?: string }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload('/api/education/online/import', OnlineImportReportSchema, form, { orgId, dryRun, platform, month });
    },
    onSuccess,
  });
}

export function useEnterOnline() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: OnlineEntry) => apiSend('PUT', '/api/education/online/entries', OnlineEntryResultSchema, body), onSuccess });
}
