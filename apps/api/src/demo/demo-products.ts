/**
 * 一村一品 and 经营主体 of the demo town (issue 18 point 8): the six products the article names — 金茂木耳食用菌, 赵庄良种,
 * 刘耀薄皮核桃, 旺达蔬菜, 付刘耀园林苗圃, 于官庄中药材 — each under a village branch. 刘耀 and 付刘耀 are 村委会 of the
 * town; 金茂, 赵庄, 旺达 and 于官庄 are not, so each is recorded as a 自然村 (place) under a village chosen for the demo
 * and says so in its note. Figures, actors and support are demo data; all go through the module's services.
 */
import type { CreateActor, CreateProduct } from '@dj/contracts';
import type { Db, Tx } from '../db/client.js';
import type { Caller } from '../lib/access/index.js';
import { addActorSupport, createActor, createProduct } from '../modules/economy/index.js';
import type { DemoTown } from './demo-positions.js';

const PLACED = '(演示:文中地名不是本镇18个村委会之一,作为自然村挂在该村下)';
type DemoProduct = Omit<CreateProduct, 'organizationId'> & { village: string };
const PRODUCTS: DemoProduct[] = [
  { village: '古屯村', name: '金茂木耳', category: 'fungi', naturalVillage: '金茂', areaMu: 120, outputAmount: 180, outputUnit: '吨', valueFen: 2_160_000_00, households: 86, brand: null, note: `食用菌${PLACED}` },
  { village: '丁庄村', name: '赵庄良种', category: 'seed', naturalVillage: '赵庄', areaMu: 1500, outputAmount: 750, outputUnit: '吨', valueFen: 3_000_000_00, households: 210, brand: null, note: `小麦、玉米良种繁育${PLACED}` },
  { village: '刘耀村', name: '刘耀薄皮核桃', category: 'orchard', naturalVillage: null, areaMu: 800, outputAmount: 120, outputUnit: '吨', valueFen: 2_400_000_00, households: 160, brand: '绿色食品认证(演示)', note: '演示数据' },
  { village: '东王庄村', name: '旺达蔬菜', category: 'vegetable', naturalVillage: '旺达', areaMu: 600, outputAmount: 3600, outputUnit: '吨', valueFen: 1_080_000_00, households: 120, brand: null, note: `设施蔬菜${PLACED}` },
  { village: '付刘耀村', name: '付刘耀园林苗圃', category: 'nursery', naturalVillage: null, areaMu: 450, outputAmount: null, outputUnit: null, valueFen: 900_000_00, households: 75, brand: null, note: '演示数据' },
  { village: '高庄村', name: '于官庄中药材', category: 'herbal', naturalVillage: '于官庄', areaMu: 350, outputAmount: 260, outputUnit: '吨', valueFen: 780_000_00, households: 64, brand: null, note: `丹参、金银花${PLACED}` },
];

type DemoActor = Omit<CreateActor, 'organizationId'> & { village: string; support: { kind: 'funds' | 'land' | 'training'; amountWan: number | null; description: string; source: string }[] };
const ACTORS: DemoActor[] = [
  { village: '刘耀村', kind: 'cooperative', name: '刘耀村薄皮核桃种植专业合作社(演示)', representative: null, leaderTalentId: null, leaderName: null, members: 48, households: 160, business: '薄皮核桃种植、收购、初加工', note: '演示数据',
    support: [{ kind: 'funds', amountWan: 20, description: '冷藏库建设补助', source: '区农业农村局(演示)' }, { kind: 'training', amountWan: null, description: '核桃嫁接与病虫害防治培训2期', source: '镇农技站(演示)' }] },
  { village: '古屯村', kind: 'leading_enterprise', name: '金茂食用菌有限公司(演示)', representative: null, leaderTalentId: null, leaderName: null, members: null, households: 86, business: '黑木耳菌棒生产、种植与销售', note: '演示数据',
    support: [{ kind: 'land', amountWan: null, description: '流转村集体土地60亩建菌棒厂', source: '古屯村集体(演示)' }] },
  { village: '高庄村', kind: 'special_base', name: '于官庄中药材种植基地(演示)', representative: null, leaderTalentId: null, leaderName: null, members: null, households: 64, business: '丹参、金银花规范化种植', note: '演示数据',
    support: [{ kind: 'funds', amountWan: 15, description: '中药材良种及水肥一体化设备', source: '市级特色产业扶持资金(演示)' }] },
];

export async function seedDemoProducts(tx: Tx, caller: Caller, town: DemoTown, year: number): Promise<{ products: number; actors: number }> {
  const db = tx as unknown as Db;
  for (const { village, ...p } of PRODUCTS) await createProduct(db, caller, { ...p, organizationId: town.branch(village).id, figuresYear: year }, { isDemo: true });
  for (const { village, support, ...a } of ACTORS) {
    const made = await createActor(db, caller, { ...a, organizationId: town.branch(village).id }, { isDemo: true });
    for (const s of support) await addActorSupport(db, caller, made.id, { kind: s.kind, year, amountFen: s.amountWan === null ? null : s.amountWan * 1_000_000, description: s.description, source: s.source });
  }
  return { products: PRODUCTS.length, actors: ACTORS.length };
}
