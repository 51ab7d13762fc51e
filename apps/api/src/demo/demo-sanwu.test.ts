import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureBoard, PublicVillageDisclosures } from '@dj/contracts';
import { createTestContext, orgIds, type Session, type TestContext } from '../../test/context.js';
import { todayInShanghai } from '@dj/contracts';
import { dueDateOf, endedPeriods } from '../modules/disclosure/rules/frequency.js';
import { findNumbers, scanDisclosure } from '../modules/disclosure/rules/pii-scan.js';
import { DEMO_CORRECTED_VILLAGE, DEMO_DISCLOSURE_BEHIND, seedDemoDisclosure } from './demo-disclosure.js';
import { seedDemoInspection } from './demo-inspection.js';
import { HIGH_STANDARD_VILLAGES, loadDemoTown, seedDemoPositions } from './demo-positions.js';
import villageData from './xiwangzhuang-villages.json' with { type: 'json' };

// The template database is seeded with the real today (seed/index.ts): expectations are relative to it.
const today = todayInShanghai();
const lastMonth = endedPeriods('monthly', today, 1)[0];
const YINGZI_CODE = villageData.villages.find((v) => v.name === '营子村')!.code;

let ctx: TestContext;
let admin: Session;
let ids: Record<string, number>;
const q = async (sql: string, params: unknown[] = []) => (await ctx.pool.query(sql, params)).rows;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
  ids = await orgIds(ctx.pool);
});
afterAll(async () => { await ctx.close(); });

describe('demo 阵地 of 西王庄镇', () => {
  it('has a 党群服务中心 for each of the 18 villages, 6 high-standard with the 四室一厅, all marked demo', async () => {
    const centers = await q(`select o.name, v.name as village, c.standard, c.floor_area, c.rooms, c.opening_hours, c.is_demo,
        (select count(*)::int from service_center_projects p where p.service_center_id = c.id and p.accepted_on is not null and p.progress = 100) as accepted,
        (select count(*)::int from service_center_projects p where p.service_center_id = c.id and p.accepted_on is null) as in_progress
      from service_centers c join organizations o on o.id = c.organization_id join villages v on v.id = c.village_id order by o.sort_order`);
    console.log('demo service centres', centers.map((c) => `${c.village}:${c.standard}:${c.floor_area}`).join(', '));
    expect(centers).toHaveLength(18);
    const high = centers.filter((c) => c.standard === 'high');
    expect(high.map((c) => c.village).sort()).toEqual([...HIGH_STANDARD_VILLAGES].sort());
    for (const c of high) {
      expect(c.rooms.map((r: { name: string }) => r.name)).toEqual(['党员教育室', '党建活动室', '组织议事室', '村民说事室', '便民服务大厅']);
      expect(c.floor_area).toBeGreaterThanOrEqual(300);
      expect(c.floor_area).toBeLessThanOrEqual(800);
      expect(c.opening_hours).toBeTruthy();
      expect(c.accepted, c.village).toBe(1);
    }
    const building = high.filter((c) => c.in_progress > 0).length;
    expect(building).toBeGreaterThanOrEqual(1);
    expect(building).toBeLessThanOrEqual(2);
    expect(centers.every((c) => c.is_demo)).toBe(true);
    const list = (await admin.get('/api/service-centers')).json();
    expect(list.items).toHaveLength(18);
    expect(list.missing).toEqual([]);
  });

  it('has duty rosters for this month and the last in six villages, presence for past days, a swap', async () => {
    const [r] = await q(`select count(distinct organization_id)::int as villages, count(*)::int as shifts,
        count(*) filter (where on_date < $1 and presence is null)::int as past_unrecorded,
        count(*) filter (where on_date > $1 and presence is not null)::int as future_recorded,
        count(*) filter (where presence = 'present')::int as present, count(*) filter (where presence = 'excused')::int as excused,
        count(*) filter (where presence = 'absent')::int as absent, count(*) filter (where swapped_with_name is not null)::int as swaps,
        min(on_date)::text as first, max(on_date)::text as last, bool_and(is_demo) as demo,
        count(*) filter (where extract(isodow from on_date) > 5)::int as weekend
      from duty_shifts`, [today]);
    console.log('demo duty shifts', r);
    expect(r.villages).toBe(6);
    expect(r.first.slice(0, 7)).toBe(endedPeriods('monthly', today, 1)[0]);
    expect(r.last.slice(0, 7)).toBe(today.slice(0, 7));
    expect(r).toMatchObject({ past_unrecorded: 0, future_recorded: 0, weekend: 0, demo: true });
    expect(r.present / (r.present + r.excused + r.absent)).toBeGreaterThan(0.85);
    expect(r.excused + r.absent).toBeGreaterThan(0);
    expect(r.swaps).toBeGreaterThanOrEqual(1);
    const yingzi = await q(`select count(*)::int as n from duty_shifts where organization_id = $1`, [ids['营子村党支部']]);
    expect(yingzi[0].n).toBeGreaterThan(0);
  });

  it('has the town list from the 宁海 template, nine adopting villages, about fifteen uses, six 四议两公开', async () => {
    const [r] = await q(`select (select count(*)::int from micro_power_items) as items,
        (select count(distinct organization_id)::int from micro_power_adoptions) as adopting,
        (select count(*)::int from micro_power_adoptions where organization_id = $1) as yingzi,
        (select count(*)::int from micro_power_uses) as uses, (select count(*)::int from micro_power_uses where publishable) as publishable,
        (select count(*)::int from micro_power_uses u join micro_power_items i on i.id = u.item_id where jsonb_array_length(u.steps) = cardinality(i.steps)) as finished,
        (select bool_and(is_demo) from micro_power_uses) as demo`, [ids['营子村党支部']]);
    expect(r).toMatchObject({ items: 36, adopting: 9, yingzi: 36, demo: true });
    expect(r.uses).toBeGreaterThanOrEqual(12);
    expect(r.publishable).toBeGreaterThan(0);
    expect(r.finished).toBeLessThan(r.uses);
    const procedures = await q(`select p.status, p.is_demo, (select string_agg(s.stage || ':' || coalesce(s.passed::text, '-'), ',' order by s.held_on, s.id) from four_two_stages s where s.procedure_id = p.id) as stages
      from four_two_procedures p order by p.id`);
    expect(procedures).toHaveLength(6);
    expect(procedures.filter((p) => p.status === 'done')).toHaveLength(2);
    expect(procedures.filter((p) => p.status === 'rejected').map((p) => p.stages)).toEqual(['proposal:-,consultation:-,review:false']);
    const open = procedures.filter((p) => p.status === 'open').map((p) => p.stages.split(',').at(-1));
    expect(open).toEqual(expect.arrayContaining(['consultation:-', 'review:true', 'resolution:true']));
    const api = (await admin.get('/api/four-two')).json();
    expect(api.items.map((p: { nextStage: string | null }) => p.nextStage).filter(Boolean)).toEqual(expect.arrayContaining(['review', 'resolution']));
  });
});

describe('demo 联督联查 of 西王庄镇', () => {
  it('has one closed round with accepted rectifications and one open round with an escalated one', async () => {
    const rounds = (await admin.get('/api/inspections')).json().items as Array<{ id: number; status: string; progress: Record<string, number> }>;
    console.log('demo inspection rounds', rounds.map((r) => ({ status: r.status, ...r.progress })));
    expect(rounds.map((r) => r.status).sort()).toEqual(['closed', 'open']);
    const closed = rounds.find((r) => r.status === 'closed')!;
    expect(closed.progress).toMatchObject({ villages: 6, findings: 3, openRectifications: 0, escalated: 0 });
    expect(closed.progress.recorded).toBe(closed.progress.expected);
    const open = rounds.find((r) => r.status === 'open')!;
    expect(open.progress).toMatchObject({ villages: 8, findings: 2, openRectifications: 2, escalated: 1 });
    const detail = (await admin.get(`/api/inspections/${open.id}`)).json();
    const visited = detail.villages.filter((v: { results: unknown[] }) => v.results.length > 0).map((v: { organizationName: string }) => v.organizationName);
    expect(visited).toHaveLength(3);
    expect(detail.villages.find((v: { organizationName: string }) => v.organizationName === '营子村党支部').results).toEqual([]);
    const escalated = (await admin.get('/api/rectifications?escalated=true')).json().items;
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ roundId: open.id, status: 'open', late: true });
    const accepted = await q(`select r.status, r.accepted_on::text, r.due_on::text, (select string_agg(kind, ',' order by at) from rectification_events e where e.rectification_id = r.id) as events
      from rectifications r where r.round_id = $1`, [closed.id]);
    expect(accepted).toHaveLength(3);
    for (const r of accepted) expect(r).toMatchObject({ status: 'accepted', events: 'evidence,accepted' });
    const [demo] = await q(`select bool_and(is_demo) as rounds, (select bool_and(is_demo) from rectifications) as rects from inspection_rounds`);
    expect(demo).toEqual({ rounds: true, rects: true });
  });
});

describe('demo 三务公开 of 西王庄镇', () => {
  it('covers twelve months of 财务收支 for the villages, a few published late, all marked demo', async () => {
    const months = await q(`select v.name, count(distinct d.period)::int as n from disclosures d join villages v on v.id = d.village_id
      where d.rule_key = 'finance_monthly' and d.status = 'published' group by v.name`);
    const byVillage = Object.fromEntries(months.map((m) => [m.name, m.n]));
    expect(Object.keys(byVillage)).toHaveLength(18);
    expect(byVillage['营子村']).toBe(12);
    expect(byVillage['西花沟村']).toBe(12);
    const published = await q(`select rule_key, period, (published_at at time zone 'Asia/Shanghai')::date::text as on, is_demo from disclosures where status = 'published'`);
    const late = published.filter((d) => d.on > dueDateOf(d.period, 10)!);
    const [totals] = await q(`select count(*)::int as disclosures, count(*) filter (where status = 'published')::int as published,
      count(*) filter (where status in ('draft', 'submitted'))::int as unpublished, (select count(*)::int from disclosure_events) as events from disclosures`);
    console.log('demo disclosures', { ...totals, late: late.length });
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(late.length / published.length).toBeLessThan(0.1);
    expect(published.every((d) => d.is_demo)).toBe(true);
    expect(totals.unpublished).toBeGreaterThanOrEqual(3);
    const tables = await q(`select jsonb_array_length("table"->'rows')::int as n from disclosures where rule_key = 'finance_monthly'`);
    for (const t of tables) { expect(t.n).toBeGreaterThanOrEqual(5); expect(t.n).toBeLessThanOrEqual(10); }
  });

  it("the town's board shows the villages that are behind; 营子村 has nothing late", async () => {
    const res = await admin.get('/api/disclosures/board');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json() as DisclosureBoard;
    expect(board.branches).toHaveLength(18);
    const behind = (village: string) => board.branches.find((b) => b.villageName === village)!;
    for (const village of DEMO_DISCLOSURE_BEHIND) {
      const b = behind(village);
      expect(b.items.some((i) => i.status !== 'done' || i.missed.length > 0), village).toBe(true);
    }
    expect(behind('杨楼村').late).toBeGreaterThan(0);
    expect(behind('营子村').late).toBe(0);
    expect(behind('营子村').items.every((i) => i.status === 'done')).toBe(true);
  });

  it(`the public JSON of 营子村 lists last month's published 财务收支 and not its draft correction`, async () => {
    const [published] = await q(`select id, title from disclosures d where organization_id = $1 and rule_key = 'finance_monthly' and period = $2 and status = 'published'`, [ids['营子村党支部'], lastMonth]);
    const [draft] = await q(`select id, title from disclosures where supersedes_id = $1`, [published.id]);
    expect(draft).toBeDefined();
    expect(YINGZI_CODE).toBe('370402105200');
    const res = await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PublicVillageDisclosures;
    expect(body.village.name).toBe(DEMO_CORRECTED_VILLAGE);
    const listed = body.disclosures.map((d) => d.id);
    expect(listed).toContain(published.id);
    expect(listed).not.toContain(draft.id);
    expect(body.disclosures.find((d) => d.id === published.id)).toMatchObject({ category: 'finance', period: lastMonth, title: published.title, corrected: false });
    expect(body.disclosures.some((d) => d.title.includes('更正'))).toBe(false);
    expect(body.microPower.length).toBe(36);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/villages/${YINGZI_CODE}/disclosures/${draft.id}` })).statusCode).toBe(404);
  });
});

const WIPE = `
  delete from disclosure_events; delete from disclosure_files; delete from disclosures;
  delete from rectification_events; delete from inspection_files; delete from rectifications; delete from inspection_results;
  delete from inspection_round_villages; delete from inspection_rounds;
  delete from four_two_stages; delete from four_two_procedures; delete from micro_power_uses; delete from micro_power_adoptions; delete from micro_power_items;
  delete from duty_shifts; delete from service_center_projects; delete from service_center_photos; delete from service_centers;`;

describe('demo content of the three modules', () => {
  it('has no ID numbers or mobile numbers anywhere (the module PII scan)', async () => {
    const rows = await q(`select title, content, "table" from disclosures`);
    for (const r of rows) {
      const scan = scanDisclosure({ title: r.title, content: r.content, table: r.table, files: [] }, today);
      expect(scan.findings, r.title).toEqual([]);
    }
    const texts = (await q(`
      select name || ' ' || address || ' ' || coalesce(note, '') || ' ' || rooms::text || ' ' || coalesce(opening_hours, '') as t from service_centers
      union all select name || ' ' || coalesce(note, '') from service_center_projects
      union all select person_name || ' ' || coalesce(swapped_with_name, '') || ' ' || coalesce(swap_reason, '') || ' ' || coalesce(presence_note, '') from duty_shifts
      union all select subject || ' ' || steps::text from micro_power_uses
      union all select title from four_two_procedures
      union all select coalesce(note, '') || ' ' || coalesce(vote::text, '') from four_two_stages
      union all select title || ' ' || team::text from inspection_rounds
      union all select coalesce(note, '') from inspection_results
      union all select description || ' ' || owner_name || ' ' || required_evidence from rectifications
      union all select coalesce(note, '') from rectification_events`)).map((r) => r.t as string);
    expect(texts.length).toBeGreaterThan(500);
    const hits = texts.flatMap((t) => findNumbers(t, today).map((h) => `${h.kind}: ${t}`));
    expect(hits).toEqual([]);
  });

  it('is deterministic for the same today and quick (seed time printed)', async () => {
    const fingerprint = async () => (await q(`select md5(concat_ws('#',
      (select string_agg(concat_ws('|', organization_id, name, floor_area, rooms::text, standard, built_on, opening_hours), E'\\n' order by organization_id) from service_centers),
      (select string_agg(concat_ws('|', name, budget_fen, progress, started_on, accepted_on), E'\\n' order by name, budget_fen) from service_center_projects),
      (select string_agg(concat_ws('|', organization_id, on_date, slot, person_name, swapped_with_name, presence, presence_note), E'\\n' order by organization_id, on_date, slot) from duty_shifts),
      (select string_agg(concat_ws('|', a.organization_id, i.name, a.adopted_on), E'\\n' order by a.organization_id, i.name) from micro_power_adoptions a join micro_power_items i on i.id = a.item_id),
      (select string_agg(concat_ws('|', organization_id, subject, started_on, steps::text, publishable), E'\\n' order by organization_id, subject) from micro_power_uses),
      (select string_agg(concat_ws('|', p.organization_id, p.title, p.status, s.stage, s.held_on, s.vote::text, s.passed), E'\\n' order by p.title, s.held_on, s.stage) from four_two_procedures p join four_two_stages s on s.procedure_id = p.id),
      (select string_agg(concat_ws('|', r.title, r.starts_on, r.status, x.organization_id, x.item_key, x.outcome, x.note), E'\\n' order by r.starts_on, x.organization_id, x.item_key) from inspection_rounds r join inspection_results x on x.round_id = r.id),
      (select string_agg(concat_ws('|', organization_id, due_on, status, accepted_on, description), E'\\n' order by organization_id, due_on) from rectifications),
      (select string_agg(concat_ws('|', organization_id, rule_key, period, status, title, content, "table"::text, (published_at at time zone 'Asia/Shanghai')::date, supersedes_id is not null), E'\\n' order by organization_id, rule_key, period, supersedes_id nulls first) from disclosures)
    )) as hash`))[0].hash as string;
    const before = await fingerprint();
    const [{ tenant_id: tenantId }] = await q(`select tenant_id from organizations where name = '营子村党支部'`);
    await ctx.pool.query(WIPE);
    const started = performance.now();
    const counts = await ctx.db.transaction(async (tx) => {
      const town = await loadDemoTown(tx, tenantId);
      return {
        positions: await seedDemoPositions(tx, { tenantId, today, town }),
        inspection: await seedDemoInspection(tx, { tenantId, today, town }),
        disclosure: await seedDemoDisclosure(tx, { tenantId, today, town }),
      };
    });
    const ms = Math.round(performance.now() - started);
    console.log(`demo 阵地/联督联查/三务公开 seed: ${ms} ms`, counts);
    expect(await fingerprint()).toBe(before);
    expect(ms).toBeLessThan(5000);
  });

  // The seed runs on whatever day the platform starts: its own rule checks must pass on month and year ends too.
  it('passes its rule checks on sampled days of a year (each run rolled back)', async () => {
    const [{ tenant_id: tenantId }] = await q(`select tenant_id from organizations where name = '营子村党支部'`);
    const days = ['2027-01-01', '2027-01-09', '2027-01-10', '2027-01-31', '2027-03-01', '2027-03-31', '2027-07-11', '2027-12-31', '2028-02-29'];
    for (const day of days) {
      const rollback = new Error('rollback');
      const outcome = await ctx.db.transaction(async (tx) => {
        await tx.execute(sql.raw(WIPE));
        const town = await loadDemoTown(tx, tenantId);
        await seedDemoPositions(tx, { tenantId, today: day, town });
        const inspection = await seedDemoInspection(tx, { tenantId, today: day, town });
        const disclosure = await seedDemoDisclosure(tx, { tenantId, today: day, town, now: new Date(`${day}T12:00:00+08:00`) });
        expect(inspection.escalated, day).toBe(1);
        expect(disclosure.late, day).toBeGreaterThanOrEqual(4);
        throw rollback;
      }).catch((e: unknown) => e);
      expect(outcome, day).toBe(rollback);
    }
  });
});
