import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChecklistTemplateListSchema, ChecklistTemplateSchema, type SaveChecklistTemplate } from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';

export type ChecklistTemplate = ReturnType<typeof ChecklistTemplateSchema.parse>;

export const checklistKeys = { templates: ['checklist-templates'] as const };

export function useChecklistTemplates(enabled = true) {
  return useQuery({
    queryKey: checklistKeys.templates,
    queryFn: ({ signal }) => apiGet('/api/checklist-templates', ChecklistTemplateListSchema, undefined, signal),
    enabled,
    select: (data) => data.items,
  });
}

/** Creates (id null) or replaces a template. */
export function useSaveChecklistTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: SaveChecklistTemplate }) =>
      id === null
        ? apiSend('POST', '/api/checklist-templates', ChecklistTemplateSchema, body)
        : apiSend('PUT', `/api/checklist-templates/${id}`, ChecklistTemplateSchema, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: checklistKeys.templates });
    },
  });
}
