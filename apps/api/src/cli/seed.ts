// npm run seed: build the demo town in DATABASE_URL if it is not there (refused in production).
import { loadConfig, ownerDatabaseUrl, resolveAuditAnchorFile, resolveAuditKey, resolveEncryptionKey, resolveRetiredKeys } from '../config.js';
import { configureAuditChain } from '../lib/audit/index.js';
import { createFieldCipher } from '../lib/crypto.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { seedDemoTown } from '../demo/index.js';

const config = loadConfig();
// The CLIs work as the tables' owner (MIGRATION_DATABASE_URL when set): row-level security is for the platform's role.
const ownerUrl = ownerDatabaseUrl(config);
if (config.NODE_ENV === 'production') {
  console.error('生产环境(NODE_ENV=production)不生成演示数据。');
  process.exit(1);
}
if (!ownerUrl) {
  console.error('请设置 DATABASE_URL;内置数据库在 npm start 首次启动时自动生成演示镇。');
  process.exit(1);
}
await migrateDatabase(ownerUrl);
configureAuditChain({ key: resolveAuditKey(config), anchorFile: resolveAuditAnchorFile(config) });
const database = openDatabase(ownerUrl);
const seeded = await seedDemoTown(database.db, config.DEMO_PASSWORD, createFieldCipher(resolveEncryptionKey(config), resolveRetiredKeys(config)));
console.log(seeded ? '演示镇已生成' : '演示镇已存在,未做改动');
await database.close();
