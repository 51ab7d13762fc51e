import type { Setting } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { invalid, notFound } from '../../lib/errors.js';
import { requirePermission, audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import { SETTINGS, settingDefinition, type SettingKey } from './registry.js';
import * as repo from './repository.js';

/** The value in force for a tenant: what the town admin set, or the default. Other modules call this. */
export async function settingValue(db: DbOrTx, tenantId: number, key: SettingKey): Promise<number> {
  return (await repo.storedValues(db, tenantId)).get(key) ?? (settingDefinition(key)?.defaultValue as number);
}

/** The registry's default of a setting, for code that runs before any town exists (`tenant:create`). */
export const settingDefault = (key: SettingKey): number => settingDefinition(key)?.defaultValue as number;

/** Several values at once (a module reading all its local rules). */
export async function settingValues<K extends SettingKey>(db: DbOrTx, tenantId: number, keys: readonly K[]): Promise<Record<K, number>> {
  const stored = await repo.storedValues(db, tenantId);
  return Object.fromEntries(keys.map((k) => [k, stored.get(k) ?? (settingDefinition(k)?.defaultValue as number)])) as Record<K, number>;
}

/** A district's own rules (key 'district.…') mean nothing to a town: a town neither lists nor sets them. */
const DISTRICT_ONLY = (key: string) => key.startsWith('district.');

export async function listSettings(db: Db, user: AuthUser): Promise<{ items: Setting[] }> {
  const rows = await repo.listStored(db, user.tenantId);
  const stored = new Map(rows.map((r) => [r.key, r]));
  const district = await repo.isDistrict(db, user.tenantId);
  return {
    items: SETTINGS.filter((d) => district || !DISTRICT_ONLY(d.key)).map((d) => {
      const s = stored.get(d.key);
      return { ...d, value: s?.value ?? d.defaultValue, updatedBy: s?.updatedBy ?? null, updatedAt: s?.updatedAt.toISOString() ?? null };
    }),
  };
}

export async function updateSetting(db: Db, caller: Caller, key: string, value: number): Promise<Setting> {
  const { user } = caller;
  const definition = settingDefinition(key);
  if (!definition || (DISTRICT_ONLY(key) && !(await repo.isDistrict(db, user.tenantId)))) throw notFound('设置项');
  requirePermission(user, 'settings.manage');
  if (!Number.isInteger(value) || value < definition.min || value > definition.max) {
    throw invalid('value', `${definition.label}应为${definition.min}至${definition.max}之间的整数(单位:${definition.unit})`);
  }
  await db.transaction(async (tx) => {
    const before = await settingValue(tx, user.tenantId, definition.key);
    await repo.upsert(tx, user.tenantId, key, value, user.id);
    await audit(tx, caller, { action: 'setting.update', objectType: 'setting', objectId: key, detail: { before, after: value } });
  });
  return (await listSettings(db, user)).items.find((s) => s.key === key) as Setting;
}
