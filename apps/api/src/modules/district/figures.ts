/**
 * The district's side-by-side table (issue 17 point 5): pure. Each row is one figure of the town 驾驶舱, its value in
 * every town (the towns' order, which is the division code's) and the district's sum. Nothing here orders towns.
 */
import { DISTRICT_COMPLIANCE_GROUP, DISTRICT_COMPLIANCE_LABELS, type DistrictFigureRow } from '@dj/contracts';
import type { HeldFigure } from './repository.js';

type ComplianceKey = keyof typeof DISTRICT_COMPLIANCE_LABELS;
const COMPLIANCE_KEYS = Object.keys(DISTRICT_COMPLIANCE_LABELS) as ComplianceKey[];

/** Lexicographic order of where figures are first named (town's place, tile, figure). */
function byFirst(a: HeldFigure, b: HeldFigure): number {
  for (let i = 0; i < a.first.length; i++) if (a.first[i] !== b.first[i]) return a.first[i] - b.first[i];
  return 0;
}

function rowOf(place: Map<number, number>, f: HeldFigure, group: string, groupTitle: string, label: string): DistrictFigureRow {
  const values = new Array<number>(place.size).fill(0);
  f.towns.forEach((t, k) => { values[place.get(t)!] += f.values[k]; });
  return { group, groupTitle, label, values, total: values.reduce((n, v) => n + v, 0) };
}

/**
 * The rows for towns given in order, from the figures the database gathered: the month's 组织生活 totals in their fixed
 * order, then each tile's figures in the order the towns' 驾驶舱 first name them. A figure one town has and another
 * lacks (an 等次 no village of that town holds) is 0 there.
 */
export function sideBySide(towns: number[], held: HeldFigure[]): DistrictFigureRow[] {
  const compliance = new Map(held.filter((f) => f.group === 'compliance').map((f) => [f.label, f]));
  const none: HeldFigure = { group: '', groupTitle: '', label: '', first: [], towns: [], values: [] };
  const { key, title } = DISTRICT_COMPLIANCE_GROUP;
  // Each town's column, found once for every row.
  const place = new Map(towns.map((t, i) => [t, i]));
  return [
    ...COMPLIANCE_KEYS.map((k) => rowOf(place, compliance.get(k) ?? none, key, title, DISTRICT_COMPLIANCE_LABELS[k])),
    ...held.filter((f) => f.group !== 'compliance').sort(byFirst).map((f) => rowOf(place, f, f.group, f.groupTitle, f.label)),
  ];
}
