// npm run db:migrate: apply pending migrations to DATABASE_URL (the server also migrates at start).
import { loadConfig } from '../config.js';
import { migrateDatabase } from '../db/migrate.js';

const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('请设置 DATABASE_URL;内置数据库在 npm start 时自动迁移。');
  process.exit(1);
}
await migrateDatabase(config.DATABASE_URL);
console.log('数据库迁移完成');
