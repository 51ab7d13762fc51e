import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ActivityDetailSchema, MyActivityListSchema, type ResponseBody } from '@dj/contracts';
import { apiGet, apiSend } from '../../lib/api-client';

export type MyActivity = ReturnType<typeof MyActivityListSchema.parse>['items'][number];
export type MyResponse = NonNullable<MyActivity['myResponse']>;

export const myKeys = { activities: ['my', 'activities'] as const };

/** The member's own 组织生活: the last 90 days and what is coming. */
export function useMyActivities(enabled = true) {
  return useQuery({
    queryKey: myKeys.activities,
    queryFn: ({ signal }) => apiGet('/api/my/activities', MyActivityListSchema, undefined, signal),
    enabled,
    select: (data) => data.items,
  });
}

export function useRespond() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, response, reason }: { id: number } & ResponseBody) =>
      apiSend('POST', `/api/activities/${id}/responses`, ActivityDetailSchema, reason ? { response, reason } : { response }),
    onSuccess: async (_detail, { id, response }) => {
      queryClient.setQueryData<{ items: MyActivity[] }>(myKeys.activities, (old) =>
        old ? { items: old.items.map((item) => (item.id === id ? { ...item, myResponse: response } : item)) } : old,
      );
      await queryClient.invalidateQueries({ queryKey: myKeys.activities });
    },
  });
}
