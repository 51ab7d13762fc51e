import { useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ExportListSchema, ExportSchema, type StartExport } from '@dj/contracts';
import { apiGet, apiSend } from './api-client';

/*
 * 我的导出 (导出任务): shared because any feature may start an export (the ledger buttons of 组织生活) while the
 * drawer that shows them lives in the layout; features do not import each other.
 */
export const exportKeys = { all: ['exports'] as const };

let drawerOpen = false;
const listeners = new Set<() => void>();
const notify = () => { for (const l of listeners) l(); };

/** Opens or closes the 我的导出 drawer from anywhere. */
export function setExportsDrawerOpen(open: boolean): void {
  drawerOpen = open;
  notify();
}

export function useExportsDrawerOpen(): boolean {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => drawerOpen);
}

/** The caller's exports; polled every 2 s while one is queued or being made, so the progress bars move. */
export function useExports(enabled = true) {
  return useQuery({
    queryKey: exportKeys.all,
    queryFn: () => apiGet('/api/exports', ExportListSchema),
    enabled,
    refetchInterval: (query) => (query.state.data?.items.some((i) => i.status === 'queued' || i.status === 'running') ? 2000 : false),
  });
}

/** Starts an export and opens the drawer, where its progress shows. */
export function useStartExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StartExport) => apiSend('POST', '/api/exports', ExportSchema, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: exportKeys.all });
      setExportsDrawerOpen(true);
    },
  });
}
