/**
 * 党内统计 (issue 17 point 3): the yearly tables of the roster as of a day, per branch and for the whole of the caller's
 * scope (or of one organisation in it), and the members behind a cell. The counts are the database's (repository.ts);
 * this file lays them out as tables. A cell's members are a full read of personal data and audited as such.
 */
import {
  RECRUIT_DIMENSIONS, STAT_DIMENSIONS, STAT_FLOW_COLUMNS, STAT_FLOW_LABELS, STAT_MOBILE_COLUMNS, STAT_ORG_COLUMNS, STAT_ORG_ROWS,
  STAT_TOTAL_ROW, addDays, defaultStatisticsDay, todayInShanghai,
  type PartyStatistics, type StatTable, type StatisticsMembers, type StatisticsMembersQuery, type StatisticsQuery,
} from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { audit, loadOrganizationInScope, optionalOrganizationInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import * as repo from './repository.js';
import type { Period } from './facts.js';

type Column = { key: string; label: string };
interface Layout { key: string; title: string; group: StatTable['group']; columns: Column[]; summed: boolean }

/** Every member table in report order: 党员 by dimension, 发展党员 by dimension, the flows, 流动党员. */
const LAYOUTS: Layout[] = [
  ...Object.entries(STAT_DIMENSIONS).map(([d, t]) => ({ key: `member_${d}`, title: `党员按${t.title}`, group: 'members' as const, columns: [...t.columns], summed: true })),
  ...RECRUIT_DIMENSIONS.map((d) => ({ key: `recruit_${d}`, title: `本年发展党员按${STAT_DIMENSIONS[d].title}`, group: 'recruits' as const, columns: [...STAT_DIMENSIONS[d].columns], summed: true })),
  { key: 'flows', title: '党员增减', group: 'flows', columns: STAT_FLOW_COLUMNS.map((key) => ({ key, label: STAT_FLOW_LABELS[key] })), summed: false },
  { key: 'mobile', title: '流动党员', group: 'mobile', columns: STAT_MOBILE_COLUMNS, summed: true },
];

interface Scoped { user: AuthUser; period: Period; where: repo.Where; unitName: string }

/** The day asked for (default 31 December of last year), not after today; the period runs from 1 January of its year. */
async function scoped(db: DbOrTx, user: AuthUser, query: StatisticsQuery): Promise<Scoped> {
  const org = await optionalOrganizationInScope(db, user, query.orgId);
  requirePermission(user, 'statistics.read', undefined, org?.path);
  const today = todayInShanghai();
  const end = query.asOf ?? defaultStatisticsDay(today);
  if (end > today) throw invalid('asOf', `统计日期不能晚于今天(${today})`);
  const period = { tenantId: user.tenantId, start: addDays(`${end.slice(0, 4)}-01-01`, -1), end };
  const unitName = org?.name ?? (user.scopeRoots.map((r) => r.name).join('、') || user.tenantName);
  return { user, period, where: { scope: user.scope, under: org?.path ?? null }, unitName };
}

function memberTable(layout: Layout, counts: repo.CountRow[], units: { id: number; name: string }[]): StatTable {
  const mine = counts.filter((c) => c.tbl === layout.key);
  const cellsOf = (branchId: number | null) => layout.columns.map((c) => mine.find((m) => m.col === c.key && m.branchId === branchId)?.n ?? 0);
  const row = (key: string, label: string, cells: number[]) => ({ key, label, cells, total: layout.summed ? cells.reduce((a, b) => a + b, 0) : null });
  return {
    key: layout.key, title: layout.title, group: layout.group, drillable: true, columns: layout.columns,
    rows: [...units.map((u) => row(String(u.id), u.name, cellsOf(u.id))), row(STAT_TOTAL_ROW, '合计', cellsOf(null))],
  };
}

function organizationTable(counts: { kind: string; sector: string; n: number }[]): StatTable {
  const rows = STAT_ORG_ROWS.map((r) => {
    const cells = STAT_ORG_COLUMNS.map((c) => counts.find((n) => n.kind === r.key && n.sector === c.key)?.n ?? 0);
    return { key: r.key, label: r.label, cells, total: cells.reduce((a, b) => a + b, 0) };
  });
  return { key: 'organizations', title: '基层党组织按类别和领域', group: 'organizations', drillable: false, columns: STAT_ORG_COLUMNS, rows };
}

/** All tables for the caller's scope (or one organisation in it) as of the day. */
export async function partyStatistics(db: DbOrTx, user: AuthUser, query: StatisticsQuery): Promise<PartyStatistics> {
  const s = await scoped(db, user, query);
  const counts = await repo.countFacts(db, s.period, s.where);
  const withCounts = [...new Set(counts.flatMap((c) => (c.branchId === null ? [] : [c.branchId])))];
  const units = await repo.units(db, s.where, s.period.end, withCounts);
  const orgs = await repo.countOrganizations(db, s.where, s.period.end);
  return {
    asOf: s.period.end, periodStart: `${s.period.end.slice(0, 4)}-01-01`, unitName: s.unitName,
    tables: [...LAYOUTS.map((l) => memberTable(l, counts, units)), organizationTable(orgs)],
  };
}

/** The members behind one cell, a page at a time: names and branches only; audited as a read of personal data. */
export async function cellMembers(db: DbOrTx, caller: Caller, query: StatisticsMembersQuery): Promise<StatisticsMembers> {
  const branchId = query.row === STAT_TOTAL_ROW ? null : Number(query.row);
  // A branch outside the scope is a 404 before anything else, as everywhere (the matrix probes it for every role).
  const branch = branchId === null ? null : await loadOrganizationInScope(db, caller.user, branchId);
  const s = await scoped(db, caller.user, query);
  if (branch && s.where.under && !branch.path.startsWith(s.where.under)) throw notFound('组织');
  const layout = LAYOUTS.find((l) => l.key === query.table);
  if (!layout) throw invalid('table', '该统计表没有人员名单');
  if (!layout.columns.some((c) => c.key === query.column)) throw invalid('column', '统计表没有这一列');
  const rows = await repo.cellMembers(db, s.period, s.where, { tbl: query.table, col: query.column, branchId },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const total = rows[0]?.total ?? 0;
  await audit(db, caller, {
    action: 'statistics.members.read', objectType: 'organization', objectId: branchId,
    detail: { asOf: s.period.end, table: query.table, column: query.column, page: query.page, count: rows.length },
  });
  return { items: rows.map(({ total: _t, ...r }) => r), total, page: query.page, pageSize: query.pageSize };
}
