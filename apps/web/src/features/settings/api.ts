import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SettingSchema, type Setting, type SettingKeyParam, type UpdateSetting } from '@dj/contracts';
import { apiSend } from '../../lib/api-client';
import { duesKeys, mobilityKeys, taskKeys } from '../../lib/query-keys';
import { settingKeys } from '../../lib/settings';

// Reading the settings is shared (lib/settings, other features' forms use it); this feature owns the page and the writes.
export function useUpdateSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: SettingKeyParam & UpdateSetting) =>
      apiSend('PATCH', `/api/settings/${encodeURIComponent(key)}`, SettingSchema, body),
    onSuccess: async (setting) => {
      queryClient.setQueryData<{ items: Setting[] }>(settingKeys.all, (old) =>
        old ? { items: old.items.map((item) => (item.key === setting.key ? setting : item)) } : old,
      );
      // The answer is the saved setting itself; dues amounts, letter validity and flow deadlines are all computed from these values.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: duesKeys.all }),
        queryClient.invalidateQueries({ queryKey: mobilityKeys.all }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      ]);
    },
  });
}
