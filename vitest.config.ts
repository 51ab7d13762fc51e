import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Four projects; where a test file lives decides which one runs it, so a new file needs no registration:
// - unit: pure code, no database, node. Tests in any `rules/` folder (rules are pure),
//   in `apps/api/src/lib/` (its top level: lib/photos decodes 12-megapixel images with sharp, seconds per test
//   on a loaded machine, so it stays with the api project's timeouts), in `packages/`, and the web's logic
//   tests (`apps/web/src/**/*.test.ts`, no JSX).
//   `npm test -- --project unit` runs in seconds.
// - api: every other test under `apps/api/` (routes, services, repositories, jobs, the scope matrix), against
//   a real PostgreSQL prepared once by the global setup.
// - web: the web's component tests (`apps/web/src/**/*.test.tsx`), in jsdom.
// - e2e: the browser flows in `e2e/` (Chromium against the built web and the API on the same test database).
const unitFiles = [
  'apps/api/src/**/rules/**/*.test.ts',
  'apps/api/src/lib/*.test.ts',
  'packages/*/src/**/*.test.ts',
  'tools/**/*.test.ts',
  'apps/web/src/**/*.test.ts',
];
const databaseSetup = {
  globalSetup: ['apps/api/test/global-setup.ts'],
  pool: 'forks',
} as const;
// Vitest's default hook limit (10 s) holds for every api file; its test limit (5 s) holds for all but one test:
// seed.test.ts's start-up test migrates an empty database and seeds the whole demo town (the seed alone: 6.3 s at
// load 5), measured at 5.0, 5.2 and 6.7 s with the api and web projects side by side on this 2-core machine; the
// next slowest (embedded.test.ts, starting PostgreSQL) took 4.0 s. One limit for the project, about twice that worst case.
const API_TEST_TIMEOUT = 15_000;

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on this 2-core machine kind, so files ran
    // one after another while most of their time is spent waiting on PostgreSQL or Chromium (CI 2026-12-07: Vitest
    // 588 s, its tests' own times adding up to 520 s). Two workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      // Pure code keeps no state between files, so the files share one module cache (isolate: false): the
      // project runs in a fifth of the time it takes when every file re-imports its dependencies.
      { test: { name: 'unit', environment: 'node', include: unitFiles, isolate: false } },
      // The API files share one module cache too: each file still gets its own database clone and its own app
      // (test/context.ts), and no API test mocks a module, but every file no longer re-imports the whole server
      // (measured on 8 API files under load: import 83 s → 12 s, wall 186 s → 119 s).
      {
        test: {
          name: 'api', environment: 'node', include: ['apps/api/**/*.test.ts'], exclude: [...configDefaults.exclude, ...unitFiles],
          ...databaseSetup, testTimeout: API_TEST_TIMEOUT, isolate: false,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          // Vitest's test limit (5 s) and Testing Library's wait limit (1 s) are the defaults. Measured with the api
          // project beside on this 2-core machine: the longest web test 3.1 s, the longest findBy/waitFor 0.4 s; a click
          // that navigates used to wait for the next page's module (over 3 s once), so tests name the pages they open
          // (renderRoutes' `opens`, test/render.tsx) and those load before the first render.
          // Every test file renders with the same shims and cleans up after itself (cleanup(), unstubbed globals),
          // so the files share one module cache per worker: antd, React and the pages load once, not per file.
          isolate: false,
          include: ['apps/web/src/**/*.test.tsx'],
        },
      },
      // The browser flows launch Chromium and start the platform in their hooks and click through whole pages: their
      // limits are the ones the api project used to share (not re-measured when the api and web limits came down).
      { test: { name: 'e2e', environment: 'node', include: ['e2e/**/*.test.ts'], ...databaseSetup, testTimeout: 30_000, hookTimeout: 60_000 } },
    ],
  },
});
