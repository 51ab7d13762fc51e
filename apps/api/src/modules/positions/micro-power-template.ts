import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../lib/audit/index.js';
import * as repo from './micro-power-repository.js';
import { NINGHAI_TEMPLATE } from './rules/ninghai-template.js';

/**
 * Gives a tenant the 宁海-model starting list the first time it has no items (from GET /api/micro-power/items or
 * the seed). Returns how many items were added; 0 when the town already has its own list (even an edited one).
 */
export async function ensureMicroPowerTemplate(db: DbOrTx, tenantId: number): Promise<number> {
  if ((await repo.itemsOf(db, tenantId)).length) return 0;
  const added = await repo.insertItems(db, NINGHAI_TEMPLATE.map((t, i) => ({ tenantId, ...t, steps: [...t.steps], sortOrder: i + 1 })));
  if (added.length) {
    await recordAudit(db, { tenantId, action: 'micro_power.template.seed', objectType: 'micro_power_item', result: 'ok', detail: { count: added.length, template: 'ninghai-36' } });
  }
  return added.length;
}
