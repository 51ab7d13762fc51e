import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { fetchMe, meQueryKey } from '../lib/session';
import { AppProviders, createQueryClient } from './providers';
import { createAppRouter } from './router';
import './global.css';

const queryClient = createQueryClient();
// Who is signed in is asked at once, beside the first chunks, not after the signed-in frame's chunk has arrived
// (RequireAuth asks with the same key and gets this answer): one round trip less before a member's first page.
void queryClient.prefetchQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: Infinity, retry: false });
const router = createAppRouter();
const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 容器');

// The first render as a transition: React renders it in slices and lets the browser in between, instead of one long
// task on a slow phone's CPU (issue 21 point 4: the sign-in page's total blocking time).
const root = createRoot(container);
startTransition(() => {
  root.render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
});
