/** The audit chain's key and anchor file, set once per process. */
export interface AuditChainSettings {
  /** The HMAC key (config AUDIT_KEY or DATA_DIR/audit.key), never stored in the database. */
  key: Buffer;
  /** Where anchors are written and read; null: none (tests that do not exercise anchors). */
  anchorFile: string | null;
}

let settings: AuditChainSettings | null = null;

/**
 * Set once per process before the first audit write (startPlatform, the CLIs, the test context): recordAudit
 * keeps its signature for its many callers, so the key is process state rather than an argument.
 */
export function configureAuditChain(next: AuditChainSettings): void {
  if (next.key.length !== 32) throw new Error('AUDIT_KEY 必须是 32 字节(base64 编码后 44 个字符)');
  settings = next;
}

export function auditChainSettings(): AuditChainSettings {
  // Fail closed: an unkeyed row written by a process that forgot the key would read as a rewrite.
  if (!settings) throw new Error('审计链密钥未配置(AUDIT_KEY):不能写入审计记录');
  return settings;
}
