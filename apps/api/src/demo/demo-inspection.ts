/**
 * 联督联查 of the demo town 西王庄镇 (the article: "建立由纪委、组织、民政参与的联督联查机制"), two rounds:
 *   - one about two months ago, closed: six villages, the four default items and the town's own 四议两公开 item, mostly
 *     合格, three findings whose rectifications were submitted and accepted;
 *   - one started a week ago, still open: eight villages including 营子村 (not visited yet, so the end-to-end test can
 *     record there), three villages visited with two findings: one rectification submitted and waiting for review,
 *     one whose short deadline has passed without evidence, so it is escalated to the town board.
 * The team: 镇纪委 李敏 (the inspector account), 组织办 and 民政办 members with generated names.
 *
 * Bulk inserts checked by the module's pure rules (team, checklist, rectification state machine and lateness);
 * deterministic for a given `today`.
 */
import type { InspectionDepartment } from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { inspectionResults, inspectionRounds, inspectionRoundVillages, rectificationEvents, rectifications } from '../db/schema/index.js';
import { addDays } from '@dj/contracts';
import { settingValues } from '../modules/settings/index.js';
import {
  roundItems, teamProblems, defaultDueOn, lateness, nextStatus, refusal, type RectificationAction,
} from '../modules/inspection/index.js';
import { loadDemoTown, type DemoTown } from './demo-positions.js';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
function fail(message: string): never { throw new Error(`demo seed: 联督联查: ${message}`); }

/** Generated names (the 纪委 one is the demo inspector account's). */
export const DEMO_INSPECTION_TEAM: Array<{ name: string; department: InspectionDepartment }> = [
  { name: '李敏', department: 'discipline' },
  { name: '王立新', department: 'organization_dept' },
  { name: '张慧敏', department: 'civil_affairs' },
];

const CLOSED_VILLAGES = ['西花沟村', '付刘耀村', '天齐庙村', '东王庄村', '高庄村', '黄楼村'];
const OPEN_VILLAGES = ['营子村', '西花沟村', '古屯村', '丁庄村', '杨楼村', '前小湾村', '西大楼村', '付湾村'];
/** Of the open round, visited so far (营子村 is still ahead). */
const OPEN_VISITED = ['西花沟村', '古屯村', '丁庄村'];

interface Finding { village: string; itemKey: string; note: string; evidence: string; dueInDays?: number }

const CLOSED_FINDINGS: Finding[] = [
  { village: '东王庄村', itemKey: 'disclosure', note: '公开栏第三季度村务公开未张贴村务监督委员会签字页', evidence: '补签后的公开栏照片' },
  { village: '高庄村', itemKey: 'duty_roster', note: '值班记录有三天未填写,来访事项无登记', evidence: '补齐的值班记录和来访登记本照片' },
  { village: '黄楼村', itemKey: 'cleanliness', note: '党群服务中心二楼走廊堆放杂物', evidence: '清理后的走廊照片' },
];

const OPEN_FINDINGS: Finding[] = [
  { village: '古屯村', itemKey: 'disclosure', note: '上月财务收支未按时公开,公开栏内容停留在前月', evidence: '上月财务公开张贴照片和审核签字页', dueInDays: 4 },
  { village: '丁庄村', itemKey: 'micro_power', note: '小微权力清单流程图未上墙,近期物资采购无比价记录', evidence: '清单上墙照片和补充的比价记录' },
];

const OK_NOTES = ['公开栏内容齐全', '清单和流程图已上墙', '值班记录完整', '环境整洁'];

export interface DemoInspectionCounts { rounds: number; results: number; findings: number; rectifications: number; accepted: number; escalated: number }

export async function seedDemoInspection(tx: Tx, { tenantId, today, town: given }: { tenantId: number; today: string; town?: DemoTown }): Promise<DemoInspectionCounts> {
  const town = given ?? await loadDemoTown(tx, tenantId);
  const { admin, inspector } = town.users;
  const defaultDays = (await settingValues(tx, tenantId, ['rectification.defaultDays']))['rectification.defaultDays'];
  const problems = teamProblems(DEMO_INSPECTION_TEAM);
  if (problems.length) fail(problems.map((p) => p.message).join(';'));
  const counts: DemoInspectionCounts = { rounds: 0, results: 0, findings: 0, rectifications: 0, accepted: 0, escalated: 0 };

  const rounds = [
    { title: `${addDays(today, -65).slice(0, 4)}年第${Math.ceil(Number(addDays(today, -65).slice(5, 7)) / 3)}季度联督联查`,
      startsOn: addDays(today, -65), endsOn: addDays(today, -59), villages: CLOSED_VILLAGES, visited: CLOSED_VILLAGES, findings: CLOSED_FINDINGS,
      extra: [{ label: '四议两公开', lookAt: '重大事项是否履行"四议两公开"程序,会议记录和表决票是否齐全' }], closed: true },
    { title: '三务公开和阵地建设专项联督联查', startsOn: addDays(today, -7), endsOn: addDays(today, 7), villages: OPEN_VILLAGES, visited: OPEN_VISITED,
      findings: OPEN_FINDINGS, extra: [], closed: false },
  ];

  for (const plan of rounds) {
    const { items, problems: itemProblems } = roundItems(plan.extra);
    if (itemProblems.length) fail(itemProblems.map((p) => p.message).join(';'));
    if (plan.endsOn < plan.startsOn) fail('round ends before it starts');
    const [round] = await tx.insert(inspectionRounds).values({
      tenantId, title: plan.title, startsOn: plan.startsOn, endsOn: plan.endsOn, team: DEMO_INSPECTION_TEAM, items,
      status: plan.closed ? 'closed' : 'open', closedAt: plan.closed ? at(plan.endsOn, '17:30') : null, isDemo: true, createdBy: admin,
      createdAt: at(addDays(plan.startsOn, -3), '10:00'),
    }).returning({ id: inspectionRounds.id });
    counts.rounds++;
    const branches = plan.villages.map((v) => town.branch(v));
    await tx.insert(inspectionRoundVillages).values(branches.map((b) => ({ tenantId, roundId: round.id, organizationId: b.id })));

    // One village a day from the start, every item recorded on the day of the visit.
    const resultValues: (typeof inspectionResults.$inferInsert)[] = [];
    const visitOn = new Map<number, string>();
    plan.visited.forEach((village, n) => {
      const branch = town.branch(village);
      const on = addDays(plan.startsOn, Math.min(n, 5));
      if (on > today) fail(`${village} visited after today`);
      visitOn.set(branch.id, on);
      items.forEach((item, k) => {
        const finding = plan.findings.find((f) => f.village === village && f.itemKey === item.key);
        resultValues.push({
          tenantId, roundId: round.id, organizationId: branch.id, itemKey: item.key, outcome: finding ? 'finding' : 'ok',
          note: finding?.note ?? (item.isDefault ? OK_NOTES[k] ?? null : '程序齐全,记录完整'), recordedBy: inspector, recordedAt: at(on, `${String(9 + k).padStart(2, '0')}:${10 + n}`),
        });
      });
    });
    for (const f of plan.findings) if (!resultValues.some((r) => r.organizationId === town.branch(f.village).id && r.itemKey === f.itemKey && r.outcome === 'finding')) fail(`finding ${f.village} ${f.itemKey} not recorded`);
    const results = await tx.insert(inspectionResults).values(resultValues)
      .returning({ id: inspectionResults.id, organizationId: inspectionResults.organizationId, itemKey: inspectionResults.itemKey, outcome: inspectionResults.outcome });
    counts.results += results.length;

    for (const f of plan.findings) {
      const branch = town.branch(f.village);
      const result = results.find((r) => r.organizationId === branch.id && r.itemKey === f.itemKey)!;
      const foundOn = visitOn.get(branch.id)!;
      // As recordResult: the deadline is the inspector's (never before the day of the finding) or the town's default.
      const dueOn = f.dueInDays !== undefined ? addDays(foundOn, f.dueInDays) : defaultDueOn(foundOn, defaultDays);
      if (dueOn < foundOn) fail(`${f.village}: deadline before the finding`);
      // The village's and the inspector's steps, each allowed by the state machine from the state before it.
      const story: Array<{ action: RectificationAction; on: string; note: string }> = plan.closed
        ? [{ action: 'evidence', on: addDays(foundOn, 6), note: `已整改:${f.evidence}已上传` }, { action: 'accept', on: addDays(foundOn, 9), note: '经复查,整改到位' }]
        : f.dueInDays !== undefined ? [] : [{ action: 'evidence', on: addDays(foundOn, 3), note: `已提交${f.evidence}` }];
      let status: 'open' | 'submitted' | 'accepted' | 'reopened' = 'open';
      const events: (typeof rectificationEvents.$inferInsert)[] = [];
      let acceptedOn: string | null = null;
      for (const step of story) {
        const why = refusal(step.action, status);
        if (why) fail(`${f.village}: ${why}`);
        if (step.on > today) fail(`${f.village}: ${step.action} after today`);
        status = nextStatus(step.action);
        if (step.action === 'accept') acceptedOn = step.on;
        events.push({ tenantId, rectificationId: 0, kind: step.action === 'accept' ? 'accepted' : step.action === 'reopen' ? 'reopened' : 'evidence', note: step.note,
          byUserId: step.action === 'evidence' ? (f.village === '西花沟村' ? town.users.xihuagou : admin) : inspector, at: at(step.on, '15:20') });
      }
      const late = lateness(status, dueOn, today);
      if (plan.closed && late.late) fail(`${f.village}: a closed round's rectification is late`);
      if (!plan.closed && late.escalated !== (f.dueInDays !== undefined)) fail(`${f.village}: escalation is not as meant (due ${dueOn})`);
      const [rect] = await tx.insert(rectifications).values({
        tenantId, roundId: round.id, resultId: result.id, organizationId: branch.id, description: f.note, ownerName: town.people(branch.id)[0],
        dueOn, requiredEvidence: f.evidence, status, acceptedOn, isDemo: true, createdBy: inspector, createdAt: at(foundOn, '11:00'),
        updatedAt: events.at(-1)?.at ?? at(foundOn, '11:00'),
      }).returning({ id: rectifications.id });
      if (events.length) await tx.insert(rectificationEvents).values(events.map((e) => ({ ...e, rectificationId: rect.id })));
      counts.findings++;
      counts.rectifications++;
      if (status === 'accepted') counts.accepted++;
      if (late.escalated) counts.escalated++;
    }
  }
  return counts;
}
