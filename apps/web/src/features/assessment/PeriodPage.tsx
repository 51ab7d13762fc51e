import { lazy, Suspense } from 'react';
import { Descriptions, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ASSESSMENT_AUDIENCE_LABELS, type AssessmentPeriodDetail, type Role } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { formatDate } from '../../lib/dates';
import { formatDateTime, formatDayOf } from '../../lib/format';
import { useMe } from '../../lib/session';
import { BandDistribution } from './BandDistribution';
import { ObjectionsPanel } from './ObjectionsPanel';
import { PeriodActions } from './PeriodActions';
import { periodLabel, statusTag } from './period-labels';
import { usePeriod } from './periods-api';
import { ScoringDesk } from './ScoringDesk';
import { SubjectResults } from './SubjectResults';
import { PageTitle } from '../../components/PageTitle';

function PeriodFacts({ detail }: { detail: AssessmentPeriodDetail }) {
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
      { key: 'audience', label: '考核对象', children: ASSESSMENT_AUDIENCE_LABELS[detail.audience] },
      { key: 'version', label: '方案版本', children: `第${detail.version}版` },
      { key: 'opened', label: '开启', children: formatDayOf(detail.openedAt) },
      ...(detail.publishedAt ? [{ key: 'published', label: '公示', children: formatDayOf(detail.publishedAt) }] : []),
      ...(detail.objectionUntil ? [{ key: 'until', label: '异议期至', children: formatDate(detail.objectionUntil) }] : []),
      ...(detail.approvedAt ? [{ key: 'approved', label: '审批', children: `${detail.approvedBy ?? ''} ${formatDateTime(detail.approvedAt)}` }] : []),
      ...(detail.approvalNote ? [{ key: 'note', label: '审批意见', children: detail.approvalNote }] : []),
    ]} />
  );
}

/** 报酬 (PeriodPayPanel, its own chunk): loaded when the tab is first opened, not with the period. */
const PeriodPayPanel = lazy(() => import('./PeriodPayPanel').then((m) => ({ default: m.PeriodPayPanel })));

/**
 * Pay is monthly (a quarter's or a year's period has none), for the town, a village's secretary (their village) and the
 * 镇机关 staff in their own period; a 包村干部 scoring villages has no pay there. The server decides again.
 */
function showsPay(detail: AssessmentPeriodDetail, roles: readonly Role[]): boolean {
  if (detail.periodKind !== 'month') return false;
  return detail.can.manage || detail.audience === 'town_staff' || roles.includes('branch_secretary');
}

/** The tabs the caller has a part in: the results for all, the scoring desk for a scorer, objections for the town, pay for those paid. */
function tabsOf(detail: AssessmentPeriodDetail, roles: readonly Role[]) {
  const scoring = detail.can.score && detail.status === 'scoring';
  const open = detail.subjects.reduce((n, s) => n + s.objections.filter((o) => !o.ruling).length, 0);
  const tabs = [
    {
      key: 'results', label: detail.can.manage || detail.subjects.length > 1 ? '得分与等次' : '本期得分',
      children: (
        <Flex vertical gap={12}>
          {detail.subjects.length > 1 && <BandDistribution detail={detail} />}
          <SubjectResults detail={detail} />
        </Flex>
      ),
    },
    ...(scoring ? [{ key: 'score', label: '评分', children: <ScoringDesk detail={detail} /> }] : []),
    ...(detail.can.manage ? [{ key: 'objections', label: `异议${open ? `(${open}条待裁定)` : ''}`, children: <ObjectionsPanel detail={detail} /> }] : []),
    ...(showsPay(detail, roles) ? [{ key: 'pay', label: '报酬', children: <Suspense fallback={<Skeleton active />}><PeriodPayPanel periodId={detail.id} /></Suspense> }] : []),
  ];
  return { tabs, first: scoring ? 'score' : 'results' };
}

/** 考核期: one period's draft or result, the scoring desk, objections and rulings, approval and adjustments. */
export function PeriodPage() {
  const id = Number(useParams().id);
  const period = usePeriod(Number.isInteger(id) ? id : 0);
  const { data: me } = useMe();
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="考核期不存在" />;
  if (period.isPending) return <Skeleton active />;
  if (period.error) return <LoadError title="考核期加载失败" error={period.error} onRetry={() => period.refetch()} />;
  const detail = period.data;
  const tag = statusTag(detail.status);
  const { tabs, first } = tabsOf(detail, me?.user.roles ?? []);
  return (
    <Flex vertical gap={12} data-testid="period-page">
      <Link to="/assessment/periods">← 考核期</Link>
      <Flex gap={8} wrap align="center">
        <PageTitle>{detail.schemeName} · {periodLabel(detail.period)}</PageTitle>
        <Tag color={tag.color} data-testid="period-status">{tag.label}</Tag>
      </Flex>
      <PeriodFacts detail={detail} />
      <PeriodActions detail={detail} />
      {detail.measuresAsOf && (
        <Typography.Text type="secondary">计量指标按截至 {formatDate(detail.measuresAsOf)} 的平台记录实时计算并计入草稿得分,公示时冻结。</Typography.Text>
      )}
      {detail.can.object && (
        <Typography.Text type="warning">异议期至 {formatDate(detail.objectionUntil)} 止:对某项得分有异议,请在该项后点“提出异议”并写明理由。</Typography.Text>
      )}
      <Tabs defaultActiveKey={first} items={tabs} />
    </Flex>
  );
}
