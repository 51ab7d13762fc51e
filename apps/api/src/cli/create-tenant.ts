// npm run tenant:create -- --code 370402105 --name 西王庄镇 --org 西王庄镇党委 --admin zuzhiban
// Creates a town (tenant), its top party organisation and its first town admin on DATABASE_URL.
// The admin's password comes from ADMIN_PASSWORD (never from the command line, which shells keep in history).
import { parseArgs } from 'node:util';
import { loadConfig, ownerDatabaseUrl, resolveAuditAnchorFile, resolveAuditKey } from '../config.js';
import { configureAuditChain } from '../lib/audit/index.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { DEFAULT_PASSWORD_POLICY, hashPassword, passwordProblem } from '../modules/auth/index.js';
import { createTenant } from '../modules/organizations/index.js';

const { values } = parseArgs({ options: { code: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, admin: { type: 'string' } } });
const password = process.env.ADMIN_PASSWORD ?? '';
// The town's settings do not exist yet: the registry's defaults are its password policy until the admin changes them.
const weak = password && await passwordProblem(password, DEFAULT_PASSWORD_POLICY, { username: values.admin });
const problems = [
  !values.code && '--code(区划代码,如 370402105)',
  !values.name && '--name(乡镇名称)',
  !values.org && '--org(党委名称)',
  !values.admin && '--admin(管理员账号)',
  !password && '环境变量 ADMIN_PASSWORD',
  weak && `环境变量 ADMIN_PASSWORD(${weak})`,
].filter(Boolean);
const config = loadConfig();
// The CLIs work as the tables' owner (MIGRATION_DATABASE_URL when set): row-level security is for the platform's role.
const ownerUrl = ownerDatabaseUrl(config);
if (!ownerUrl) problems.push('环境变量 DATABASE_URL');
if (problems.length) {
  console.error(`缺少或不符合要求:${problems.join('、')}`);
  process.exit(1);
}
configureAuditChain({ key: resolveAuditKey(config), anchorFile: resolveAuditAnchorFile(config) });
await migrateDatabase(ownerUrl as string);
const database = openDatabase(ownerUrl as string);
try {
  const passwordHash = await hashPassword(password);
  await database.db.transaction((tx) => createTenant(tx, {
    code: values.code as string, name: values.name as string, committeeName: values.org as string,
    admin: { username: values.admin as string, passwordHash },
  }));
  console.log(`已创建:${values.name}(${values.code}),党委“${values.org}”,管理员账号 ${(values.admin as string).toLowerCase()}`);
} finally {
  await database.close();
}
