import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CADRE_ROSTER_TITLE, ImportReportSchema, type CadreFormFormat, type CadreRosterFormat } from '@dj/contracts';
import { apiUpload } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { cadreKeys } from './api';

/** 村两委成员名册 of one village, or of every village in sight without an orgId (the town board). */
export function useDownloadRoster() {
  return useMutation({
    mutationFn: ({ orgId, format }: { orgId?: number; format: CadreRosterFormat }) =>
      downloadFile(orgId ? `/api/cadres/villages/${orgId}/roster/${format}` : `/api/cadres/roster/${format}`, `${CADRE_ROSTER_TITLE}.${format}`),
  });
}

export function useDownloadApprovalForm(orgId: number) {
  return useMutation({
    mutationFn: ({ personId, format }: { personId: number; format: CadreFormFormat }) =>
      downloadFile(`/api/cadres/villages/${orgId}/people/${personId}/approval-form/${format}`, `干部任免审批表.${format}`),
  });
}

export function useDownloadCadreTemplate() {
  return useMutation({ mutationFn: () => downloadFile('/api/cadres/import-template', '村两委成员导入模板.xlsx') });
}

/** The 两委 import: a dry run first; the real run writes everything or nothing, then the village page and board reload. */
export function useImportCadres(orgId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload(`/api/cadres/villages/${orgId}/import`, ImportReportSchema, form, { dryRun: String(dryRun) });
    },
    onSuccess: async (report) => {
      if (!report.dryRun) await queryClient.invalidateQueries({ queryKey: cadreKeys.all });
    },
  });
}
