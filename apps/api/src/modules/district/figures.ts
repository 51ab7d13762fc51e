/**
 * The district's side-by-side table (issue 17 point 5): pure. Each row is one figure of the town 驾驶舱, its value in
 * every town (the towns' order, which is the division code's) and the district's sum. Nothing here orders towns.
 */
import {
  DISTRICT_COMPLIANCE_GROUP, DISTRICT_COMPLIANCE_LABELS, type DashboardMatrix, type DashboardTown, type DistrictFigureRow,
} from '@dj/contracts';

/** What the table reads of a town's 驾驶舱 (a stored snapshot carries only these). */
export interface TownFigures { matrix: Pick<DashboardMatrix, 'totals'>; tiles: DashboardTown['tiles'] }

interface Figure { group: string; groupTitle: string; label: string; value: number }

/** A town's figures in the 驾驶舱's order: the month's 组织生活 totals, then each tile's figures. */
function figuresOf(d: TownFigures): Figure[] {
  const { key, title } = DISTRICT_COMPLIANCE_GROUP;
  const compliance = (Object.keys(DISTRICT_COMPLIANCE_LABELS) as (keyof typeof DISTRICT_COMPLIANCE_LABELS)[])
    .map((k) => ({ group: key, groupTitle: title, label: DISTRICT_COMPLIANCE_LABELS[k], value: d.matrix.totals[k] }));
  const tiles = d.tiles.flatMap((t) => t.figures.map((f) => ({ group: t.key, groupTitle: t.title, label: f.label, value: f.value })));
  return [...compliance, ...tiles];
}

/**
 * The rows for towns given in order. A figure one town has and another lacks (an 等次 no village of that town holds) is
 * 0 there; rows keep the order in which the towns' 驾驶舱 first name them.
 */
export function sideBySide(dashboards: TownFigures[]): DistrictFigureRow[] {
  const rows = new Map<string, DistrictFigureRow>();
  dashboards.forEach((d, i) => {
    for (const f of figuresOf(d)) {
      const id = `${f.group}\u0000${f.label}`;
      const row = rows.get(id) ?? { group: f.group, groupTitle: f.groupTitle, label: f.label, values: dashboards.map(() => 0), total: 0 };
      row.values[i] += f.value;
      row.total += f.value;
      rows.set(id, row);
    }
  });
  return [...rows.values()];
}
