/**
 * The demo town's 党建示范点 and 党建动态 (issue 20): the five showcases the article names (营子村“党建引领乡村治理”,
 * 西花沟村“五个振兴融合发展”, 付刘耀村“全程机械化+综合农事服务”, the 康力医疗 and 泰和水处理 非公 branches) with the town's
 * criteria, last year's evaluation and visits hosted, published on the town's site; twenty posts, eighteen published
 * (drafted by admin, approved and published by shuji) and two drafts. A handful of batch inserts: the seed's start-up
 * test is near its time limit. Their live figures come from the records seeded before (组织生活, 党员, 集体经济).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { addDays, type CriterionResult } from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { organizations, showcaseCriteria, showcaseEvaluations, showcasePhotos, showcases, showcaseVisits, townNews, townNewsImages, users } from '../db/schema/index.js';
import { processPhoto } from '../lib/photos/process-photo.js';
import { demoPhoto } from './demo-photos.js';

const CRITERIA = [
  ['组织建设规范', '支部班子健全,“三会一课”、主题党日按时开展,台账完整'],
  ['党员作用突出', '党员联系户、设岗定责,先锋作用看得见'],
  ['发展成效明显', '集体经济或企业发展有特色、可量化'],
  ['治理服务有力', '矛盾纠纷就地化解,为民服务有实效'],
  ['可学可复制', '经验做法成文,能接待参观交流'],
] as const;

const SHOWCASES = [
  { branch: '营子村党支部', name: '营子村“党建引领乡村治理”示范点', theme: '党建引领乡村治理', summary: '支部建在网格上,党员联户到家,小事不出网格、大事不出村。',
    practices: '一、划分党建网格,支委包片、党员联户。\n二、每月“村民说事”,群众提事、支部议事、党员办事。\n三、矛盾纠纷登记销号,办结情况在三务公开栏公示。' },
  { branch: '西花沟村党支部', name: '西花沟村“五个振兴融合发展”示范点', theme: '五个振兴融合发展', summary: '产业、人才、文化、生态、组织振兴一体推进。',
    practices: '一、以木耳产业为主导,支部领办合作社。\n二、回引在外人才,培育本土致富带头人。\n三、文明实践站常态化开展活动,改善人居环境。' },
  { branch: '付刘耀村党支部', name: '付刘耀村“全程机械化+综合农事服务”示范点', theme: '全程机械化+综合农事服务', summary: '支部牵头建农事服务中心,耕种管收全程机械化。',
    practices: '一、村集体购置农机,成立农机服务队。\n二、为农户提供代耕代种、统防统治、烘干仓储服务。\n三、服务收入纳入村集体经营性收入。' },
  { branch: '康力医疗党支部', name: '康力医疗“党建强、发展强”示范点', theme: '非公企业党建促发展', summary: '党员示范岗、技术攻关小组,党建与生产经营深度融合。',
    practices: '一、设立党员示范岗,党员带头攻坚质量难题。\n二、开展“党员+技术骨干”双培养。\n三、组织党员志愿者参与镇村义诊。' },
  { branch: '泰和水处理党支部', name: '泰和水处理“红色引擎”示范点', theme: '非公企业党建促发展', summary: '党建引领安全生产和绿色发展,带动周边村民就业。',
    practices: '一、党员安全生产责任区全覆盖。\n二、党员技术骨干结对带徒。\n三、与西王庄村开展村企共建,优先吸纳本村劳动力。' },
];

const TOPICS = [
  '镇党委召开基层党建工作推进会', '开通“西王庄党建”微信公众号', '营子村开展“村民说事”集中议事活动', '西花沟村木耳合作社喜获丰收',
  '付刘耀村农事服务中心投入使用', '全镇开展党员冬春训', '康力医疗党支部开展义诊志愿服务', '泰和水处理党支部开展安全生产承诺践诺',
  '镇党委书记讲专题党课', '各村开展主题党日活动', '镇村干部赴先进地区对标学习', '全镇集中开展发展党员培训',
  '党建示范点迎接邻县参观考察', '镇党委开展联督联查', '三务公开工作规范化推进', '农村党员致富带头人座谈会召开',
  '镇机关党支部开展“我为群众办实事”活动', '全镇软弱涣散党组织整顿工作部署会', '镇党委表彰先进基层党组织', '新任村党组织书记培训班开班',
];

const WITH_IMAGE = 6;

export async function seedDemoShowcases(tx: Tx, o: { tenantId: number; today: string }): Promise<void> {
  const t = o.tenantId;
  const [root] = await tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.tenantId, t), isNull(organizations.parentId)));
  const orgs = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.tenantId, t), inArray(organizations.name, SHOWCASES.map((s) => s.branch))));
  const orgId = new Map(orgs.map((r) => [r.name, r.id]));
  const accounts = await tx.select({ id: users.id, username: users.username }).from(users).where(and(eq(users.tenantId, t), inArray(users.username, ['admin', 'shuji'])));
  const drafter = accounts.find((a) => a.username === 'admin')?.id ?? null;
  const publisher = accounts.find((a) => a.username === 'shuji')?.id ?? null;
  const year = Number(o.today.slice(0, 4));
  const at = (date: string) => new Date(`${date}T09:30:00+08:00`);

  const criteria = await tx.insert(showcaseCriteria).values(CRITERIA.map(([name, description], sortOrder) => ({ tenantId: t, organizationId: root.id, name, description, sortOrder })))
    .returning({ id: showcaseCriteria.id, name: showcaseCriteria.name });
  const made = await tx.insert(showcases).values(SHOWCASES.map((s, i) => ({
    tenantId: t, organizationId: orgId.get(s.branch) as number, name: s.name, theme: s.theme, status: 'named' as const, sinceYear: year - 2 + (i > 2 ? 1 : 0),
    summary: s.summary, practices: s.practices, publishedAt: at(addDays(o.today, -40)), isDemo: true, createdBy: drafter, updatedBy: drafter,
  }))).returning({ id: showcases.id, organizationId: showcases.organizationId });
  // Last year's evaluation: every criterion judged with its evidence; 非公 branches 基本达到 on 发展成效 (a distribution, no score).
  await tx.insert(showcaseEvaluations).values(made.map((s, i) => ({
    tenantId: t, organizationId: s.organizationId, showcaseId: s.id, year: year - 1, evaluatedOn: `${year - 1}-12-20`, conclusion: 'keep' as const, evaluatedBy: publisher,
    note: '镇党委年度评估组实地查看、查阅台账(演示数据)',
    items: criteria.map((c, k) => ({ criterionId: c.id, criterionName: c.name, result: (i > 2 && k === 2 ? 'partly' : 'met') as CriterionResult, evidence: `${c.name}:查阅台账及现场照片(演示)` })),
  })));
  const visitors = ['邻县组织部', '市委党校进修班', '周庄镇党委', '区直机关工委', '兄弟乡镇村党组织书记'];
  await tx.insert(showcaseVisits).values(made.flatMap((s, i) => [0, 1].map((k) => ({
    tenantId: t, organizationId: s.organizationId, showcaseId: s.id, visitedOn: addDays(o.today, -30 - 45 * k - 7 * i), visitors: visitors[(i + k) % visitors.length], people: 12 + 6 * k + i, createdBy: drafter,
  }))));
  // One generated photo (a single pass through the photo pipeline: the seed is near its time limit) on each showcase
  // and on the six newest posts, placed in their bodies and shared as their og:image.
  const photo = await processPhoto(await demoPhoto(20, o.today));
  const file = { mime: 'image/jpeg', size: photo.jpeg.length, data: photo.jpeg, uploadedBy: drafter };
  await tx.insert(showcasePhotos).values(made.map((s) => ({ ...file, tenantId: t, organizationId: s.organizationId, showcaseId: s.id, caption: '示范点现场(演示图片)' })));
  // Twenty posts, a week or so apart, newest first; the last two are drafts waiting for the second admin.
  const posts = await tx.insert(townNews).values(TOPICS.map((title, i) => {
    const published = i < TOPICS.length - 2;
    const day = at(addDays(o.today, -3 - 8 * i));
    return {
      tenantId: t, organizationId: root.id, title, summary: `${title}。(演示数据)`, author: '镇党建办', isDemo: true,
      body: `${title}。\n\n${i < WITH_IMAGE ? '[图片1]\n\n' : ''}会议(活动)由镇党委组织,各村党组织书记、党员代表参加。\n\n下一步,镇党委将持续抓好落实,推动党建引领乡村振兴走深走实。(演示数据)`,
      status: published ? 'published' as const : 'draft' as const, createdBy: drafter, createdAt: day, updatedAt: day,
      ...(published ? { approvedBy: publisher, approvedAt: day, publishedBy: publisher, publishedAt: day, scannedAt: day } : {}),
    };
  })).returning({ id: townNews.id });
  await tx.insert(townNewsImages).values(posts.slice(0, WITH_IMAGE).map((p) => ({ ...file, tenantId: t, organizationId: root.id, newsId: p.id, caption: '活动现场(演示图片)' })));
}
