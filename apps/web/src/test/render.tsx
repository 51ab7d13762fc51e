import type { ReactNode } from 'react';
import { configure, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders } from '../app/providers';

// antd pages take a while to mount in jsdom on a cold, busy runner; the default 1 s is too tight.
// 15 s: the first render of the whole layout took over 5 s while the machine ran the API suites in parallel.
configure({ asyncUtilTimeout: 15_000 });

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
