// npm run keys:rotate [-- --new-key] [-- --batch 200]: re-encrypt every 身份证号, phone and queued SMS recipient
// under the current master key (ENCRYPTION_KEY, or DATA_DIR/encryption.key in the embedded mode), opening them
// with the retired keys (ENCRYPTION_KEY_OLD, or DATA_DIR/encryption-retired.keys). --new-key (embedded mode
// only) first retires the current key and generates a new one. Killed at any point, run it again: it carries on.
import { parseArgs } from 'node:util';
import { loadConfig, ownerDatabaseUrl, replaceEncryptionKeyFile, resolveEncryptionKey, resolveRetiredKeys } from '../config.js';
import { openDatabase } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { createFieldCipher } from '../lib/crypto.js';
import { rotateFieldKeys, type RotationProgress } from '../lib/keys/rotate.js';

const { values } = parseArgs({ options: { 'new-key': { type: 'boolean' }, batch: { type: 'string' } } });
const config = loadConfig();
// The CLIs work as the tables' owner (MIGRATION_DATABASE_URL when set): row-level security is for the platform's role.
const ownerUrl = ownerDatabaseUrl(config);
const batchSize = Number(values.batch ?? 200);
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error('--batch 应为正整数(每批重新加密的条数)');
  process.exit(1);
}
try {
  if (values['new-key']) replaceEncryptionKeyFile(config);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
const retired = resolveRetiredKeys(config);
const cipher = createFieldCipher(resolveEncryptionKey(config), retired);
console.log(`新密钥编号 ${cipher.keyId};可用于解密的旧密钥 ${retired.length} 个;每批 ${batchSize} 条`);

const LABELS: Record<RotationProgress['table'], string> = { persons: '人员号码', awayLiaisons: '在外人才联络组织电话', outbox: '待发短信号码', secondFactors: '手机验证器密钥' };
// The embedded database allows one process per data directory: stop the platform first.
const embedded = ownerUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
const database = openDatabase(ownerUrl ?? (embedded as { url: string }).url);
try {
  const result = await rotateFieldKeys(database.db, cipher, {
    batchSize,
    onProgress: (p) => console.log(`${LABELS[p.table]}:已重新加密 ${p.done}/${p.total}`),
  });
  console.log(result.persons + result.awayLiaisons + result.outbox + result.secondFactors === 0
    ? '没有需要重新加密的数据:全部已在当前密钥下'
    : `完成:${result.persons} 人的号码、${result.awayLiaisons} 个联络组织电话、${result.outbox} 条待发短信号码、${result.secondFactors} 个手机验证器密钥已改用密钥 ${result.keyId},查找用的哈希已重算`);
} catch (err) {
  console.error(`密钥轮换中断:${err instanceof Error ? err.message : String(err)}(已完成的批次已保存,修正后重新运行即可继续)`);
  process.exitCode = 1;
} finally {
  await database.close();
  await embedded?.stop();
}
