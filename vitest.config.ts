import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One runner, two projects: the server (API against real PostgreSQL, plus the browser flows in e2e/,
// which share the server's database setup) and the web app in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['apps/api/**/*.test.ts', 'e2e/**/*.test.ts'],
          globalSetup: ['apps/api/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          // antd role queries in jsdom are slow on a busy 2-core machine; time out late rather than flake.
          testTimeout: 60_000,
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
