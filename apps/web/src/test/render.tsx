import type { ReactNode } from 'react';
import { configure, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders } from '../app/providers';
import { routes as appRoutes } from '../app/router';

// antd pages take a while to mount in jsdom on a cold, busy runner; the default 1 s is too tight.
// 15 s: the first render of the whole layout took over 5 s while the machine ran the API suites in parallel.
configure({ asyncUtilTimeout: 15_000 });

/**
 * The browser loads each page's chunk when its route is first opened (app/router.tsx); tests resolve them all once,
 * before any test runs, so loading modules on a busy machine does not eat into a test's own time limit. The
 * on-demand loading itself is exercised by the browser flows in e2e/.
 */
async function resolveLazyRoutes(list: RouteObject[]): Promise<void> {
  for (const route of list) {
    if (typeof route.lazy === 'function') {
      Object.assign(route, await route.lazy());
      delete route.lazy;
    }
    if (route.children) await resolveLazyRoutes(route.children);
  }
}
await resolveLazyRoutes(appRoutes);

/** Renders routes inside the real providers, with a query client that never retries. */
export function renderRoutes(routes: RouteObject[], initialPath: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [initialPath] });
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}

export function otherPage(text: string): ReactNode {
  return <div>{text}</div>;
}
