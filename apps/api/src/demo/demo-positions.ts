/**
 * 阵地 of the demo town 西王庄镇: a 党群服务中心 for each of the 18 村党支部, 坐班值班 of six villages for this month and
 * the last, the town's 小微权力清单 (宁海 template) adopted by nine villages with about fifteen uses, and six 四议两公开.
 *
 * High-standard centres: the article (齐鲁晚报 2020-07-03) names "高标准建设西花沟、付刘耀、营子等6个村的党群服务中心";
 * the other three are not named there, so the demo picks 西王庄村 (the town seat), 刘耀村 (薄皮核桃, also named in the
 * article) and 天齐庙村 (HIGH_STANDARD_VILLAGES).
 *
 * Bulk inserts, each row checked first by the module's own contracts and pure rules (the same ones its services run),
 * so a row the services would refuse fails the seed. Dates are relative to `today`; deterministic for a given `today`.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import {
  addDays, AddFourTwoStageSchema, addMonths, CreateFourTwoSchema, CreateMicroPowerUseSchema, CreateServiceCenterProjectSchema, DEFAULT_SERVICE_CENTER_ROOMS, type FourTwoStage, type FourTwoVote, RecordUseStepSchema, SaveServiceCenterSchema,
} from '@dj/contracts';
import type { Tx } from '../db/client.js';
import {
  dutyShifts, fourTwoProcedures, fourTwoStages, members, microPowerAdoptions, microPowerItems, microPowerUses, organizations, persons,
  serviceCenterProjects, serviceCenters, users, villages,
} from '../db/schema/index.js';
import { mulberry32 } from '../lib/prng.js';
import { settingValues } from '../modules/settings/index.js';
import {
  canRecordPresence, checkStageOrder, ensureMicroPowerTemplate, judgeResolution, judgeReview, monthRange, statusAfter,
  type ResolutionBody,
} from '../modules/positions/index.js';

/** The article's three and three chosen for the demo (see the file comment). */
export const HIGH_STANDARD_VILLAGES = ['营子村', '西花沟村', '付刘耀村', '西王庄村', '刘耀村', '天齐庙村'] as const;
/** High-standard centres whose renovation is still under way. */
const PROJECT_IN_PROGRESS = ['西花沟村', '天齐庙村'];
export const DUTY_VILLAGES = ['营子村', '西花沟村', '付刘耀村', '西王庄村', '天齐庙村', '民主村'] as const;
export const MICRO_POWER_VILLAGES = ['营子村', '西花沟村', '付刘耀村', '西王庄村', '刘耀村', '天齐庙村', '民主村', '东王庄村', '石羊村'] as const;

const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
function fail(what: string, message: string): never { throw new Error(`demo seed: ${what}: ${message}`); }

export interface DemoVillageBranch { id: number; name: string; path: string; villageId: number; village: string; code: string; sortOrder: number }

/** What the demo seeds of the three modules need to know about the town as seeded before them. */
export interface DemoTown {
  tenantId: number;
  users: Record<'admin' | 'supervisor' | 'inspector' | 'yingzi' | 'xihuagou', number>;
  branches: DemoVillageBranch[];
  branch(village: string): DemoVillageBranch;
  /** Names of the branch's members in roster order (the secretary first), full active members only. */
  people(branchId: number): string[];
  /** Full members of the branch able to vote at a 党员大会. */
  voters(branchId: number): number;
}

export async function loadDemoTown(tx: Tx, tenantId: number): Promise<DemoTown> {
  const userRows = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.tenantId, tenantId));
  const userId = (name: string) => userRows.find((u) => u.username === name)?.id ?? fail('users', `no user ${name}`);
  const branches = await tx.select({
    id: organizations.id, name: organizations.name, path: organizations.path, villageId: villages.id, village: villages.name, code: villages.code,
    sortOrder: organizations.sortOrder,
  }).from(organizations).innerJoin(villages, eq(villages.id, organizations.villageId))
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.kind, 'branch'), isNotNull(organizations.villageId)))
    .orderBy(asc(organizations.sortOrder));
  const roster = await tx.select({ organizationId: members.organizationId, name: persons.name, standing: members.standing, status: members.membershipStatus, onRoster: members.onRoster })
    .from(members).innerJoin(persons, eq(persons.id, members.personId))
    .where(and(eq(members.tenantId, tenantId), inArray(members.organizationId, branches.map((b) => b.id)))).orderBy(asc(members.id));
  const full = (orgId: number) => roster.filter((m) => m.organizationId === orgId && m.standing === 'full' && m.status === 'active' && m.onRoster);
  return {
    tenantId,
    users: { admin: userId('admin'), supervisor: userId('supervisor'), inspector: userId('inspector'), yingzi: userId('yingzi'), xihuagou: userId('xihuagou') },
    branches,
    branch: (village) => branches.find((b) => b.village === village) ?? fail('villages', `no branch of ${village}`),
    people: (orgId) => [...new Set(full(orgId).map((m) => m.name))],
    voters: (orgId) => full(orgId).length,
  };
}

export interface DemoPositionsCounts {
  centers: number; highStandard: number; projects: number; shifts: number; swaps: number; items: number; adoptions: number; uses: number;
  procedures: number; stages: number;
}

export async function seedDemoPositions(tx: Tx, { tenantId, today, town: given }: { tenantId: number; today: string; town?: DemoTown }): Promise<DemoPositionsCounts> {
  const town = given ?? await loadDemoTown(tx, tenantId);
  const rand = mulberry32(38699 ^ Number(today.replaceAll('-', '')));
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const admin = town.users.admin;

  // ---- 党群服务中心 ----
  const centerValues = town.branches.map((b) => {
    const high = (HIGH_STANDARD_VILLAGES as readonly string[]).includes(b.village);
    const floorArea = high ? between(30, 80) * 10 : between(12, 26) * 10;
    const rooms = high
      ? DEFAULT_SERVICE_CENTER_ROOMS.map((r) => ({ name: r.name, purpose: r.purpose, area: r.name === '便民服务大厅' ? between(8, 16) * 10 : between(4, 9) * 10 }))
      : [{ name: '党员活动室', purpose: '主题党日、党员学习', area: between(4, 7) * 10 }, { name: '便民服务室', purpose: '代办、便民服务', area: between(3, 5) * 10 }];
    const input = SaveServiceCenterSchema.parse({
      name: `${b.village}党群服务中心`, address: `西王庄镇${b.village}村委会院内`, floorArea, rooms,
      openingHours: high ? '周一至周五 8:30—12:00、14:00—17:30;农忙时节周末轮流值班' : '周一至周五 8:30—11:30、14:30—17:00',
      standard: high ? 'high' : 'basic', builtOn: addDays(addMonths(today, -between(high ? 30 : 60, high ? 60 : 150)), -between(0, 27)),
      note: high ? '"四室一厅"高标准党群服务中心(全镇"提升村级党建平台阵地"重点任务)' : null,
    });
    if (input.builtOn && input.builtOn > today) fail('service centre', `${b.name} built after today`);
    return {
      tenantId, organizationId: b.id, villageId: b.villageId, ...input, floorArea: input.floorArea ?? null, openingHours: input.openingHours ?? null,
      builtOn: input.builtOn ?? null, note: input.note ?? null, isDemo: true, updatedBy: admin,
    };
  });
  const centers = await tx.insert(serviceCenters).values(centerValues).returning({ id: serviceCenters.id, organizationId: serviceCenters.organizationId });
  const centerOf = (village: string) => centers.find((c) => c.organizationId === town.branch(village).id)!.id;

  const projectValues: (typeof serviceCenterProjects.$inferInsert)[] = [];
  for (const village of HIGH_STANDARD_VILLAGES) {
    const startedOn = addDays(addMonths(today, -between(14, 30)), -between(0, 27));
    const projects = [CreateServiceCenterProjectSchema.parse({
      name: '党群服务中心高标准提升工程', budgetFen: between(40, 120) * 10_000 * 100, progress: 100,
      startedOn, acceptedOn: addDays(addMonths(startedOn, between(4, 7)), between(0, 20)), note: '"四室一厅"改造,经镇党委组织验收',
    })];
    if (PROJECT_IN_PROGRESS.includes(village)) {
      projects.push(CreateServiceCenterProjectSchema.parse({
        name: village === '西花沟村' ? '便民服务大厅适老化改造' : '党员教育室远程教育设备更新', budgetFen: between(8, 30) * 10_000 * 100,
        progress: between(3, 7) * 10, startedOn: addDays(today, -between(25, 60)), acceptedOn: null, note: '施工中,村务监督委员会全程监督',
      }));
    }
    for (const p of projects) {
      // The service's checkProject: acceptance needs 100 %, no date after today, acceptance not before the start.
      if (p.acceptedOn && (p.progress !== 100 || p.acceptedOn > today || (p.startedOn && p.acceptedOn < p.startedOn))) fail('project', `${village} ${p.name}`);
      if (p.startedOn && p.startedOn > today) fail('project', `${village} ${p.name} starts after today`);
      projectValues.push({ tenantId, serviceCenterId: centerOf(village), name: p.name, budgetFen: p.budgetFen, progress: p.progress,
        startedOn: p.startedOn ?? null, acceptedOn: p.acceptedOn ?? null, note: p.note ?? null, updatedBy: admin });
    }
  }
  await tx.insert(serviceCenterProjects).values(projectValues);

  // ---- 坐班值班: weekday mornings and afternoons, this month and the last ----
  const shiftValues: (typeof dutyShifts.$inferInsert)[] = [];
  let swaps = 0;
  const months = [addMonths(today, -1).slice(0, 7), today.slice(0, 7)];
  for (const village of DUTY_VILLAGES) {
    const branch = town.branch(village);
    const staff = town.people(branch.id).slice(0, 4);
    if (staff.length < 3) fail('duty', `${village} has too few members`);
    let turn = 0;
    for (const month of months) {
      const { from, to } = monthRange(month);
      for (let day = from; day <= to; day = addDays(day, 1)) {
        const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
        if (dow === 0 || dow === 6) continue;
        for (const slot of ['am', 'pm'] as const) {
          const personName = staff[turn++ % staff.length];
          const row: typeof dutyShifts.$inferInsert = { tenantId, organizationId: branch.id, onDate: day, slot, personName, isDemo: true, createdBy: admin,
            createdAt: at(addDays(from, -3), '16:00') };
          // Presence for the days gone by (today's is entered in the evening); mostly present.
          if (day < today && canRecordPresence({ onDate: day, presence: null }, today)) {
            const r = rand();
            row.presence = r < 0.95 ? 'present' : r < 0.985 ? 'excused' : 'absent';
            row.presenceNote = row.presence === 'excused' ? ['参加镇里培训', '家中有事请假,已报支部书记', '外出办理村务'][between(0, 2)]
              : row.presence === 'absent' ? '未到岗,已提醒' : null;
            row.recordedBy = admin;
            row.recordedAt = at(day, '18:00');
          }
          shiftValues.push(row);
        }
      }
    }
  }
  // Two swaps in 营子村: one already sat (presence recorded afterwards), one ahead (swaps only before presence).
  const yingzi = town.branch('营子村').id;
  const yingziStaff = town.people(yingzi).slice(0, 4);
  const yingziShifts = shiftValues.filter((s) => s.organizationId === yingzi);
  const past = yingziShifts.filter((s) => s.onDate < today).at(-3);
  const ahead = yingziShifts.find((s) => s.onDate > addDays(today, 1)) ?? yingziShifts.find((s) => s.onDate > today);
  for (const [shift, reason] of [[past, '原值班人参加镇党委集中培训'], [ahead, '原值班人陪同家人就医']] as const) {
    if (!shift) continue;
    shift.swappedWithName = yingziStaff.find((n) => n !== shift.personName)!;
    shift.swapReason = reason;
    if (shift.presence) { shift.presence = 'present'; shift.presenceNote = null; }
    swaps++;
  }
  const keys = new Set(shiftValues.map((s) => `${s.organizationId}|${s.onDate}|${s.slot}|${s.personName}`));
  if (keys.size !== shiftValues.length) fail('duty', 'a slot is planned twice');
  await tx.insert(dutyShifts).values(shiftValues);

  // ---- 小微权力清单: the town's list from the 宁海 template, adopted by nine villages ----
  await ensureMicroPowerTemplate(tx, tenantId);
  const items = await tx.select().from(microPowerItems).where(eq(microPowerItems.tenantId, tenantId)).orderBy(asc(microPowerItems.sortOrder));
  const item = (name: string) => items.find((i) => i.name === name) ?? fail('micro-power', `no item ${name}`);
  const adoptedOn = new Map<number, string>();
  const adoptionValues: (typeof microPowerAdoptions.$inferInsert)[] = [];
  for (const village of MICRO_POWER_VILLAGES) {
    const branch = town.branch(village);
    const on = addDays(addMonths(today, -between(8, 11)), -between(0, 20));
    adoptedOn.set(branch.id, on);
    // Most items: a village without, say, 宅基地自愿退出 cases leaves a few out (never the ones used below).
    const skip = new Set(village === '营子村' ? [] : items.filter(() => rand() < 0.12).map((i) => i.id));
    for (const i of items) {
      if (!skip.has(i.id) || USE_PLAN.some((u) => u.village === village && u.item === i.name)) {
        adoptionValues.push({ tenantId, organizationId: branch.id, itemId: i.id, adoptedOn: on, createdBy: admin });
      }
    }
  }
  await tx.insert(microPowerAdoptions).values(adoptionValues);

  const useValues: (typeof microPowerUses.$inferInsert)[] = [];
  for (const plan of USE_PLAN) {
    const branch = town.branch(plan.village);
    const it = item(plan.item);
    const startedOn = addDays(today, -plan.daysAgo);
    const input = CreateMicroPowerUseSchema.parse({ organizationId: branch.id, itemId: it.id, subject: plan.subject, startedOn });
    if (!adoptionValues.some((a) => a.organizationId === branch.id && a.itemId === it.id)) fail('micro-power use', `${plan.village} has not adopted ${plan.item}`);
    if (input.startedOn > today || input.startedOn < adoptedOn.get(branch.id)!) fail('micro-power use', `${plan.subject}: start date`);
    const stepCount = plan.steps === 'all' ? it.steps.length : Math.min(plan.steps, it.steps.length - 1);
    const steps: { index: number; doneOn: string; by: string; note: string | null }[] = [];
    const by = town.people(branch.id)[0];
    let doneOn = input.startedOn;
    const gap = Math.max(1, Math.floor(plan.daysAgo / (it.steps.length + 1)));
    for (let index = 0; index < stepCount; index++) {
      doneOn = addDays(doneOn, index === 0 ? 0 : between(1, gap));
      if (doneOn > today) doneOn = today;
      // The service's recordStep: next index in order, not before the previous step (or the start), not after today.
      const step = RecordUseStepSchema.parse({ index, doneOn, by: index === 0 ? plan.applicant ?? by : by, note: null });
      const floor = steps.at(-1)?.doneOn ?? input.startedOn;
      if (step.index !== steps.length || step.doneOn < floor || step.doneOn > today) fail('micro-power use', `${plan.subject}: step ${index}`);
      steps.push({ index: step.index, doneOn: step.doneOn, by: step.by, note: step.note ?? null });
    }
    useValues.push({
      tenantId, organizationId: branch.id, itemId: it.id, subject: input.subject, startedOn: input.startedOn, steps,
      publishable: plan.publishable && steps.length === it.steps.length, isDemo: true, createdBy: admin, createdAt: at(input.startedOn, '10:00'),
    });
  }
  await tx.insert(microPowerUses).values(useValues);

  // ---- 四议两公开 ----
  const thresholds = await settingValues(tx, tenantId, ['fourTwo.reviewQuorumPercent', 'fourTwo.reviewApprovePercent']);
  const t = { reviewQuorumPercent: thresholds['fourTwo.reviewQuorumPercent'], reviewApprovePercent: thresholds['fourTwo.reviewApprovePercent'] };
  let stagesAdded = 0;
  for (const plan of FOUR_TWO_PLAN) {
    const branch = town.branch(plan.village);
    const head = CreateFourTwoSchema.parse({ organizationId: branch.id, title: plan.title, category: plan.category });
    const done: { stage: FourTwoStage; heldOn: string }[] = [];
    const rows: Omit<typeof fourTwoStages.$inferInsert, 'procedureId'>[] = [];
    let status: 'open' | 'rejected' | 'done' = 'open';
    let heldOn = addDays(today, -plan.daysAgo);
    const stages = ['proposal', 'consultation', 'review', 'resolution', 'resolution_disclosure', 'result_disclosure'] as const;
    for (const [n, stage] of stages.slice(0, plan.stages).entries()) {
      if (n > 0) heldOn = addDays(heldOn, stage === 'result_disclosure' ? plan.resultAfter ?? 30 : between(3, 9));
      let vote: FourTwoVote | null = null;
      let body: ResolutionBody | null = null;
      if (stage === 'review') {
        const eligible = town.voters(branch.id);
        const present = Math.max(Math.ceil((eligible * t.reviewQuorumPercent) / 100), eligible - between(1, 3));
        const yes = plan.reviewFails ? Math.floor(present * 0.35) : present - between(0, 2);
        vote = { eligible, present, yes, no: plan.reviewFails ? present - yes - 1 : present - yes, abstain: plan.reviewFails ? 1 : 0 };
      } else if (stage === 'resolution') {
        body = plan.body ?? 'representatives_meeting';
        const eligible = body === 'villagers_meeting' ? between(600, 900) : between(30, 41);
        const present = body === 'villagers_meeting' ? Math.floor(eligible * 0.62) : Math.ceil((eligible * 2) / 3) + between(1, 4);
        const yes = present - between(2, 5);
        vote = { eligible, present, yes, no: present - yes - 1, abstain: 1 };
      }
      const input = AddFourTwoStageSchema.parse({ stage, heldOn, body, vote, note: plan.notes?.[stage] ?? null });
      // The service's addStage: order and dates, then the vote judged by the town's thresholds or the 组织法.
      const order = checkStageOrder(done, input.stage, input.heldOn, today);
      if (order) fail('四议两公开', `${plan.title} ${stage}: ${order.message}`);
      let passed: boolean | null = null;
      if (input.vote) {
        const outcome = stage === 'review' ? judgeReview(input.vote, t) : judgeResolution(input.body!, input.vote);
        if (!outcome.ok) fail('四议两公开', `${plan.title} ${stage}: ${outcome.refusal.message}`);
        passed = outcome.passed;
      }
      if (status !== 'open') fail('四议两公开', `${plan.title}: a stage after the end`);
      rows.push({ tenantId, stage, heldOn: input.heldOn, body: input.body ?? null, vote: input.vote ?? null, passed, note: input.note ?? null,
        recordedBy: admin, recordedAt: at(input.heldOn, '17:30') });
      done.push({ stage, heldOn: input.heldOn });
      status = statusAfter(stage, passed);
    }
    if (plan.expect !== status) fail('四议两公开', `${plan.title}: ${status}, meant ${plan.expect}`);
    const [proc] = await tx.insert(fourTwoProcedures).values({ tenantId, organizationId: branch.id, title: head.title, category: head.category, status,
      isDemo: true, createdBy: admin, createdAt: at(addDays(today, -plan.daysAgo), '09:00') }).returning({ id: fourTwoProcedures.id });
    await tx.insert(fourTwoStages).values(rows.map((r) => ({ ...r, procedureId: proc.id })));
    stagesAdded += rows.length;
  }

  return {
    centers: centers.length, highStandard: HIGH_STANDARD_VILLAGES.length, projects: projectValues.length, shifts: shiftValues.length, swaps,
    items: items.length, adoptions: adoptionValues.length, uses: useValues.length, procedures: FOUR_TWO_PLAN.length, stages: stagesAdded,
  };
}

interface UsePlan { village: string; item: string; subject: string; daysAgo: number; steps: number | 'all'; publishable: boolean; applicant?: string }

/** About fifteen uses of the list: finished ones (some publishable for the 村务公开) and ones half-way. */
const USE_PLAN: UsePlan[] = [
  { village: '营子村', item: '村级物资采购', subject: '采购党群服务中心办公桌椅一批', daysAgo: 80, steps: 'all', publishable: true },
  { village: '营子村', item: '农村村民建房(宅基地)申请', subject: '第三村民小组村民翻建住房用地申请', daysAgo: 40, steps: 4, publishable: false },
  { village: '营子村', item: '临时救助申请', subject: '村民因病临时救助申请', daysAgo: 25, steps: 'all', publishable: true },
  { village: '营子村', item: '财务开支审批', subject: '村内路灯维修费用报销', daysAgo: 12, steps: 3, publishable: false },
  { village: '西花沟村', item: '小型工程项目实施', subject: '村东生产路修缮工程', daysAgo: 120, steps: 'all', publishable: true },
  { village: '西花沟村', item: '集体资产出租出借', subject: '村集体闲置仓库对外出租', daysAgo: 30, steps: 2, publishable: false },
  { village: '付刘耀村', item: '集体土地发包和经营权流转', subject: '园林苗圃用地经营权流转', daysAgo: 150, steps: 'all', publishable: true },
  { village: '付刘耀村', item: '最低生活保障申请', subject: '村民最低生活保障申请(协助入户调查)', daysAgo: 18, steps: 2, publishable: false },
  { village: '西王庄村', item: '村级服务采购', subject: '村内环境卫生保洁服务采购', daysAgo: 95, steps: 'all', publishable: true },
  { village: '西王庄村', item: '村务工作人员聘用', subject: '聘用村便民服务代办员一名', daysAgo: 20, steps: 3, publishable: false },
  { village: '刘耀村', item: '村级财务公开', subject: '上季度财务收支公开', daysAgo: 60, steps: 'all', publishable: true },
  { village: '天齐庙村', item: '困难群众慰问', subject: '春节前困难群众走访慰问', daysAgo: 110, steps: 'all', publishable: true },
  { village: '民主村', item: '危房翻建和改建申请', subject: '村民危房改造申请', daysAgo: 35, steps: 3, publishable: false },
  { village: '东王庄村', item: '村民小组长推选', subject: '第二村民小组组长推选', daysAgo: 70, steps: 'all', publishable: false },
  { village: '石羊村', item: '工程竣工验收和结算', subject: '村文化广场硬化工程竣工验收', daysAgo: 45, steps: 4, publishable: false },
];

interface FourTwoPlan {
  village: string; title: string; category: 'village_rules' | 'land_assets' | 'collective_project' | 'public_welfare' | 'other';
  daysAgo: number; stages: number; expect: 'open' | 'rejected' | 'done'; reviewFails?: boolean; body?: ResolutionBody; resultAfter?: number;
  notes?: Partial<Record<FourTwoStage, string>>;
}

/** Two done, one waiting for the 党员大会, one for the 决议, one at 决议公开, one rejected at the 审议. */
const FOUR_TWO_PLAN: FourTwoPlan[] = [
  { village: '营子村', title: '村集体闲置厂房对外租赁', category: 'land_assets', daysAgo: 150, stages: 6, expect: 'done', resultAfter: 60,
    notes: { proposal: '村党支部提议将村北闲置厂房公开竞价出租', result_disclosure: '已通过镇农村产权交易平台公开竞价出租,租金按年入账并公开' } },
  { village: '西花沟村', title: '修订村规民约', category: 'village_rules', daysAgo: 120, stages: 6, expect: 'done', body: 'villagers_meeting', resultAfter: 20,
    notes: { result_disclosure: '修订后的村规民约已报镇人民政府备案并张贴公布' } },
  { village: '付刘耀村', title: '园林苗圃合作社入股村集体经济', category: 'collective_project', daysAgo: 12, stages: 2, expect: 'open',
    notes: { consultation: '村"两委"会议商议同意,提交党员大会审议' } },
  { village: '西王庄村', title: '村内道路硬化筹资筹劳方案', category: 'public_welfare', daysAgo: 20, stages: 3, expect: 'open' },
  { village: '刘耀村', title: '薄皮核桃初加工车间建设', category: 'collective_project', daysAgo: 45, stages: 4, expect: 'open' },
  { village: '天齐庙村', title: '集体机动地对外发包', category: 'land_assets', daysAgo: 60, stages: 3, expect: 'rejected', reviewFails: true,
    notes: { review: '党员对发包期限和价格意见较大,未获通过,待重新研究方案' } },
];

export const demoMonthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
