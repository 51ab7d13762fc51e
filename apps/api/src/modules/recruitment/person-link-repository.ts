import { desc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { recruitments } from '../../db/schema/index.js';

/**
 * Each person's latest 发展党员 record (its status and pipeline phase), for other modules that link to it: the cadres
 * module's reserves (后备人才) who are not party members yet. The caller has already scoped the persons.
 */
export async function latestRecruitmentsOf(db: DbOrTx, personIds: readonly number[]) {
  if (!personIds.length) return new Map<number, { id: number; status: typeof recruitments.$inferSelect.status; phase: typeof recruitments.$inferSelect.phase }>();
  const rows = await db.select({ id: recruitments.id, personId: recruitments.personId, status: recruitments.status, phase: recruitments.phase })
    .from(recruitments).where(inArray(recruitments.personId, [...personIds])).orderBy(desc(recruitments.createdAt), desc(recruitments.id));
  const out = new Map<number, { id: number; status: (typeof rows)[number]['status']; phase: (typeof rows)[number]['phase'] }>();
  for (const r of rows) if (!out.has(r.personId)) out.set(r.personId, { id: r.id, status: r.status, phase: r.phase });
  return out;
}
