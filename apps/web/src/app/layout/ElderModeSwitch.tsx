import { App, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PreferencesSchema, type Me } from '@dj/contracts';
import { apiRequest, errorMessage } from '../../lib/api-client';
import { meQueryKey, useElderMode } from '../../lib/session';

/**
 * 适老化 (issue 21 point 3): large text and larger controls, switched in the header and kept with the account (not the
 * browser), so a member who turned it on at the village office finds it on their own phone too.
 */
export function ElderModeSwitch() {
  const elder = useElderMode();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (elderMode: boolean) => apiRequest('/api/auth/preferences', PreferencesSchema, { method: 'PATCH', body: { elderMode } }),
    onSuccess: ({ elderMode }) => {
      queryClient.setQueryData<Me | null>(meQueryKey, (me) => (me ? { ...me, user: { ...me.user, elderMode } } : me));
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  return (
    // The label names the switch for a screen reader and makes the word itself a target to tap.
    <label className="app-elder-switch" title="大字号、大按钮">
      <Switch size="small" checked={elder} loading={save.isPending} onChange={(checked) => save.mutate(checked)} />
      <span>适老化</span>
    </label>
  );
}
