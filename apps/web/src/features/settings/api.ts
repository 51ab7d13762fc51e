import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SettingListSchema, SettingSchema, type Setting } from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';
import { duesKeys } from '../dues/api';
import { mobilityKeys, taskKeys } from '../mobility/api';

export const settingKeys = { all: ['settings'] as const };

export function useSettings(enabled = true) {
  return useQuery({
    queryKey: settingKeys.all,
    queryFn: ({ signal }) => apiGet('/api/settings', SettingListSchema, undefined, signal),
    enabled,
    select: (data) => data.items,
  });
}

/** The value in force for one setting, once loaded. */
export function useSettingValue(key: string, enabled = true): Setting | undefined {
  return useSettings(enabled).data?.find((setting) => setting.key === key);
}

export function useUpdateSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: number }) =>
      apiSend('PATCH', `/api/settings/${encodeURIComponent(key)}`, SettingSchema, { value }),
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
