/**
 * The export runner, in the jobs process only (JOBS=on; platform.ts starts it with pg-boss): it takes queued exports
 * from the `exports` table (SKIP LOCKED, so several job processes never take one twice), makes each file as its
 * exporter — their roles and scope read afresh, never a system-wide scope — and records the progress as it goes.
 * A table rather than a pg-boss queue: every API process must be able to start an export, and only the jobs
 * process holds a pg-boss instance; the row is also where the progress and the file live.
 */
import type { FieldCipher } from '../../lib/crypto.js';
import { dbScopeOf, SYSTEM_SCOPE, withRowScope, type Db } from '../../db/client.js';
import { accessOf, type AuthUser, type Caller } from '../../lib/access/index.js';
import { AppError } from '../../lib/errors.js';
import { settingValue } from '../settings/index.js';
import { makeExportFile } from './kinds.js';
import * as repo from './repository.js';

const POLL_MS = 1000;
const HOUSEKEEPING_MS = 60_000;

export interface RunnerLog { info(obj: object, msg: string): void; error(obj: object, msg: string): void }

async function exporter(db: Db, userId: number): Promise<AuthUser | null> {
  const u = await repo.actingUser(db, userId);
  if (!u || u.disabled) return null;
  return {
    id: u.id, tenantId: u.tenant_id, personId: u.person_id, tenantName: u.tenant_name, isDemoTenant: u.is_demo, username: u.username,
    displayName: u.display_name, ...accessOf(u.tenant_id, u.grants),
  };
}

/**
 * Runs the oldest queued export, if any; returns its id (tests call this directly instead of waiting for the loop).
 * The queue's bookkeeping runs as the system ('*'); the file is made with the exporter's own row scope, never '*'.
 */
export function runNextExport(db: Db, cipher: FieldCipher, log?: RunnerLog): Promise<number | null> {
  return withRowScope(SYSTEM_SCOPE, () => runNext(db, cipher, log));
}

async function runNext(db: Db, cipher: FieldCipher, log?: RunnerLog): Promise<number | null> {
  const row = await repo.claimNext(db);
  if (!row) return null;
  const keepDays = await settingValue(db, row.tenantId, 'export.keepDays');
  const started = performance.now();
  try {
    const user = await exporter(db, row.userId);
    if (!user) throw new AppError('FORBIDDEN', '导出人的账号已停用');
    const caller: Caller = { user, ip: row.ip, cipher };
    let last = 0;
    const progress = async (p: number) => {
      // A write per whole step the bar can show, not per branch of a large town.
      if (p - last < 5 && p < 100) return;
      last = p;
      await repo.setProgress(db, row.id, Math.min(99, Math.round(p)));
    };
    const file = await withRowScope(dbScopeOf(user.scope), () => makeExportFile(db, caller, row, progress));
    await repo.finish(db, row.id, file, keepDays);
    log?.info({ export: row.id, kind: row.kind, bytes: file.data.length, ms: Math.round(performance.now() - started) }, 'export done');
  } catch (err) {
    const message = err instanceof AppError ? err.message : '生成文件时出错,请稍后重试';
    await repo.fail(db, row.id, message, keepDays);
    log?.error({ export: row.id, err: { message: err instanceof Error ? err.message : String(err) } }, 'export failed');
  }
  return row.id;
}

/** The loop: every second, run what is queued; every minute, delete expired files and fail abandoned runs. */
export function startExportRunner(db: Db, cipher: FieldCipher, log: RunnerLog): { stop(): Promise<void> } {
  let stopped = false;
  let lastHousekeeping = 0;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      if (Date.now() - lastHousekeeping > HOUSEKEEPING_MS) {
        lastHousekeeping = Date.now();
        await withRowScope(SYSTEM_SCOPE, () => repo.housekeeping(db));
      }
      while (!stopped && (await runNextExport(db, cipher, log)) !== null) { /* next */ }
    } catch (err) {
      log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'export runner');
    }
    if (!stopped) timer = setTimeout(() => { current = tick(); }, POLL_MS);
  };
  current = tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
