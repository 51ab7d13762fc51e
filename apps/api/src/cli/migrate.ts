// npm run db:migrate: apply pending migrations to DATABASE_URL (the server also migrates at start).
import { loadConfig, ownerDatabaseUrl } from '../config.js';
import { grantAppRole, roleOf } from '../db/app-role.js';
import { migrateDatabase } from '../db/migrate.js';

const config = loadConfig();
// The CLIs work as the tables' owner (MIGRATION_DATABASE_URL when set): row-level security is for the platform's role.
const ownerUrl = ownerDatabaseUrl(config);
if (!ownerUrl) {
  console.error('请设置 DATABASE_URL;内置数据库在 npm start 时自动迁移。');
  process.exit(1);
}
await migrateDatabase(ownerUrl);
// The platform's own role (DATABASE_URL beside MIGRATION_DATABASE_URL) gets the new tables too.
if (config.MIGRATION_DATABASE_URL && config.DATABASE_URL) await grantAppRole(ownerUrl, roleOf(config.DATABASE_URL));
console.log('数据库迁移完成');
