// A year of 组织生活 per branch with attendance, drawn like the demo's calendar: monthly 主题党日 (三日合一 in some
// villages), 支委会 and 党小组会, quarterly 党员大会 and 党课, January's 组织生活会 with 民主评议, and 谈心谈话.
// About 15% of branches fall behind (months skipped), so the compliance board has work to show.
import type pg from 'pg';
import { activities, attendances } from '../../apps/api/src/db/schema/index.js';
import { copyRows } from './copy.js';
import { secretaryUserId, tenantOfBranch, type Layout } from './gen-orgs.js';
import { memberFacts } from './gen-people.js';
import { chance, dayMs, isoDay, pad, pick, rng } from './scale-plan.js';

type Kind = (typeof activities.$inferInsert)['kind'];
/** Who an activity expects: everyone, the committee (first five), one group, or one member (a talk). */
const ALL = 0; const COMMITTEE = 1; const TALK = 6; const GROUP = 2;
const PLACES = ['村党群服务中心', '村委会会议室', '党员活动室', '新时代文明实践站'];
const TOPICS = ['学习贯彻党的二十届三中全会精神', '乡村振兴产业发展', '人居环境整治', '防汛备汛', '秋收秋种', '冬季安全生产', '基层党建重点任务'];
const EXCUSES = ['外出务工', '身体不适', '家中有事', '在外就医'];

interface Plan { kind: Kind; day: string; set: number; who: number; countsFor: string[] }

function planBranch(layout: Layout, index: number, today: string): Plan[] {
  const b = layout.branches[index];
  const rand = rng(31 * b.id + 7);
  const plans: Plan[] = [];
  const behind = chance(rand, 0.15);
  const todayMs = Date.parse(today);
  const firstMonth = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - 11;
  const held = (day: string) => Date.parse(day) < todayMs;
  const dayOf = (m: number, d: number) => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}-${pad(d)}`;
  for (let m = firstMonth; m < firstMonth + 12; m++) {
    const skip = behind && chance(rand, 0.3);
    const theme = dayOf(m, 28);
    if (held(theme) && !skip) plans.push({ kind: b.sector === 'village' && chance(rand, 0.35) ? 'combined_day' : 'theme_day', day: theme, set: ALL, who: 0, countsFor: [] });
    if (b.size >= 7 && !skip && held(dayOf(m, 8))) plans.push({ kind: 'committee_meeting', day: dayOf(m, 5 + Math.floor(rand() * 6)), set: COMMITTEE, who: 0, countsFor: [] });
    b.groups.forEach((_, g) => { const day = dayOf(m, 14 + Math.floor(rand() * 7)); if (held(day) && !skip) plans.push({ kind: 'group_meeting', day, set: GROUP + g, who: 0, countsFor: [] }); });
    if ((m % 12) === 0) { const day = dayOf(m, 12 + Math.floor(rand() * 10)); if (held(day)) plans.push({ kind: 'life_meeting', day, set: ALL, who: 0, countsFor: ['appraisal'] }); }
    if ((m % 3) === 1 && !(behind && chance(rand, 0.5))) {
      const general = dayOf(m, 8 + Math.floor(rand() * 10));
      if (held(general)) plans.push({ kind: 'general_meeting', day: general, set: ALL, who: 0, countsFor: [] });
      const lecture = dayOf(m, 16 + Math.floor(rand() * 6));
      if (held(lecture)) plans.push({ kind: 'party_lecture', day: lecture, set: ALL, who: 0, countsFor: [] });
    }
  }
  // 谈心谈话: the secretary with about a third of the members over the year (at most 30 talks).
  const talks = Math.min(30, Math.ceil(b.size / 3));
  for (let t = 0; t < talks; t++) {
    plans.push({ kind: 'heart_talk', day: isoDay(todayMs - (1 + Math.floor(rand() * 360)) * dayMs), set: TALK, who: b.firstMember + 1 + Math.floor(rand() * Math.max(1, b.size - 1)), countsFor: [] });
  }
  return plans;
}

function expected(layout: Layout, index: number, p: Plan): number[] {
  const b = layout.branches[index];
  const range = (start: number, count: number) => Array.from({ length: count }, (_, k) => start + k);
  if (p.set === ALL) return range(b.firstMember, b.size);
  if (p.set === COMMITTEE) return range(b.firstMember, Math.min(5, b.size));
  if (p.set === TALK) return [p.who];
  const g = b.groups[p.set - GROUP];
  return range(g.start, g.count);
}

/** Two passes over the same seeded plans: the activities first (their ids), then the attendance that points at them. */
export async function generateLife(client: pg.PoolClient, layout: Layout, today: string, note: (table: string, rows: number) => void) {
  function* activityRows(): Generator<typeof activities.$inferInsert> {
    let id = 0;
    for (let i = 0; i < layout.branches.length; i++) {
      const b = layout.branches[i];
      const rand = rng(b.id);
      const group = (p: Plan) => (p.set >= GROUP && p.set < TALK ? b.groups[p.set - GROUP].id : null);
      for (const p of planBranch(layout, i, today)) {
        const at = new Date(`${p.day}T12:00:00Z`);
        yield {
          id: ++id, tenantId: tenantOfBranch(layout, b), organizationId: b.id, groupId: group(p), kind: p.kind, countsFor: p.countsFor, heldOn: p.day,
          place: pick(rand, PLACES), topic: p.kind === 'heart_talk' ? '谈心谈话' : pick(rand, TOPICS), host: '书记', recorder: '组织委员', lecturer: p.kind === 'party_lecture' ? '书记' : null,
          agenda: null, minutes: '会议围绕主题开展学习讨论,党员结合实际谈体会。', resolutions: null, agendaParts: [], guests: [],
          supervisorUserId: null, reviewStatus: 'none', status: 'recorded', isDemo: false, createdBy: secretaryUserId(layout, i), createdAt: at, updatedAt: at,
        };
      }
    }
  }
  function* attendanceRows(): Generator<typeof attendances.$inferInsert> {
    let id = 0;
    for (let i = 0; i < layout.branches.length; i++) {
      const rand = rng(97 * layout.branches[i].id);
      for (const p of planBranch(layout, i, today)) {
        id++;
        for (const memberId of expected(layout, i, p)) {
          const away = memberFacts(memberId, today).mobile;
          const r = rand();
          if (p.set === TALK || (!away && r < 0.85)) { yield { activityId: id, memberId, state: 'present', reason: null, makeupOn: null }; continue; }
          const makeup = chance(rand, 0.4) ? isoDay(Math.min(Date.parse(p.day) + 10 * dayMs, Date.parse(today) - dayMs)) : null;
          if (away || r < 0.95) yield { activityId: id, memberId, state: 'excused', reason: away ? '外出务工' : pick(rand, EXCUSES), makeupOn: makeup };
          else yield { activityId: id, memberId, state: 'absent', reason: null, makeupOn: makeup };
        }
      }
    }
  }
  note('activities', await copyRows(client, activities, activityRows()));
  note('attendances', await copyRows(client, attendances, attendanceRows()));
}
