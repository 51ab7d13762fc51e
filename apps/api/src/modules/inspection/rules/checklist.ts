import { INSPECTION_DEPARTMENT_LABELS, REQUIRED_INSPECTION_DEPARTMENTS, type InspectionDepartment, type InspectionItem } from '@dj/contracts';

/**
 * The town's default 联督联查 checklist, as data. Sources: 三务公开 timing and completeness (村民委员会组织法 Art.30:
 * 一般事项每季度至少一次, 财务收支较多的每月一次; domain-rules §2.5), 小微权力清单 (宁海县"村级权力清单36条", each item
 * with a flow chart, posted on the wall), 坐班值班 and 清洁净化 are the town's own work items named in the issue.
 * Items are copied into a round at creation, so a later change of this list never rewrites a past round.
 */
export const DEFAULT_CHECKLIST: readonly InspectionItem[] = [
  {
    key: 'disclosure', label: '三务公开', isDefault: true,
    lookAt: '党务、村务、财务按时公开(一般事项每季度、财务收支较多的每月),公开栏内容完整、有监督小组签字',
  },
  {
    key: 'micro_power', label: '小微权力清单', isDefault: true,
    lookAt: '小微权力清单和流程图上墙;抽查近期事项是否按清单流程运行、留有记录',
  },
  {
    key: 'duty_roster', label: '坐班值班', isDefault: true,
    lookAt: '村干部按排班在岗坐班;值班记录逐日填写、来访事项有登记',
  },
  {
    key: 'cleanliness', label: '清洁净化', isDefault: true,
    lookAt: '党群服务中心等阵地整洁,无杂物堆放,标识规范',
  },
];

/** The checklist of a new round: the defaults, then the town's additions keyed town_1, town_2 … in the order given. */
export function roundItems(extra: ReadonlyArray<{ label: string; lookAt?: string }>): { items: InspectionItem[]; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  const items: InspectionItem[] = DEFAULT_CHECKLIST.map((i) => ({ ...i }));
  extra.forEach((e, n) => {
    const label = e.label.trim();
    if (items.some((i) => i.label === label)) problems.push({ path: `extraItems.${n}.label`, message: `检查事项“${label}”重复` });
    else items.push({ key: `town_${n + 1}`, label, lookAt: e.lookAt?.trim() ?? '', isDefault: false });
  });
  return { items, problems };
}

/**
 * A joint round needs at least one member from each of 纪委, 组织办 and 民政办 (the issue: "a team from 纪委, 组织办
 * and 民政办"); others may join as 'other'. Names must not repeat.
 */
export function teamProblems(team: ReadonlyArray<{ name: string; department: InspectionDepartment }>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!team.length) return [{ path: 'team', message: '请填写检查组成员(纪委、组织办、民政办各至少一人)' }];
  const missing = REQUIRED_INSPECTION_DEPARTMENTS.filter((d) => !team.some((m) => m.department === d));
  if (missing.length) {
    problems.push({ path: 'team', message: `联督联查检查组须有纪委、组织办、民政办人员,缺少:${missing.map((d) => INSPECTION_DEPARTMENT_LABELS[d]).join('、')}` });
  }
  const seen = new Set<string>();
  team.forEach((m, n) => {
    if (seen.has(m.name)) problems.push({ path: `team.${n}.name`, message: `检查组成员“${m.name}”重复` });
    seen.add(m.name);
  });
  return problems;
}
