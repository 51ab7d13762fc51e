import { maskPhone } from '@dj/contracts';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { recordAudit } from '../../lib/audit/index.js';
import * as repo from './repository.js';

/** Where an SMS leaves the platform. `to` is the plain number: adapters must never log or store it. */
export interface SmsAdapter {
  name: string;
  send(to: string, body: string): Promise<{ providerRef: string }>;
}

/** Enough of pino (app.log) for a structured line. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** An attempt is retried on the next drain; after this many the row is marked failed. */
export const MAX_SMS_ATTEMPTS = 3;
const HTTP_TIMEOUT_MS = 10_000;

/** The default: no SMS leaves, a log line records what would have been sent (masked number only). */
export function logSmsAdapter(log: Pick<JobLogger, 'info'>): SmsAdapter {
  let n = 0;
  return {
    name: 'log',
    async send(to, body) {
      const providerRef = `log-${Date.now()}-${++n}`;
      log.info({ sms: { to: maskPhone(to), chars: body.length, providerRef } }, 'sms (log adapter, not sent)');
      return { providerRef };
    },
  };
}

/** POSTs {to, body} as JSON to a gateway of the town's choosing; any non-2xx answer is a failed attempt. */
export function httpSmsAdapter(url: string): SmsAdapter {
  return {
    name: 'http',
    async send(to, body) {
      const res = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to, body }),
        signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`短信网关返回 HTTP ${res.status}`);
      const answer = await res.json().catch(() => null) as { id?: unknown; providerRef?: unknown } | null;
      const ref = answer?.providerRef ?? answer?.id;
      return { providerRef: ref == null ? `http-${res.status}` : String(ref) };
    },
  };
}

export function createSmsAdapter(config: Pick<Config, 'SMS_ADAPTER' | 'SMS_HTTP_URL'>, log: JobLogger): SmsAdapter {
  if (config.SMS_ADAPTER === 'http') {
    if (!config.SMS_HTTP_URL) throw new Error('SMS_ADAPTER=http 时必须设置 SMS_HTTP_URL');
    return httpSmsAdapter(config.SMS_HTTP_URL);
  }
  return logSmsAdapter(log);
}

/** An error text fit for the send log: no phone number (plain or any 7+ digit run), bounded length. */
export function safeError(err: unknown, phone: string): string {
  const raw = err instanceof Error ? err.message : String(err);
  const text = (phone ? raw.split(phone).join(maskPhone(phone)) : raw).replace(/\d{7,}/g, (d) => maskPhone(d));
  return text.slice(0, 200) || '发送失败';
}

export interface DrainResult { attempted: number; sent: number; failed: number; retrying: number }

/**
 * Sends pending SMS, one row per short transaction: the row is locked (skip locked, so two drains never send
 * the same message), the number is decrypted only here in memory, and the outcome and an audit entry are
 * written with the lock still held. A failing row stays pending for the next drain until MAX_SMS_ATTEMPTS.
 */
export async function drainOutbox(db: Db, cipher: FieldCipher, adapter: SmsAdapter, limit = 20): Promise<DrainResult> {
  const result: DrainResult = { attempted: 0, sent: 0, failed: 0, retrying: 0 };
  const tried: number[] = [];
  while (result.attempted < limit) {
    const done = await db.transaction(async (tx) => {
      const row = await repo.lockNextPendingSms(tx, tried);
      if (!row) return false;
      tried.push(row.id);
      const attempt = row.attempts + 1;
      let phone = '';
      let outcome: { ok: true; providerRef: string } | { ok: false; error: string };
      try {
        phone = cipher.decrypt(row.recipientCipher);
        const sent = await adapter.send(phone, row.body);
        outcome = { ok: true, providerRef: sent.providerRef };
      } catch (err) {
        outcome = { ok: false, error: safeError(err, phone) };
      }
      phone = '';
      const status = outcome.ok ? 'sent' : attempt >= MAX_SMS_ATTEMPTS ? 'failed' : 'pending';
      await repo.markSmsAttempt(tx, row.id, {
        status, attempts: attempt, adapter: adapter.name,
        providerRef: outcome.ok ? outcome.providerRef : null, lastError: outcome.ok ? null : outcome.error, sentAt: outcome.ok ? new Date() : null,
      });
      await recordAudit(tx, {
        tenantId: row.tenantId, action: 'sms.send', objectType: 'outbox', objectId: row.id, result: outcome.ok ? 'ok' : 'failed',
        detail: { adapter: adapter.name, attempt, status, ...(outcome.ok ? { providerRef: outcome.providerRef } : { error: outcome.error }) },
      });
      result.attempted++;
      if (status === 'sent') result.sent++;
      else if (status === 'failed') result.failed++;
      else result.retrying++;
      return true;
    });
    if (!done) break;
  }
  return result;
}
