import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { ConfigProvider, type ThemeConfig } from 'antd';
import { createMemoryRouter, matchRoutes, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders } from '../app/providers';

/**
 * The browser loads each page's chunk when its route is first opened (app/router.tsx). A test loads only the chunks
 * its first address opens, before rendering, so its first query waits for React and not for module loading; a page
 * reached by navigating loads on the way, as in the browser. (Loading every page here made each test file import the
 * whole app.) The on-demand loading itself is exercised by the browser flows in e2e/.
 */
async function loadMatchedPages(list: RouteObject[], path: string): Promise<void> {
  for (const { route } of matchRoutes(list, path) ?? []) {
    if (typeof route.lazy === 'function') {
      Object.assign(route, await route.lazy());
      delete route.lazy;
    }
  }
}

/**
 * antd writes no styles into the test document (zeroRuntime): generating and injecting its CSS on every first render of
 * a component, and jsdom matching those rules whenever a query asks for an element's computed style, cost about a
 * quarter of a page test's time. No test asserts on antd's stylesheet; inline styles, `hidden` and aria-hidden still
 * hide elements from role queries.
 */
const TESTS_THEME: ThemeConfig = { zeroRuntime: true };

/** Renders routes inside the real providers, with a query client that never retries. */
export async function renderRoutes(routes: RouteObject[], initialPath: string) {
  await loadMatchedPages(routes, initialPath);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [initialPath] });
  const view = render(
    <AppProviders queryClient={queryClient}>
      <ConfigProvider theme={TESTS_THEME}>
        <RouterProvider router={router} />
      </ConfigProvider>
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}

export function otherPage(text: string): ReactNode {
  return <div>{text}</div>;
}
