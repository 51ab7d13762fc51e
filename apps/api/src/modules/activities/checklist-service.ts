import type { ChecklistTemplate, SaveChecklistTemplate } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { invalid, notFound } from '../../lib/errors.js';
import { requirePermission, audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import * as evidence from './evidence-repository.js';
import { DEFAULT_TEMPLATES } from './rules/checklist.js';

const toTemplate = (t: evidence.TemplateRow): ChecklistTemplate => ({
  id: t.id, name: t.name, kinds: t.kinds as ChecklistTemplate['kinds'], items: t.items, source: t.source, active: t.active,
});

/** A new town starts with 五个一 and 四定两挂一戴; called by the demo seed and by tenant creation. */
export async function ensureDefaultTemplates(db: DbOrTx, tenantId: number) {
  if ((await evidence.listTemplates(db, tenantId)).length) return;
  await evidence.insertTemplates(db, DEFAULT_TEMPLATES.map((t) => ({ tenantId, name: t.name, kinds: t.kinds, items: t.items, source: t.source ?? null })));
}

export async function listTemplates(db: Db, user: AuthUser) {
  return { items: (await evidence.listTemplates(db, user.tenantId)).map(toTemplate) };
}

function checkItems(input: SaveChecklistTemplate) {
  const keys = new Set<string>();
  input.items.forEach((item, i) => {
    if (keys.has(item.key)) throw invalid(`items.${i}.key`, `条目代码“${item.key}”重复`);
    keys.add(item.key);
  });
}

export async function saveTemplate(db: Db, { user, ip }: Caller, id: number | null, input: SaveChecklistTemplate) {
  requirePermission(user, 'activities.configure');
  checkItems(input);
  return db.transaction(async (tx) => {
    const values = { name: input.name, kinds: input.kinds, items: input.items, source: input.source ?? null, active: input.active ?? true, updatedBy: user.id, updatedAt: new Date() };
    let saved;
    if (id === null) {
      [saved] = await evidence.insertTemplates(tx, [{ ...values, tenantId: user.tenantId }]);
    } else {
      saved = await evidence.updateTemplate(tx, user.tenantId, id, values);
      if (!saved) throw notFound('检查清单模板');
    }
    await audit(tx, { user, ip }, { action: id === null ? 'checklist.create' : 'checklist.update', objectType: 'checklist_template', objectId: saved.id, detail: { name: input.name, items: input.items.length } });
    return toTemplate(saved);
  });
}
