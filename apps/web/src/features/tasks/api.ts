import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { TaskListSchema } from '@dj/contracts';
import { apiGet } from '../../lib/api-client';
import { taskKeys } from '../../lib/query-keys';

// The web app does not depend on zod itself: types come from the contract schemas' output.
export type Task = ReturnType<typeof TaskListSchema.parse>['items'][number];

export type TaskKind = Task['kind'];
/** The server's page size for 待办 (the list is paged, the counts per kind come beside it). */
export const TASK_PAGE_SIZE = 50;

/** One page of 待办事项 of the caller's scope (or of one organisation in it, or one kind), each with the page where it is acted on. */
export function useTasks(orgId: number | undefined, kind: TaskKind | undefined, page: number, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(orgId, kind, page, TASK_PAGE_SIZE),
    queryFn: ({ signal }) => apiGet('/api/tasks', TaskListSchema, { orgId, kind, page, pageSize: TASK_PAGE_SIZE }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
