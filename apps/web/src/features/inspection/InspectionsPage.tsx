import { useState, type ReactNode } from 'react';
import { Button, Card, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import { Link, useSearchParams } from 'react-router';
import { INSPECTION_DEPARTMENT_LABELS, INSPECTION_ROUND_STATUS_LABELS } from '@dj/contracts';
import { ListBody } from '../../components/ListBody';
import { useMe } from '../../lib/session';
import { hasWorkRole, isTownAdmin } from '../../lib/roles';
import { useRounds, type InspectionRoundSummary } from './api';
import { CreateRoundModal } from './CreateRoundModal';
import { RectificationBoard } from './RectificationBoard';
import { ESCALATED_LABEL } from './labels';
import { PageTitle } from '../../components/PageTitle';

function RoundCard({ round }: { round: InspectionRoundSummary }) {
  const p = round.progress;
  return (
    <div className="task-item" data-testid={`round-${round.id}`}>
      <Flex gap={8} wrap align="center">
        <Link to={`/inspections/${round.id}`} style={{ fontWeight: 600 }}>{round.title}</Link>
        <Tag color={round.status === 'open' ? 'blue' : 'default'}>{INSPECTION_ROUND_STATUS_LABELS[round.status]}</Tag>
      </Flex>
      <Typography.Text type="secondary">
        {round.startsOn} 至 {round.endsOn} · 检查组:
        {round.team.map((m) => `${m.name}(${INSPECTION_DEPARTMENT_LABELS[m.department]})`).join('、') || '—'}
      </Typography.Text>
      <Flex gap={6} wrap>
        <Tag>检查村 {p.villages}</Tag>
        <Tag>已查 {p.recorded} / {p.expected}</Tag>
        {p.findings > 0 && <Tag color="red">发现问题 {p.findings}</Tag>}
        {p.openRectifications > 0 && <Tag color="orange">未验收整改 {p.openRectifications}</Tag>}
        {p.escalated > 0 && <Tag color="volcano">{ESCALATED_LABEL} {p.escalated}</Tag>}
      </Flex>
    </div>
  );
}

function RoundList({ enabled }: { enabled: boolean }) {
  const rounds = useRounds(enabled);
  return (
    <ListBody
      query={rounds}
      errorTitle="联督联查列表加载失败"
      items={rounds.data}
      empty="还没有联督联查"
      skeletonRows={4}
      cards={(list) => (
        <div className="task-items" data-testid="round-list">
          {list.map((round) => <RoundCard key={round.id} round={round} />)}
        </div>
      )}
    />
  );
}

const TABS = ['rounds', 'rectifications'] as const;
type TabKey = (typeof TABS)[number];

/** 联督联查: the rounds (检查轮次) and the rectification board (整改台账). */
export function InspectionsPage() {
  const { data: me } = useMe();
  const roles = me?.user.roles ?? [];
  const allowed = hasWorkRole(roles);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'rectifications' ? 'rectifications' : 'rounds';
  const [creating, setCreating] = useState(false);

  if (!me) return <Skeleton active />;
  if (!allowed) return <Result status="403" title="没有权限查看" subTitle="联督联查供镇党委、检查组和村党支部使用。" />;

  const items: { key: TabKey; label: string; children: ReactNode }[] = [
    { key: 'rounds', label: '检查轮次', children: <Card size="small"><RoundList enabled={allowed} /></Card> },
    { key: 'rectifications', label: '整改台账', children: <RectificationBoard enabled={allowed && tab === 'rectifications'} /> },
  ];

  return (
    <Flex vertical gap={12} data-testid="inspections-page">
      <Flex gap={8} wrap align="center" justify="space-between">
        <div>
          <PageTitle>联督联查</PageTitle>
          <Typography.Text type="secondary">纪委、组织办、民政办联合检查,发现问题逐条整改、验收,逾期上报镇党委。</Typography.Text>
        </div>
        {isTownAdmin(roles) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建检查</Button>
        )}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'rounds' ? {} : { tab: key }, { replace: true })}
        items={items}
      />
      <CreateRoundModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
