import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` only diffs the schema files against the committed snapshots: no database needed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/api/src/db/schema/index.ts',
  out: './apps/api/src/db/migrations',
});
