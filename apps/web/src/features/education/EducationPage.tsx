/**
 * 教育培训 (issue 19 points 1–2): the sessions of the caller's scope (filters by year and kind; readable on a 390 px
 * phone as a list of cards), and a branch's 学时 against the targets as a distribution — people in roster order, never
 * ranked, no score.
 */
import { Alert, Button, Card, Empty, List, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { STUDY_STATUS_LABELS, TARGET_GROUP_LABELS, TRAINING_KINDS, TRAINING_KIND_LABELS, todayInShanghai, type BranchHours, type TrainingKind } from '@dj/contracts';
import { isTownAdmin } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useBranchHours, useSessions } from './api';
import { DocumentDownload } from './DocumentDownload';
import { OnlineStudyActions } from './OnlineStudy';
import { STATUS_COLOURS } from './HoursSummary';
import { periodText } from './SessionViews';
import { PageTitle } from '../../components/PageTitle';
import { ListItemMeta } from '../../components/ListItemMeta';

const thisYear = Number(todayInShanghai().slice(0, 4));
const YEARS = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }));

function SessionsTab({ year, orgId }: { year: number; orgId?: number }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const kind = (params.get('kind') ?? undefined) as TrainingKind | undefined;
  const { data, isLoading, error } = useSessions({ year, kind, orgId });
  const { data: me } = useMe();
  const setKind = (k?: string) => { const next = new URLSearchParams(params); if (k) next.set('kind', k); else next.delete('kind'); setParams(next); };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select allowClear placeholder="全部类别" style={{ minWidth: 200 }} value={kind} onChange={setKind} aria-label="培训类别"
          options={TRAINING_KINDS.map((k) => ({ value: k, label: TRAINING_KIND_LABELS[k] }))} />
        {data?.canRecord && <Button type="primary" onClick={() => void navigate('/education/sessions/new')}>登记培训</Button>}
        {/* The town's ledger covers every branch, whatever the list is filtered to. */}
        {isTownAdmin(me?.user.roles ?? []) && <DocumentDownload label={`${year}年度全镇培训台账`} path="/api/education/ledger." name={`${year}年度培训台账`} query={{ year }} />}
      </Space>
      {error && <Alert type="error" message={(error as Error).message} />}
      {isLoading ? <Spin tip="加载中" /> : (
        <List locale={{ emptyText: <Empty description={`${year}年没有培训记录`} /> }} dataSource={data?.items ?? []} renderItem={(s) => (
          <List.Item key={s.id}>
            <ListItemMeta title={<Space wrap><Link to={`/education/sessions/${s.id}`}>{s.title}</Link><Tag>{TRAINING_KIND_LABELS[s.kind]}</Tag>{s.activityId && <Tag color="gold">来自党课</Tag>}{s.isDemo && <Tag>演示数据</Tag>}</Space>}
              description={`${periodText(s)} · ${s.hours}学时 · ${s.organizationName}${s.venue ? ` · ${s.venue}` : ''} · 出席${s.present}/${s.attendees}人`} />
          </List.Item>
        )} />
      )}
    </Space>
  );
}

function Distribution({ data }: { data: BranchHours }) {
  return (
    <Card size="small" title={`${data.organizationName} ${data.year}年度学时分布`}>
      <Space wrap>
        {(['done', 'due', 'late'] as const).map((s) => <Tag key={s} color={STATUS_COLOURS[s]}>{STUDY_STATUS_LABELS[s]} {data.distribution[s]}人</Tag>)}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {data.distribution.bands.map((b) => `${b.label}${b.count}人`).join(' · ')}。要求:党员{data.targets.member}学时,书记和班子成员{data.targets.leader}学时({data.targets.source})
      </Typography.Paragraph>
    </Card>
  );
}

function HoursTab({ year, orgId }: { year: number; orgId?: number }) {
  const { data, isLoading, error } = useBranchHours(orgId, year);
  const canRecord = useSessions({ year, orgId }).data?.canRecord ?? false;
  if (!orgId) return <Empty description="请从党组织进入,或在地址中选择支部(orgId)查看学时" />;
  if (isLoading) return <Spin tip="加载中" />;
  if (error || !data) return <Alert type="error" message={(error as Error | null)?.message ?? '加载失败'} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <DocumentDownload label={`${data.year}年度培训台账`} path="/api/education/ledger." name={`${data.organizationName}${data.year}年度培训台账`} query={{ orgId, year: data.year }} />
      </Space>
      <Distribution data={data} />
      {canRecord && <OnlineStudyActions orgId={orgId} />}
      {/* Roster order, as the API gives it: no column sorts by hours. */}
      <Table rowKey="memberId" size="small" pagination={false} scroll={{ x: 360 }} dataSource={data.people} locale={{ emptyText: '本支部没有在册党员' }} columns={[
        { title: '姓名', render: (_: unknown, p: BranchHours['people'][number]) => <Link to={`/education/people/${p.personId}?year=${data.year}&orgId=${data.organizationId}`}>{p.name}</Link> },
        { title: '类别', dataIndex: 'group', render: (g: BranchHours['people'][number]['group']) => TARGET_GROUP_LABELS[g] },
        { title: '学时', render: (_: unknown, p: BranchHours['people'][number]) => `${p.total}/${p.target}` },
        { title: '状态', dataIndex: 'status', render: (s: BranchHours['people'][number]['status']) => <Tag color={STATUS_COLOURS[s]}>{STUDY_STATUS_LABELS[s]}</Tag> },
      ]} />
    </Space>
  );
}

export function EducationPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear);
  const orgId = params.get('orgId') ? Number(params.get('orgId')) : undefined;
  const set = (key: string, value: string) => { const next = new URLSearchParams(params); next.set(key, value); setParams(next); };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <PageTitle>教育培训</PageTitle>
        <Select value={year} options={YEARS} onChange={(y) => set('year', String(y))} aria-label="年度" />
      </Space>
      <Typography.Text type="secondary">学时是学习记录,不排名、不计分。</Typography.Text>
      <Tabs activeKey={params.get('tab') ?? 'sessions'} onChange={(t) => set('tab', t)} items={[
        { key: 'sessions', label: '培训/学习', children: <SessionsTab year={year} orgId={orgId} /> },
        { key: 'hours', label: '学时对照', children: <HoursTab year={year} orgId={orgId} /> },
      ]} />
    </Space>
  );
}
