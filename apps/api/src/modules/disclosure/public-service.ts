/**
 * The public side (no sign-in): a village's published disclosures, adopted 小微权力 items and 公示. An allow-list
 * serialiser (PIPL Art. 25/55, security checklist §0.5): only the fields below leave, and every text goes
 * through `redact` as a last defence, except a disclosure's texts the 公开 step scanned and stored as clean.
 */
import type { PublicDisclosure, PublicVillageDisclosures } from '@dj/contracts';
import { addDays, PUBLIC_NOTICE_STAGE_LABELS, todayInShanghai } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { settingValues } from '../settings/index.js';
import { redact } from './rules/pii-scan.js';
import * as repo from './public-repository.js';

/** Public answers for an unknown village, a draft and a nonexistent id are one and the same. */
const gone = () => notFound('公开内容');

type Row = Awaited<ReturnType<typeof repo.latestPublished>>[number];

export function toPublic(r: Row, files: { id: number; name: string; disclosureId: number }[], today: string): PublicDisclosure {
  // Scanned clean when it was published (the column): served as it is. Unscanned rows are masked on every view.
  const clean = r.personalNumbersFound === false ? (s: string) => s : (s: string) => redact(s, today);
  return {
    id: r.id, category: r.category, period: r.period, title: clean(r.title), content: clean(r.content),
    table: r.table ? { header: r.table.header.map(clean), rows: r.table.rows.map((row) => row.map(clean)) } : null,
    publishedAt: (r.publishedAt as Date).toISOString(), corrected: r.corrected,
    attachments: files.filter((f) => f.disclosureId === r.id).map((f) => ({ id: f.id, name: clean(f.name) })),
  };
}

/** How long a 发展党员公示 stays on the public page after it ends (a town setting). */
const noticeDays = async (db: DbOrTx, tenantId: number) =>
  (await settingValues(db, tenantId, ['recruitment.noticePublicDays']))['recruitment.noticePublicDays'];

/** The village's adopted 小微权力 items and the uses it made public, cleaned like every public text. */
async function microPowerOf(db: DbOrTx, villageId: number, today: string) {
  const clean = (s: string) => redact(s, today);
  return {
    microPower: (await repo.microPowerOf(db, villageId)).map((m) => ({ area: clean(m.area), name: clean(m.name), legalBasis: clean(m.legalBasis), steps: m.steps.map(clean) })),
    microPowerUses: (await repo.microPowerUsesOf(db, villageId)).map((u) => ({
      itemName: clean(u.itemName), subject: clean(u.subject), startedOn: u.startedOn,
      steps: u.steps.map((name, index) => ({ name: clean(name), doneOn: u.done.find((d) => d.index === index)?.doneOn ?? null })),
    })),
  };
}

/** The 小微权力清单 page's data: the village and its list, without the disclosures. */
export async function villageMicroPower(db: DbOrTx, code: string) {
  const village = await repo.villageByCode(db, code);
  if (!village) throw gone();
  return { village: { code: village.code, name: village.name }, ...(await microPowerOf(db, village.id, todayInShanghai())) };
}

export async function villageDisclosures(db: DbOrTx, code: string): Promise<PublicVillageDisclosures> {
  const village = await repo.villageByCode(db, code);
  if (!village) throw gone();
  const today = todayInShanghai();
  const rows = await repo.latestPublished(db, village.id);
  const files = await repo.attachmentsOf(db, rows.map((r) => r.id));
  const clean = (s: string) => redact(s, today);
  return {
    village: { code: village.code, name: village.name },
    disclosures: rows.map((r) => toPublic(r, files, today)),
    ...(await microPowerOf(db, village.id, today)),
    notices: (await repo.noticesOf(db, village.id, addDays(today, -(await noticeDays(db, village.tenantId))))).map((n) => ({
      stage: n.stage, stageLabel: PUBLIC_NOTICE_STAGE_LABELS[n.stage], startsOn: n.startsOn, endsOn: n.endsOn, content: clean(n.content),
    })),
  };
}

/** One published disclosure (a corrected one stays readable, marked 已更正); anything else answers 404. */
export async function villageDisclosure(db: DbOrTx, code: string, id: number): Promise<{ village: { code: string; name: string }; disclosure: PublicDisclosure }> {
  const village = await repo.villageByCode(db, code);
  const row = village ? await repo.publishedById(db, village.id, id) : undefined;
  if (!village || !row) throw gone();
  const files = await repo.attachmentsOf(db, [row.id]);
  return { village: { code: village.code, name: village.name }, disclosure: toPublic(row, files, todayInShanghai()) };
}

export async function publicFile(db: DbOrTx, fileId: number) {
  const file = await repo.publishedFile(db, fileId);
  if (!file) throw gone();
  return file;
}
