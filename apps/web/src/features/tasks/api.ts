import { useQuery } from '@tanstack/react-query';
import { TaskListSchema } from '@dj/contracts';
import { apiGet } from '../../lib/api-client';
import { taskKeys } from '../../lib/query-keys';

// The web app does not depend on zod itself: types come from the contract schemas' output.
export type Task = ReturnType<typeof TaskListSchema.parse>['items'][number];

/** 待办事项 of the caller's scope (or of one organisation in it), each with the page where it is acted on. */
export function useTasks(orgId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(orgId),
    queryFn: ({ signal }) => apiGet('/api/tasks', TaskListSchema, { orgId }, signal),
    enabled,
  });
}
