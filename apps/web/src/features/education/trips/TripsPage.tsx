import { useState } from 'react';
import { App, Button, Card, Flex, Form, List, Table, Typography } from 'antd';
import { PlusOutlined } from '../../../lib/icons';
import { useNavigate } from 'react-router';
import type { TripCreate, TripSummary } from '@dj/contracts';
import { ListBody } from '../../../components/ListBody';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useCreateTrip, useTrips } from './api';
import { TopicTags } from './TopicTags';
import { TRIP_FORM_FIELDS, TripFormModal, type TripFormValues } from './TripForm';
import { PageTitle } from '../../../components/PageTitle';

/** 跟进 n 项 · 未完成 m · 已逾期 k: what is left of a trip, never a score. */
function ActionsText({ t }: { t: TripSummary }) {
  if (!t.actions) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <span>
      {t.actions}项 · 未完成{t.actionsOpen}
      {t.actionsOverdue > 0 && <Typography.Text type="danger"> · 已逾期{t.actionsOverdue}</Typography.Text>}
    </span>
  );
}

/**
 * 对标学习 (issue 19 point 4): the trips of the caller's scope, the latest first; a village's secretary sees the town's
 * trips their village took part in. Opening one shows its participants, 心得, follow-ups and the report.
 */
export function TripsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useTrips();
  const create = useCreateTrip();
  const [form] = Form.useForm<TripFormValues>();
  const [open, setOpen] = useState(false);
  const organizers = list.data?.organizers ?? [];
  const onFinish = async (values: TripFormValues) => {
    try {
      const made = await create.mutateAsync({ ...values, note: values.note || null } as TripCreate);
      message.success('已登记对标学习');
      setOpen(false);
      navigate(`/education/trips/${made.id}`);
    } catch (e) {
      if (!applyFieldErrors(form, e, TRIP_FORM_FIELDS)) message.error(errorMessage(e));
    }
  };
  const go = (t: TripSummary) => navigate(`/education/trips/${t.id}`);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>对标学习</PageTitle>
        {organizers.length > 0 && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>登记对标学习</Button>}
      </Flex>
      <Typography.Text type="secondary">组织镇村干部“走出去”学习基层党建、美丽乡村、基层治理、创新发展;学习后的跟进事项列入责任人的待办。</Typography.Text>
      <Card size="small">
        <ListBody query={list} errorTitle="对标学习加载失败" items={list.data?.items} empty="还没有登记对标学习"
          cards={(items) => (
            // Each card in its list item: a list holds only <li> (axe: list).
            <List data-testid="trip-cards" dataSource={items} split={false} renderItem={(t) => (
              <List.Item style={{ display: 'block', padding: 0 }}>
                <Card size="small" style={{ marginBottom: 8 }} hoverable onClick={() => go(t)} title={t.title}>
                  <div>{t.destination} · {t.startsOn}至{t.endsOn}</div>
                  <TopicTags topics={t.topics} />
                  <div>参加{t.participants}人 · 跟进<ActionsText t={t} /></div>
                </Card>
              </List.Item>
            )} />
          )}
          table={(items) => (
            <Table size="small" rowKey="id" dataSource={items} pagination={false} data-testid="trip-table" scroll={{ x: 'max-content' }}
              onRow={(t) => ({ onClick: () => go(t), style: { cursor: 'pointer' } })} columns={[
                { title: '学习主题', dataIndex: 'title' },
                { title: '学习地点', dataIndex: 'destination' },
                { title: '时间', render: (_, t) => `${t.startsOn}至${t.endsOn}` },
                { title: '学习内容', render: (_, t) => <TopicTags topics={t.topics} /> },
                { title: '组织单位', dataIndex: 'organizationName' },
                { title: '参加人数', dataIndex: 'participants' },
                { title: '跟进事项', render: (_, t) => <ActionsText t={t} /> },
              ]} />
          )} />
      </Card>
      <TripFormModal open={open} onClose={() => setOpen(false)} form={form} detail={null} organizers={organizers} pending={create.isPending} onFinish={(v) => void onFinish(v)} />
    </Flex>
  );
}
