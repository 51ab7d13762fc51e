import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, theme as antdTheme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from '../lib/api-client';
import { useNarrowScreen, useReducedMotion } from '../lib/use-narrow-screen';
import { markSignedOut } from '../lib/session';

export const PARTY_RED = '#C8161D';

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
      <ConfigProvider
        locale={zhCN}
        theme={{
          algorithm: antdTheme.defaultAlgorithm,
          token: { colorPrimary: PARTY_RED, colorLink: PARTY_RED, fontSize: narrow ? 16 : 14, borderRadius: 4, motion: !reducedMotion },
        }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
