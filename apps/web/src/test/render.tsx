import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { ConfigProvider, type ThemeConfig } from 'antd';
import { createMemoryRouter, matchRoutes, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders } from '../app/providers';

/**
 * The browser loads each page's chunk when its route is first opened (app/router.tsx). A test loads only the chunks
 * its first address and the addresses it says it navigates to open, before rendering, so its queries wait for React and
 * not for module loading. (Loading every page here made each test file import the whole app.) The on-demand loading
 * itself is exercised by the browser flows in e2e/.
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

/**
 * Renders routes inside the real providers, with a query client that never retries. `opens` names the addresses the
 * test navigates to: their pages load before rendering too, so a wait for the navigation waits for React, not for a
 * page module to be transformed and imported on the way (seconds on a busy machine, beyond any findBy's limit).
 */
export async function renderRoutes(routes: RouteObject[], initialPath: string, options: { opens?: string[] } = {}) {
  for (const path of [initialPath, ...(options.opens ?? [])]) await loadMatchedPages(routes, path);
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
