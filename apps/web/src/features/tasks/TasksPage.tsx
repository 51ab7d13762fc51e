import { useMemo, useState, type ReactNode } from 'react';
import { LoadError } from '../../components/LoadError';
import { Badge, Button, Card, Empty, Flex, Pagination, Result, Skeleton, Tag, TreeSelect, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useMe } from '../../lib/session';
import { canSeeTasks } from '../../lib/roles';
import { filterOrgOptions } from '../../lib/org-options';
import { TASK_PAGE_SIZE, useTasks, type Task, type TaskKind } from './api';
import { useOrganizationTreeData } from '../../lib/organizations';
import { PageTitle, SectionTitle } from '../../components/PageTitle';

/** Fixed order: the members (transfer, out of touch, letter, 转正), 发展党员, then the branch's 三务公开 and 整改; late before due. */
export const TASK_KINDS: readonly TaskKind[] = [
  'TRANSFER_DUE', 'UNREACHABLE', 'RECEIPT_OVERDUE', 'CONFIRMATION_LATE', 'CONFIRMATION_DUE', 'RECRUITMENT_LATE', 'RECRUITMENT_DUE',
  'DISCLOSURE_LATE', 'DISCLOSURE_DUE', 'RECTIFICATION_LATE', 'RECTIFICATION_DUE', 'ASSIGNMENT_ENDING', 'SERVICE_TEAM_ENDING', 'AWAY_CONTACT_DUE',
  'RESERVE_EVALUATION_DUE', 'RESERVES_BELOW_TARGET', 'PARTNERSHIP_ENDING', 'STUDY_HOURS_DUE', 'SECRETARY_TRAINING_DUE', 'TRIP_ACTION_DUE',
  'MATTER_LATE', 'MATTER_DUE', 'HOUSEHOLD_VISIT_DUE',
];
export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  TRANSFER_DUE: '应转接组织关系',
  UNREACHABLE: '失联提醒',
  RECEIPT_OVERDUE: '介绍信回执逾期',
  CONFIRMATION_LATE: '预备期已满未讨论转正',
  CONFIRMATION_DUE: '预备期将满',
  RECRUITMENT_LATE: '发展党员逾期',
  RECRUITMENT_DUE: '发展党员将到期',
  DISCLOSURE_LATE: '三务公开逾期',
  DISCLOSURE_DUE: '三务公开将到期',
  RECTIFICATION_LATE: '整改逾期(已上报镇党委)',
  RECTIFICATION_DUE: '整改将到期',
  ASSIGNMENT_ENDING: '选派干部期满',
  SERVICE_TEAM_ENDING: '服务队期满',
  AWAY_CONTACT_DUE: '在外人才应联系',
  RESERVE_EVALUATION_DUE: '后备人才考评到期',
  RESERVES_BELOW_TARGET: '后备人才低于储备目标',
  PARTNERSHIP_ENDING: '村企合作到期',
  STUDY_HOURS_DUE: '学时未完成',
  SECRETARY_TRAINING_DUE: '新任书记任职培训',
  TRIP_ACTION_DUE: '对标学习跟进事项',
  MATTER_LATE: '村民说事逾期(已上报镇党委)',
  MATTER_DUE: '村民说事将到期',
  HOUSEHOLD_VISIT_DUE: '联户超期未走访',
};
const TASK_KIND_HINTS: Record<TaskKind, string> = {
  TRANSFER_DUE: '外出6个月以上且地点相对固定的流动党员,应当转接组织关系。',
  UNREACHABLE: '长期未能取得联系的流动党员,请党支部设法查找;是否停止党籍由党组织研究决定,系统不会自动处理。',
  RECEIPT_OVERDUE: '超过有效期仍未收到回执的组织关系介绍信,请与接收党组织核实。',
  CONFIRMATION_LATE: '预备期已经届满仍未讨论转正的预备党员,请尽快提交支部大会讨论:按期转正、延长预备期或取消预备党员资格。',
  CONFIRMATION_DUE: '30天内预备期届满的预备党员,应及时提交支部大会讨论转正。',
  RECRUITMENT_LATE: '发展党员程序中已过期限的事项:谈话、考察、公示结果,或上级党委审批超过三个月(须写明特殊情况)。',
  RECRUITMENT_DUE: '发展党员程序中即将到期的事项,请按期办理并记录。',
  DISCLOSURE_LATE: '已过公开期限仍未公开的党务、村务、财务事项,请尽快提出、审核、审批并公开。',
  DISCLOSURE_DUE: '即将到期的党务、村务、财务公开事项,请按期公开。',
  RECTIFICATION_LATE: '联督联查发现的问题已过整改期限仍未验收,已上报镇党委。',
  RECTIFICATION_DUE: '联督联查发现的问题即将到整改期限,请提交整改材料。',
  ASSIGNMENT_ENDING: '选派的村党支部书记、第一书记即将期满(提前天数见系统设置)或已期满,请研究续任、轮换或召回,并在村干部页登记。',
  SERVICE_TEAM_ENDING: '乡村振兴服务队队员服务期即将届满(提前天数见系统设置)或已届满,请研究续派或轮换,并在全镇村干部页登记离队。',
  AWAY_CONTACT_DUE: '在外人才按本镇设置(默认每6个月)至少联系一次:自上次联系起算,到期或已逾期的列在这里,联系后在“在外人才”中登记。',
  RESERVE_EVALUATION_DUE: '自列入或上次考评起已满本镇设置的考评间隔(或即将满)的后备人才,请登记本期考评。',
  RESERVES_BELOW_TARGET: '在培养的后备人才人数低于本镇“每村后备人才储备目标”的村,请指导该村物色、列入后备人才。没有截止日期,不排名。',
  PARTNERSHIP_ENDING: '履行中的村企合作协议即将到期(提前天数见系统设置)或已过到期日期:已续签的在“集体经济—村企合作”登记新的到期日期,未续签的改为已到期或已终止。',
  STUDY_HOURS_DUE: '年底前(天数见系统设置)本年度学时未达到要求的党员;年度结束后仍未完成的列为已逾期。学时是学习记录,不排名、不计分。',
  SECRETARY_TRAINING_DUE: '新任党支部书记应在本镇规定的期限内参加集中轮训(任职培训),期限见系统设置。',
  TRIP_ACTION_DUE: '对标学习后确定由您负责的跟进事项:到期未完成的标为已逾期;完成后在“对标学习”中登记完成日期,即从待办中移除。',
  MATTER_LATE: '村民说事议定的办结期限已过仍未办结,已上报镇党委;办结后在“村民说事”中登记结果。',
  MATTER_DUE: '村民说事即将到办结期限,请按议定意见办理并登记进展。',
  HOUSEHOLD_VISIT_DUE: '党员联户:联系党员超过本镇设置的天数(默认90天)未走访的农户,按联系党员列出;上门、电话、微信、田间地头均可,登记走访后移出。只提醒期限,不打分、不排名。',
};

/** A long group shows its first items and opens the rest on request, so the other groups stay in reach on a phone. */
export const COLLAPSED_ITEMS = 5;

export interface TaskGroup {
  kind: TaskKind;
  items: Task[];
}

/** Groups in the fixed order, empty groups left out; items keep the server's order (deadlines, not scores). */
export function groupTasks(items: readonly Task[]): TaskGroup[] {
  return TASK_KINDS.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter(
    (group) => group.items.length > 0,
  );
}

export interface TaskSection {
  key: 'overdue' | 'due';
  title: string;
  groups: TaskGroup[];
}

/** The whole list's figures beside the page: the sections' headings count every item, not only this page's. */
export interface TaskTotals {
  total: number;
  overdue: number;
}

const byDueOn = (a: Task, b: Task) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31');

/**
 * 已逾期 apart from 即将到期 (issue 13 point 3), so a late item never hides among the ones only coming due; in each,
 * the fixed groups, and inside a group the items by date (the longest waiting, or the nearest, first). Empty parts
 * are left out.
 */
export function sectionTasks(items: readonly Task[]): TaskSection[] {
  const sorted = [...items].sort(byDueOn); // stable: same-day items keep the server's order
  const sections: TaskSection[] = [
    { key: 'overdue', title: '已逾期', groups: groupTasks(sorted.filter((t) => t.overdue)) },
    { key: 'due', title: '即将到期', groups: groupTasks(sorted.filter((t) => !t.overdue)) },
  ];
  return sections.filter((s) => s.groups.length > 0);
}

function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/** A section's count over the whole list (the server's figures), or over the items shown when there are none. */
function sectionCount(section: TaskSection, totals: TaskTotals | undefined): number {
  if (!totals) return section.groups.reduce((n, g) => n + g.items.length, 0);
  return section.key === 'overdue' ? totals.overdue : totals.total - totals.overdue;
}

/** 各类数量: every kind that has items, over the whole scope; a kind narrows the list to it, again shows all. */
function KindCounts({ counts, kind, onKind }: { counts: Record<TaskKind, number>; kind: TaskKind | undefined; onKind: (kind: TaskKind | undefined) => void }) {
  const present = TASK_KINDS.filter((k) => counts[k] > 0);
  if (present.length === 0) return null;
  const all = present.reduce((n, k) => n + counts[k], 0);
  return (
    <Flex gap={4} wrap data-testid="task-counts" aria-label="各类待办数量">
      <Tag.CheckableTag checked={!kind} onChange={() => onKind(undefined)}>全部 {all}</Tag.CheckableTag>
      {present.map((k) => (
        <Tag.CheckableTag key={k} checked={kind === k} onChange={(on) => onKind(on ? k : undefined)} data-testid={`task-count-${k}`}>
          {TASK_KIND_LABELS[k]} {counts[k]}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}

function TaskItem({ task }: { task: Task }) {
  return (
    <div className="task-item" data-testid="task-item">
      <Flex gap={8} wrap align="baseline">
        <Link to={task.link} className="task-member">
          {task.memberName}
        </Link>
        <Typography.Text type="secondary">{task.organizationName}</Typography.Text>
      </Flex>
      <div className="task-message">{task.message}</div>
      {task.dueOn && (
        <Typography.Text type={task.overdue ? 'danger' : 'secondary'} className="task-due">
          {task.overdue ? `期限 ${task.dueOn}(已逾期)` : `期限 ${task.dueOn}`}
        </Typography.Text>
      )}
      {task.rule && (
        <Typography.Text type="secondary" className="task-rule">
          依据:{task.rule}
        </Typography.Text>
      )}
    </div>
  );
}

function TaskGroupCard({ group, expanded, onToggle }: { group: TaskGroup; expanded: boolean; onToggle: () => void }) {
  return (
    <Card
      size="small"
      data-testid={`task-group-${group.kind}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{TASK_KIND_LABELS[group.kind]}</span>
          <Badge count={group.items.length} color="#C8161D" aria-label={`${group.items.length}项`} />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="task-hint">
        {TASK_KIND_HINTS[group.kind]}
      </Typography.Paragraph>
      <div className="task-items">
        {(expanded ? group.items : group.items.slice(0, COLLAPSED_ITEMS)).map((task, index) => (
          <TaskItem key={`${task.memberId}-${index}`} task={task} />
        ))}
      </div>
      {group.items.length > COLLAPSED_ITEMS && (
        <Button
          type="link"
          className="inline-link-button"
          onClick={onToggle}
        >
          {expanded ? '收起' : `展开全部${group.items.length}项`}
        </Button>
      )}
    </Card>
  );
}

export function TasksPage() {
  const { data: me } = useMe();
  const allowed = canSeeTasks(me);
  const [searchParams, setSearchParams] = useSearchParams();
  const orgId = parseOrgId(searchParams.get('orgId'));
  const orgs = useOrganizationTreeData(allowed);
  const orgOptions = useMemo(() => filterOrgOptions(orgs.data ?? []), [orgs.data]);
  const [kind, setKind] = useState<TaskKind | undefined>();
  const [page, setPage] = useState(1);
  const tasks = useTasks(orgId, kind, page, allowed);
  const [expanded, setExpanded] = useState<ReadonlySet<TaskKind>>(new Set());

  if (!allowed) {
    return <Result status="403" title="没有权限查看" subTitle="待办事项供党组织书记和工作人员使用。" />;
  }

  const sections = sectionTasks(tasks.data?.items ?? []);
  const totals = tasks.data && { total: tasks.data.total, overdue: tasks.data.overdue };
  let body: ReactNode;
  if (tasks.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (tasks.isError) {
    body = (
      <LoadError title="待办事项加载失败" error={tasks.error} onRetry={() => tasks.refetch()} />
    );
  } else if (sections.length === 0) {
    body = (
      <Card size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办,各项工作均在期限内" />
      </Card>
    );
  } else {
    body = sections.map((section) => (
      <Flex key={section.key} vertical gap={8} data-testid={`task-section-${section.key}`}>
        <SectionTitle style={{ margin: 0 }} type={section.key === 'overdue' ? 'danger' : undefined}>
          {section.title}({sectionCount(section, totals)}项)
        </SectionTitle>
        {section.groups.map((group) => (
          <TaskGroupCard key={group.kind} group={group} expanded={expanded.has(group.kind)} onToggle={() => setExpanded((old) => toggled(old, group.kind))} />
        ))}
      </Flex>
    ));
  }

  return (
    <Flex vertical gap={12} className="tasks-page">
      <div>
        <PageTitle>
          待办事项
        </PageTitle>
        <Typography.Text type="secondary">按期限提醒需要办理的事项,由记录自动得出,不作评比排名。</Typography.Text>
      </div>
      <Card size="small">
        <TreeSelect<number>
          aria-label="组织"
          className="page-org-select"
          treeData={orgOptions}
          value={orgId}
          onChange={(value) => {
            setPage(1);
            setSearchParams(value ? { orgId: String(value) } : {});
          }}
          allowClear
          placeholder="全部管辖范围"
          loading={orgs.isPending}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          notFoundContent="没有可选的组织"
        />
      </Card>
      {tasks.data && (
        <KindCounts counts={tasks.data.counts} kind={kind} onKind={(k) => { setKind(k); setPage(1); }} />
      )}
      <Flex vertical gap={12} data-testid="task-list" aria-busy={tasks.isFetching}>
        {body}
      </Flex>
      {tasks.data && tasks.data.total > TASK_PAGE_SIZE && (
        <Pagination
          size="small"
          showSizeChanger={false}
          current={page}
          pageSize={TASK_PAGE_SIZE}
          total={tasks.data.total}
          onChange={(next) => setPage(next)}
          style={{ textAlign: 'center' }}
        />
      )}
    </Flex>
  );
}
