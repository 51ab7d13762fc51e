import { useQuery } from '@tanstack/react-query';
import { SettingListSchema, type Setting } from '@dj/contracts';
import { apiGet } from './api-client';

// Local rules (settings) are read by forms in several features (the 主题党日 day, 四议两公开 review thresholds,
// 介绍信 validity, the default 整改 period); the settings feature adds the page and the writes on top of this key.
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
