// What the global setup hands to every test file (see global-setup.ts and context.ts).
declare module 'vitest' {
  export interface ProvidedContext {
    dbAdminUrl: string;
    templateDb: string;
  }
}

export const DEMO_PASSWORD = 'demo123456';
/** The application role's password on the test server (the role is created there if missing: global-setup.ts). */
export const TEST_APP_PASSWORD = 'dj_app_test';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
