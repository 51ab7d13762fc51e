// npm run audit:verify: recompute the audit hash chain; exit 1 at the first broken link.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { verifyAuditChain } from '../lib/audit/index.js';

const config = loadConfig();
// The embedded database allows one process per data directory: stop the platform first.
const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(config.dataDir);
const database = openDatabase(config.DATABASE_URL ?? (embedded as { url: string }).url);
try {
  const report = await verifyAuditChain(database.db);
  if (report.brokenAt === null) {
    console.log(`审计链完整:共校验 ${report.checked} 条记录`);
  } else {
    console.error(`审计链在第 ${report.brokenAt} 号记录处断开:${report.reason}(此前 ${report.checked} 条完好)`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
  await embedded?.stop();
}
