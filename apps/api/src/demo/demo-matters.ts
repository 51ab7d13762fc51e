/**
 * 村民说事 of the demo town (issue 20 point 8): a year of matters in every village, about one a month, through 说事 →
 * 议事 → 办事 → 评事: the older ones closed with a rating (mostly 满意, some 基本满意, a few 不满意), last month's being
 * handled, this month's just raised. A few villages have one past its deadline (escalated, derived) or escalated by the
 * village; 西花沟村 has one reopened after a 不满意. Matters raised at a 三日合一 or 村民说事日 are linked to that
 * meeting. Two batch inserts (matters, then their history); everything is demo data.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { addDays, MATTER_CATEGORIES, type MatterCategory, type MatterSource } from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { activities } from '../db/schema/index.js';
import { insertEvents, insertMatters, newReceipt, type EventValues, type MatterValues } from '../modules/matters/index.js';
import type { DemoTown } from './demo-positions.js';

const TITLES: Record<MatterCategory, string[]> = {
  dispute: ['邻里宅基地边界纠纷', '承包地界限争议', '排水沟占用纠纷'],
  livelihood: ['村东头路灯不亮', '生产路坑洼需修补', '自来水压力不足', '垃圾清运不及时'],
  development: ['建议扩大木耳种植规模', '建议建设农产品直播点', '建议统一采购农资'],
  supervision: ['询问集体土地流转收入去向', '建议公开道路硬化工程账目'],
  other: ['建议增加广场健身器材', '建议组织农技培训'],
};
const SOURCES: MatterSource[] = ['say_day', 'visit', 'walk_in', 'public_form'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '孙'];
const MONTHS = 12;
const REOPENED = '西花沟村';

interface Plan { values: MatterValues; events: Omit<EventValues, 'matterId'>[] }

function planOne(town: DemoTown, b: DemoTown['branches'][number], vi: number, k: number, today: string, meetings: { id: number; heldOn: string }[]): Plan {
  const category = MATTER_CATEGORIES[(vi + k) % MATTER_CATEGORIES.length];
  const titles = TITLES[category];
  const raisedOn = addDays(today, -(k * 30 + ((vi * 3) % 17) + 2));
  let source = SOURCES[(vi + k * 3) % SOURCES.length];
  // Raised at a meeting of the village held within a week before: linked to it.
  const meeting = source === 'say_day' ? meetings.find((m) => m.heldOn <= raisedOn && m.heldOn >= addDays(raisedOn, -7)) : undefined;
  if (source === 'say_day' && !meeting) source = 'walk_in';
  const base = { tenantId: town.tenantId, organizationId: b.id, createdBy: town.users.admin };
  const ev = (kind: EventValues['kind'], on: string, text: string | null, rating: EventValues['rating'] = null) => ({ ...base, kind, on, text, rating });
  const title = titles[(vi + k) % titles.length];
  const values: MatterValues = {
    ...base, receipt: newReceipt(), source, category, title, content: `${title}:群众反映的具体情况(演示数据)。`, place: `${b.village}${['东街', '西街', '南片', '北片'][k % 4]}`,
    raiserName: source === 'public_form' && k % 2 ? null : `${SURNAMES[(vi + k) % SURNAMES.length]}某(演示)`, raisedOn,
    raisedActivityId: meeting?.id ?? null, visitNote: source === 'visit' ? '联户党员走访时收集' : null, stage: 'raised', isDemo: true,
  };
  const events = [ev('raised', raisedOn, title)];
  if (k === 0) return { values, events };
  const discussedOn = addDays(raisedOn, 5);
  const late = k === 1 && vi % 6 === 2;
  const dueOn = late ? addDays(today, -4) : addDays(discussedOn, 20);
  Object.assign(values, {
    stage: 'discussed', forum: k % 2 ? 'deliberation_day' : 'committee', discussedOn, discussion: '经村"两委"研究,由村委会牵头办理', ownerName: town.people(b.id)[k % 3] ?? '村委会', dueOn,
    reply: '已研究,正在办理', fourTwoId: null,
  });
  events.push(ev('discussed', discussedOn, `议定由村委会牵头办理(${dueOn}前办结)`), ev('step', addDays(discussedOn, 3), '责任人现场查看,制定办理方案'));
  if (k === 1) {
    if (vi % 5 === 1) {
      Object.assign(values, { escalatedOn: addDays(discussedOn, 4), escalationReason: '涉及跨村协调,村里无法单独解决' });
      events.push(ev('escalated', addDays(discussedOn, 4), '涉及跨村协调,村里无法单独解决'));
    }
    return { values, events };
  }
  const handledOn = addDays(discussedOn, 12);
  events.push(ev('handled', handledOn, '已按议定意见办结'));
  const rating = (vi + k) % 9 === 0 ? 'dissatisfied' : (vi + k) % 4 === 0 ? 'basically' : 'satisfied';
  const reason = rating === 'dissatisfied' ? '办理结果与期望有差距' : null;
  if (b.village === REOPENED && k === 3) {
    // The reopened one: 不满意, handled again, then 满意.
    events.push(ev('rated', addDays(handledOn, 2), '只解决了一部分', 'dissatisfied'), ev('reopened', addDays(handledOn, 2), '重新办理'),
      ev('handled', addDays(handledOn, 10), '已全部办结'), ev('rated', addDays(handledOn, 12), null, 'satisfied'));
    Object.assign(values, { stage: 'rated', reopenCount: 1, handledOn: addDays(handledOn, 10), result: '已全部办结', rating: 'satisfied', ratedOn: addDays(handledOn, 12), reply: '已重新办理并全部办结' });
    return { values, events };
  }
  events.push(ev('rated', addDays(handledOn, 3), reason, rating));
  Object.assign(values, { stage: 'rated', handledOn, result: '已按议定意见办结', rating, ratingReason: reason, ratedOn: addDays(handledOn, 3), reply: '已办结,感谢您的反映' });
  return { values, events };
}

export async function seedDemoMatters(tx: Tx, options: { today: string; town: DemoTown }) {
  const { today, town } = options;
  const meetingRows = await tx.select({ id: activities.id, organizationId: activities.organizationId, heldOn: activities.heldOn }).from(activities)
    .where(and(eq(activities.tenantId, town.tenantId), inArray(activities.kind, ['combined_day', 'villager_say_day'])));
  const plans = town.branches.flatMap((b, vi) => {
    const meetings = meetingRows.filter((m) => m.organizationId === b.id).sort((x, y) => y.heldOn.localeCompare(x.heldOn));
    return Array.from({ length: MONTHS }, (_, k) => planOne(town, b, vi, k, today, meetings));
  });
  const ids = await insertMatters(tx, plans.map((p) => p.values));
  await insertEvents(tx, plans.flatMap((p, i) => p.events.map((e) => ({ ...e, matterId: ids[i] }))));
}
