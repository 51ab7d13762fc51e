// npm run audit:verify: recompute the audit chain with the audit key and check it against the anchors written
// outside the database; exit 1 at the first broken link.
import { loadConfig, ownerDatabaseUrl, resolveAuditAnchorFile, resolveAuditKey } from '../config.js';
import { openDatabase } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { configureAuditChain, verifyAuditChain, type ChainReport } from '../lib/audit/index.js';

const config = loadConfig();
// The CLIs work as the tables' owner (MIGRATION_DATABASE_URL when set): row-level security is for the platform's role.
const ownerUrl = ownerDatabaseUrl(config);
const anchorFile = resolveAuditAnchorFile(config);
configureAuditChain({ key: resolveAuditKey(config), anchorFile });
// The embedded database allows one process per data directory: stop the platform first.
const embedded = ownerUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
const database = openDatabase(ownerUrl ?? (embedded as { url: string }).url);
try {
  const report = await verifyAuditChain(database.db);
  if (report.brokenAt === null) {
    console.log(`审计链完整:共校验 ${report.checked} 条记录`);
    for (const line of notes(report)) console.log(line);
  } else {
    console.error(`审计链在第 ${report.brokenAt} 号记录处断开:${report.reason}(此前 ${report.checked} 条完好)`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
  await embedded?.stop();
}

/** What the verdict rests on, said plainly: the anchors used, and the rows older than the key. */
function notes(report: ChainReport): string[] {
  const lines = [report.anchors > 0
    ? `库外锚点 ${report.anchors} 个(${anchorFile}),最近一个在第 ${report.lastAnchorId} 号记录;其后的记录若被删除,要到下一个锚点写入后才能发现`
    : `未找到库外锚点文件(${anchorFile}):只校验了密钥哈希,末尾记录被删除无法发现`];
  if (report.legacy > 0) {
    lines.push(`其中第 1 至第 ${report.keyedAfter} 号记录早于审计密钥,按原先的不带密钥的哈希校验(共 ${report.legacy} 条);它们由其后第一条带密钥的记录保护`);
  }
  return lines;
}
