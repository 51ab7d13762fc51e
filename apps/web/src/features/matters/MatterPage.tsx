import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Image, Skeleton, Space, Steps, Tag, Timeline, Typography, Upload } from 'antd';
import {
  MATTER_CATEGORY_LABELS, MATTER_EVENT_LABELS, MATTER_FORUM_LABELS, MATTER_RATING_LABELS, MATTER_SOURCE_LABELS, MATTER_STEP_TITLES, type Matter,
} from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { useMatter, useMatterPhoto, type StageAction } from './api';
import { DeadlineCell, RatingTag, StageTag } from './labels';
import { StageModal } from './StageModals';
import { PageTitle } from '../../components/PageTitle';

const STEP_OF = { raised: 0, discussed: 1, handled: 2, rated: 3 } as const;

/** The actions the matter's stage allows (the server refuses the others with the reason). */
function actionsOf(m: Matter): { action: StageAction; label: string; primary?: boolean }[] {
  if (m.stage === 'raised') return [{ action: 'discuss', label: '议事', primary: true }, ...(m.escalatedOn ? [] : [{ action: 'escalate' as const, label: '上报镇党委' }])];
  if (m.stage === 'discussed') {
    return [{ action: 'steps', label: '登记办理进展' }, { action: 'handle', label: '办结', primary: true }, { action: 'discuss', label: '修改议事' },
      ...(m.escalatedOn ? [] : [{ action: 'escalate' as const, label: '上报镇党委' }])];
  }
  return m.stage === 'handled' ? [{ action: 'rate', label: '群众评议', primary: true }] : [];
}

function Photos({ m }: { m: Matter }) {
  const { message } = App.useApp();
  const upload = useMatterPhoto(m.id);
  const canUpload = m.can.handle && (m.stage === 'discussed' || m.stage === 'handled');
  return (
    <Space wrap>
      {m.photos.map((p) => <Image key={p.id} width={120} src={`/api/matters/${m.id}/photos/${p.id}`} alt={p.caption ?? '办理照片'} />)}
      {!m.photos.length && <Typography.Text type="secondary">暂无办理照片</Typography.Text>}
      {canUpload && (
        <Upload accept="image/jpeg,image/png" showUploadList={false}
          beforeUpload={(file) => { upload.mutate({ file }, { onError: (e) => message.error(errorMessage(e)) }); return false; }}>
          <Button loading={upload.isPending}>上传照片(去除位置信息)</Button>
        </Upload>
      )}
    </Space>
  );
}

/** One 村民说事 with its four stages as steps, its history, and the actions of its stage. */
export function MatterPage() {
  const id = Number(useParams().id);
  const query = useMatter(id);
  const [action, setAction] = useState<StageAction | null>(null);
  if (query.isError) return <LoadError title="村民说事加载失败" error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  const m = query.data;
  const meeting = (a: Matter['raisedActivity']) => (a ? `${a.heldOn} ${a.title}` : '—');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={`/matters?orgId=${m.organizationId}`}>← 村民说事</Link>
      <Space wrap align="center">
        <PageTitle>{m.title}</PageTitle>
        <StageTag stage={m.stage} />{m.reopened && <Tag>曾重新办理</Tag>}{m.isDemo && <Tag>演示数据</Tag>}
      </Space>
      <Typography.Text type="secondary">{m.villageName} · {MATTER_CATEGORY_LABELS[m.category]} · 回执编号 {m.receipt}</Typography.Text>
      <Steps size="small" current={STEP_OF[m.stage]} status={m.late ? 'error' : undefined} items={MATTER_STEP_TITLES.map((t) => ({ title: t }))} responsive />
      {m.can.handle && (
        <Space wrap>
          {actionsOf(m).map((a) => <Button key={a.action} type={a.primary ? 'primary' : 'default'} danger={a.action === 'escalate'} onClick={() => setAction(a.action)}>{a.label}</Button>)}
        </Space>
      )}
      <Card size="small" title="说事">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
          { key: 'd', label: '说事日期', children: m.raisedOn }, { key: 's', label: '来源', children: MATTER_SOURCE_LABELS[m.source] },
          { key: 'p', label: '地点', children: m.place ?? '—' }, { key: 'r', label: '说事人', children: `${m.raiserName ?? '未留姓名'}${m.raiserPhoneMasked ? ` ${m.raiserPhoneMasked}` : ''}` },
          ...(m.visitNote ? [{ key: 'v', label: '走访党员', children: m.visitNote }] : []),
          // 转为村民说事: the 党员联户 visit it came from (the household's village list opens the household).
          ...(m.visit ? [{ key: 'hv', label: '来自联户走访', children: <Link to={`/households?orgId=${m.organizationId}`}>{`${m.visit.headName}户 · ${m.visit.visitedOn}走访`}</Link> }] : []),
          { key: 'm', label: '说事会议', children: meeting(m.raisedActivity) },
          { key: 'c', label: '具体内容', span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.content}</Typography.Paragraph> },
        ]} />
      </Card>
      <Card size="small" title="议事">
        {m.discussedOn ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
            { key: 'd', label: '议事日期', children: m.discussedOn }, { key: 'f', label: '议事形式', children: m.forum ? MATTER_FORUM_LABELS[m.forum] : '—' },
            { key: 'm', label: '议事会议', children: meeting(m.discussionActivity) }, { key: 'o', label: '责任人', children: m.ownerName ?? '—' },
            { key: 'due', label: '办结期限', children: <DeadlineCell m={m} deadline={m.dueOn} /> },
            { key: '42', label: '四议两公开', children: m.fourTwo?.title ?? '—' },
            { key: 'x', label: '议事意见', span: 2, children: m.discussion },
          ]} />
        ) : <Space><Typography.Text type="secondary">尚未议事</Typography.Text>{m.escalated && <Tag color="volcano">已上报镇党委</Tag>}</Space>}
      </Card>
      <Card size="small" title="办事">
        <Space direction="vertical" style={{ width: '100%' }}>
          {m.handledOn ? <Typography.Text>{m.handledOn} 办结:{m.result}</Typography.Text> : <Typography.Text type="secondary">尚未办结</Typography.Text>}
          {m.escalatedOn && <Typography.Text type="danger">{m.escalatedOn} 上报镇党委:{m.escalationReason}</Typography.Text>}
          <Photos m={m} />
          {m.reply && <Typography.Text>答复群众:{m.reply}</Typography.Text>}
        </Space>
      </Card>
      <Card size="small" title="评事">
        {m.rating ? <Space><RatingTag rating={m.rating} /><span>{m.ratedOn}</span><span>{m.ratingReason}</span></Space> : <Typography.Text type="secondary">尚未评议</Typography.Text>}
      </Card>
      <Card size="small" title="办理经过">
        <Timeline items={m.events.map((e) => ({
          key: e.id, color: e.kind === 'reopened' || e.kind === 'escalated' ? 'red' : e.kind === 'rated' ? 'green' : 'blue',
          children: <span>{e.on} {MATTER_EVENT_LABELS[e.kind]}{e.rating ? `:${MATTER_RATING_LABELS[e.rating]}` : ''}{e.text ? `(${e.text})` : ''}{e.by ? ` · ${e.by}` : ''}</span>,
        }))} />
      </Card>
      {action && <StageModal matter={m} action={action} onClose={() => setAction(null)} />}
    </Space>
  );
}
