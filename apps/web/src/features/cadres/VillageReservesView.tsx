import { useState } from 'react';
import { Alert, Button, Card, Collapse, Empty, Flex, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import { Link } from 'react-router';
import {
  PIPELINE_PHASE_LABELS, RESERVE_MOVE_KIND_LABELS, RESERVE_RESULT_LABELS, RESERVE_SOURCE_LABELS, RESERVE_STAGE_LABELS, RESERVE_STATUS_LABELS,
  VILLAGE_CADRE_POST_LABELS, reservePeriodLabel, todayInShanghai, type Reserve, type ReserveMove, type VillageReserves,
} from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useVillageReserves } from './reserve-api';
import { AddReserveModal, EvaluateReserveModal, LeaveReserveModal, MentorReserveModal, MoveReserveModal } from './ReserveModals';

const STAGE_COLORS = { reserve: 'default', training: 'blue', practice: 'purple', ready: 'green' } as const;

function moveText(m: ReserveMove): string {
  const stages = m.fromStage && m.toStage ? `${RESERVE_STAGE_LABELS[m.fromStage]} → ${RESERVE_STAGE_LABELS[m.toStage]}` : m.toStage ? RESERVE_STAGE_LABELS[m.toStage] : '';
  return [RESERVE_MOVE_KIND_LABELS[m.kind], stages, m.kind === 'mentor' ? (m.mentorName ?? '无') : ''].filter(Boolean).join(' ');
}

function DueTag({ on }: { on: string | null }) {
  if (!on) return null;
  const today = todayInShanghai();
  return on < today ? <Tag color="red">考评已逾期({on})</Tag> : <Typography.Text type="secondary">下次考评:{on}</Typography.Text>;
}

type Action = { kind: 'move' | 'evaluate' | 'leave' | 'mentor'; reserve: Reserve } | null;

function ReserveCard({ r, edit, onAction }: { r: Reserve; edit: boolean; onAction: (a: Action) => void }) {
  const active = r.status === 'active';
  return (
    <Card size="small" data-testid="reserve-card" title={<Space wrap size={4}>
      <span>{r.name}</span>
      {active ? <Tag color={STAGE_COLORS[r.stage]}>{RESERVE_STAGE_LABELS[r.stage]}</Tag> : <Tag>{RESERVE_STATUS_LABELS[r.status]}</Tag>}
      {!r.isMember && <Tag>非党员</Tag>}
    </Space>}>
      <Flex vertical gap={4}>
        <div>来源:{RESERVE_SOURCE_LABELS[r.source]}{r.sourceNote ? `(${r.sourceNote})` : ''};列入:{r.enteredOn};本阶段自:{r.stageSince}</div>
        <div>培养联系人:{r.mentorName && r.mentorPost ? `${r.mentorName}(${VILLAGE_CADRE_POST_LABELS[r.mentorPost]})` : '未指定'}</div>
        <Typography.Text type="secondary">身份证号:{r.idNumberMasked}</Typography.Text>
        {r.recruitment && (
          <div>发展党员:<Link to={`/recruitment/recruitments/${r.recruitment.id}`}>{r.recruitment.phase ? PIPELINE_PHASE_LABELS[r.recruitment.phase] : '已转正'}(查看发展党员记录)</Link></div>
        )}
        {!active && <div>{r.leftOn} {RESERVE_STATUS_LABELS[r.status]}{r.appointedPost ? `:${VILLAGE_CADRE_POST_LABELS[r.appointedPost]}` : ''};原因:{r.leftReason}</div>}
        <DueTag on={r.evaluationDueOn} />
        <Collapse size="small" ghost items={[
          {
            key: 'evaluations', label: `考评(${r.evaluations.length})`, children: r.evaluations.length
              ? r.evaluations.map((e) => <div key={e.id}>{reservePeriodLabel(e.period)} {RESERVE_RESULT_LABELS[e.result]}({e.evaluatedOn}):{e.comment}</div>)
              : '尚未考评',
          },
          {
            key: 'moves', label: `变动记录(${r.moves.length})`, children: (
              <Timeline items={r.moves.map((m) => ({ key: m.id, color: m.kind === 'back' || m.kind === 'exit' ? 'red' : 'blue', content: <div><strong>{m.occurredOn}</strong> {moveText(m)}{m.reason && <div><Typography.Text type="secondary">原因:{m.reason}</Typography.Text></div>}</div> }))} />
            ),
          },
        ]} />
        {edit && active && (
          <Space wrap>
            <Button size="small" onClick={() => onAction({ kind: 'move', reserve: r })}>调整阶段</Button>
            <Button size="small" onClick={() => onAction({ kind: 'evaluate', reserve: r })}>登记考评</Button>
            <Button size="small" onClick={() => onAction({ kind: 'mentor', reserve: r })}>更换联系人</Button>
            <Button size="small" onClick={() => onAction({ kind: 'leave', reserve: r })}>任用或退出</Button>
          </Space>
        )}
      </Flex>
    </Card>
  );
}

function Body({ data }: { data: VillageReserves }) {
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<Action>(null);
  const short = data.target - data.active;
  return (
    <Flex vertical gap={12} data-testid="village-reserves">
      <Flex gap={8} wrap align="center">
        <Typography.Text>在培养 {data.active} 人,储备目标 {data.target} 人</Typography.Text>
        {data.can.edit && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>列入后备人才</Button>}
      </Flex>
      {short > 0 && <Alert type="warning" showIcon title={`低于本镇每村${data.target}人的储备目标,还差${short}人`} />}
      {data.reserves.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未列入后备人才" />
        : data.reserves.map((r) => <ReserveCard key={r.id} r={r} edit={data.can.edit} onAction={setAction} />)}
      {adding && <AddReserveModal data={data} onClose={() => setAdding(false)} />}
      {action?.kind === 'move' && <MoveReserveModal reserve={action.reserve} onClose={() => setAction(null)} />}
      {action?.kind === 'evaluate' && <EvaluateReserveModal reserve={action.reserve} onClose={() => setAction(null)} />}
      {action?.kind === 'leave' && <LeaveReserveModal reserve={action.reserve} data={data} onClose={() => setAction(null)} />}
      {action?.kind === 'mentor' && <MentorReserveModal reserve={action.reserve} data={data} onClose={() => setAction(null)} />}
    </Flex>
  );
}

/** 本村后备人才: in the pipeline first (可任用 first), each with stage, mentor, 发展党员 link, evaluations and moves. */
export function VillageReservesView({ orgId }: { orgId: number }) {
  const query = useVillageReserves(orgId);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.error) return <LoadError title="后备人才加载失败" error={query.error} onRetry={() => query.refetch()} />;
  return <Body data={query.data} />;
}
