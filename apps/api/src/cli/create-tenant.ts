// npm run tenant:create -- --code 370402105 --name 西王庄镇 --org 西王庄镇党委 --admin zuzhiban [--district 370402]
// npm run tenant:create -- --kind district --code 370402 --name 市中区 --org 市中区委组织部 --admin quwei
// npm run tenant:create -- --attach --code 370402105 --district 370402
// Creates a town (tenant), its top party organisation and its first town admin on DATABASE_URL; with --kind district a
// district (区级) and its first 区委组织部 account; --district puts the new town into that district, and --attach puts an
// existing town into one (issue 17 point 5). The account's password comes from ADMIN_PASSWORD (never from the command
// line, which shells keep in history).
import { parseArgs } from 'node:util';
import { loadConfig, ownerDatabaseUrl, resolveAuditAnchorFile, resolveAuditKey } from '../config.js';
import { configureAuditChain } from '../lib/audit/index.js';
import { AppError } from '../lib/errors.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { DEFAULT_PASSWORD_POLICY, hashPassword, passwordProblem } from '../modules/auth/index.js';
import { attachTownToDistrict, createTenant } from '../modules/organizations/index.js';

const { values } = parseArgs({
  options: {
    code: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, admin: { type: 'string' },
    kind: { type: 'string' }, district: { type: 'string' }, attach: { type: 'boolean' },
  },
});
const attach = values.attach === true;
const password = process.env.ADMIN_PASSWORD ?? '';
// The town's settings do not exist yet: the registry's defaults are its password policy until the admin changes them.
const weak = !attach && password && await passwordProblem(password, DEFAULT_PASSWORD_POLICY, { username: values.admin });
const problems = attach ? [
  !values.code && '--code(要加入区的乡镇区划代码)',
  !values.district && '--district(区划代码)',
] : [
  !values.code && '--code(区划代码,如 370402105)',
  !values.name && '--name(乡镇或区名称)',
  !values.org && '--org(党委或区委组织部名称)',
  !values.admin && '--admin(第一个账号)',
  values.kind && !['town', 'district'].includes(values.kind) && '--kind(town 或 district)',
  !password && '环境变量 ADMIN_PASSWORD',
  weak && `环境变量 ADMIN_PASSWORD(${weak})`,
];
const config = loadConfig();
// The CLIs work as the tables' owner (MIGRATION_DATABASE_URL when set): row-level security is for the platform's role.
const ownerUrl = ownerDatabaseUrl(config);
const missing = [...problems.filter(Boolean), !ownerUrl && '环境变量 DATABASE_URL'].filter(Boolean);
if (missing.length) {
  console.error(`缺少或不符合要求:${missing.join('、')}`);
  process.exit(1);
}
configureAuditChain({ key: resolveAuditKey(config), anchorFile: resolveAuditAnchorFile(config) });
await migrateDatabase(ownerUrl as string);
const database = openDatabase(ownerUrl as string);
try {
  if (attach) {
    const done = await database.db.transaction((tx) => attachTownToDistrict(tx, values.code as string, values.district as string));
    console.log(`已将${done.name}(${values.code})加入区 ${values.district},该区现有 ${done.towns} 个乡镇`);
  } else {
    const kind = values.kind === 'district' ? 'district' : 'town';
    const passwordHash = await hashPassword(password);
    await database.db.transaction((tx) => createTenant(tx, {
      kind, districtCode: values.district, code: values.code as string, name: values.name as string, committeeName: values.org as string,
      admin: { username: values.admin as string, passwordHash },
    }));
    const who = kind === 'district' ? '区委组织部账号' : '管理员账号';
    const joined = values.district ? `,属区 ${values.district}` : '';
    console.log(`已创建:${values.name}(${values.code}),“${values.org}”,${who} ${(values.admin as string).toLowerCase()}${joined}`);
  }
} catch (err) {
  // A rule of the command (an unknown district, a town that is none): its Chinese message, not a stack.
  if (!(err instanceof AppError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
