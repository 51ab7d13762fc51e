import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, theme as antdTheme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from '../lib/api-client';
import { useNarrowScreen, useReducedMotion } from '../lib/use-narrow-screen';
import { markSignedOut, useElderMode } from '../lib/session';
import { appComponentTokens, appThemeTokens } from '../lib/theme';
import { watchScrollAreas } from '../lib/focusable-scroll';

export { PARTY_RED } from '../lib/theme';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; only network and server errors are worth another try.
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const narrow = useNarrowScreen();
  const reducedMotion = useReducedMotion();

  useEffect(() => {
    // Any 401 outside sign-in means the session is gone: clearing Me lets RequireAuth send the user to /login.
    setUnauthorizedHandler(() => markSignedOut(client));
    return () => setUnauthorizedHandler(null);
  }, [client]);

  return (
    <QueryClientProvider client={client}>
      <ThemedApp narrow={narrow} motion={!reducedMotion}>{children}</ThemedApp>
    </QueryClientProvider>
  );
}

/**
 * The accessible theme (lib/theme.ts) and the signed-in user's 适老化 choice (issue 21 point 3): large text and controls
 * through antd's tokens, and a class on <html> for what tokens do not reach (the header, the member's own pages).
 */
function ThemedApp({ narrow, motion, children }: { narrow: boolean; motion: boolean; children: ReactNode }) {
  const elder = useElderMode();
  useEffect(() => {
    document.documentElement.classList.toggle('elder-mode', elder);
  }, [elder]);
  useEffect(() => watchScrollAreas(), []);
  return (
    // A failed submit moves focus to the first field in error, whose aria-describedby names the error: a screen reader
    // reads it out there (antd's error text itself is not a live region). issue 21 point 2.
    <ConfigProvider locale={zhCN} form={{ scrollToFirstError: { focus: true } }} theme={{ algorithm: antdTheme.defaultAlgorithm, token: appThemeTokens({ narrow, elder, motion }), components: appComponentTokens }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
