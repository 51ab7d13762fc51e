/**
 * 人才 of the demo town 西王庄镇 (issue 15 points 6 and 10): 40 talents across the 18 villages, of every kind the
 * article names (乡村之星, 农村发展带头人, 新型职业农民, 本土人才 and 回流人员 — "乡村本土人才回流"), some selected into
 * the 人才"十百千"工程 in the last three years, each with a field, most leading a cooperative, an enterprise, a family
 * farm or a product, about half with dated support. About a third are party members of the village (roster members
 * past the committee seats), the others villagers entered as persons with sealed numbers. The article gives no names or
 * figures for the registry: everything here is invented, deterministic for a given `today`.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  CreateTalentSchema, TALENT_KINDS, TalentSupportInputSchema, type TalentField, type TalentKind, type TalentLead, type TalentTier,
} from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { members, persons, talentSupport, talents } from '../db/schema/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { mulberry32 } from '../lib/prng.js';
import type { DemoTown } from './demo-positions.js';
import { demoVillager } from './demo-villager.js';

export const DEMO_TALENTS = 40;
/** Talents per kind: every kind of the article, the returnees among them. */
export const DEMO_TALENT_KINDS: Record<TalentKind, number> = { rural_star: 8, development_leader: 8, new_farmer: 10, local_talent: 7, returnee: 7 };

const FIELD_OF: Record<TalentKind, TalentField[]> = {
  rural_star: ['planting', 'breeding', 'skills'], development_leader: ['processing', 'planting', 'ecommerce'],
  new_farmer: ['planting', 'breeding'], local_talent: ['skills', 'processing', 'other'], returnee: ['ecommerce', 'processing', 'breeding'],
};
const CROPS = ['石榴', '大樱桃', '蔬菜', '花生', '小麦良种', '中药材', '食用菌', '黄桃'];
const ANIMALS = ['肉牛', '山羊', '蛋鸡', '生猪', '黑山羊'];
const SUPPORT = [
  ['大棚建设补贴', 500_000, '镇农业农村办'], ['创业担保贷款贴息', 120_000, '区人社局'], ['电商技能培训', null, '区商务局'],
  ['新型职业农民培训', null, '区农业农村局'], ['返乡创业一次性补贴', 1_000_000, '区人社局'], ['良种补助', 80_000, '镇农业综合服务中心'],
] as const;

interface Ctx { tx: Tx; tenantId: number; createdBy: number; cipher: FieldCipher; rand: () => number; seq: { n: number } }
const pick = <T>(rand: () => number, list: readonly T[]) => list[Math.floor(rand() * list.length)];


function leadsFor(rand: () => number, village: string, kind: TalentKind, field: TalentField): TalentLead[] {
  const crop = field === 'breeding' ? pick(rand, ANIMALS) : pick(rand, CROPS);
  const place = village.replace(/村$/, '');
  if (kind === 'development_leader') return [{ kind: 'cooperative', name: `${place}${crop}种养专业合作社` }, { kind: 'product', name: `${place}${crop}` }];
  if (kind === 'returnee') return [{ kind: 'enterprise', name: `枣庄${place}${field === 'ecommerce' ? '电子商务' : '农产品'}有限公司` }];
  if (kind === 'new_farmer') return rand() < 0.6 ? [{ kind: 'family_farm', name: `${place}${crop}家庭农场` }] : [];
  if (kind === 'rural_star') return [{ kind: 'product', name: `${place}${crop}` }];
  return [];
}

/** Tier and year: the first few of each kind were selected in one of the last three years, the rest are not (yet). */
function selection(rand: () => number, kind: TalentKind, index: number, year: number): { tier: TalentTier | null; selectedYear: number | null } {
  if (index >= DEMO_TALENT_KINDS[kind] - 2) return { tier: null, selectedYear: null };
  const tier: TalentTier = index === 0 && (kind === 'rural_star' || kind === 'development_leader') ? 'ten' : index < 3 ? 'hundred' : 'thousand';
  return { tier, selectedYear: year - Math.floor(rand() * 3) };
}

async function addSupport(c: Ctx, talentId: number, organizationId: number, today: string) {
  const entries = 1 + Math.floor(c.rand() * 3);
  for (let i = 0; i < entries; i++) {
    const [what, amountFen, givenBy] = pick(c.rand, SUPPORT);
    const daysAgo = 30 + Math.floor(c.rand() * 700);
    const givenOn = new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const input = TalentSupportInputSchema.parse({ givenOn, what, amountFen, givenBy });
    await c.tx.insert(talentSupport).values({ ...input, tenantId: c.tenantId, organizationId, talentId, createdBy: c.createdBy });
  }
}

export async function seedDemoTalent(tx: Tx, { tenantId, today, town, cipher }: { tenantId: number; today: string; town: DemoTown; cipher: FieldCipher }) {
  const c: Ctx = { tx, tenantId, createdBy: town.users.admin, cipher, rand: mulberry32(1516), seq: { n: 11 } };
  const year = Number(today.slice(0, 4));
  const kinds = TALENT_KINDS.flatMap((kind) => Array.from({ length: DEMO_TALENT_KINDS[kind] }, (_, i) => ({ kind, index: i })));
  for (const [n, { kind, index }] of kinds.entries()) {
    const branch = town.branches[n % town.branches.length];
    // Every third talent is a party member of the village, past the committee seats (roster positions 4 and on).
    const roster = await tx.select({ personId: members.personId }).from(members).where(eq(members.organizationId, branch.id)).orderBy(asc(members.id));
    const member = n % 3 === 0 ? roster[4 + Math.floor(n / town.branches.length)] : undefined;
    const personId = member?.personId ?? await demoVillager(c, { village: branch.village, gender: c.rand() < 0.3 ? 'female' : 'male', bornFrom: 1970, span: 28, phone: true });
    const field = pick(c.rand, FIELD_OF[kind]);
    const input = CreateTalentSchema.parse({
      organizationId: branch.id, personId, kind, field, ...selection(c.rand, kind, index, year),
      leads: leadsFor(c.rand, branch.village, kind, field), note: kind === 'returnee' ? '外出务工多年后返乡创业' : null,
    });
    const { organizationId: _o, personId: _p, newPerson: _n, ...fields } = input;
    const [row] = await tx.insert(talents).values({ ...fields, tenantId, organizationId: branch.id, personId, createdBy: c.createdBy }).returning({ id: talents.id });
    if (n % 2 === 0 || kind === 'returnee') await addSupport(c, row.id, branch.id, today);
  }
}
