import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, List, Popconfirm, Select, Skeleton, Table, Typography } from 'antd';
import { PlusOutlined } from '../../../lib/icons';
import { VENUE_LIMITS, todayInShanghai, type HostedGroupCreate, type Venue } from '@dj/contracts';
import { DateInput } from '../../../components/DateInput';
import { FormModal } from '../../../components/FormModal';
import { LoadError } from '../../../components/LoadError';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useHostedGroups, useVenueWrites } from './api';
import { ListItemMeta } from '../../../components/ListItemMeta';

const thisYear = Number(todayInShanghai().slice(0, 4));

function HostedFormModal({ open, onClose, organizers, venues }: { open: boolean; onClose: () => void; organizers: { id: number; name: string }[]; venues: Venue[] }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<HostedGroupCreate>();
  const { host } = useVenueWrites();
  const onFinish = async (values: HostedGroupCreate) => {
    try {
      await host.mutateAsync({ ...values, venueId: values.venueId ?? null });
      message.success('已登记参观考察');
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['organizationId', 'visitedOn', 'unit', 'people', 'topic', 'venueId'])) message.error(errorMessage(e));
    }
  };
  return (
    <FormModal<HostedGroupCreate> title="登记参观考察" open={open} onClose={onClose} form={form} name="hosted-group" okText="登记" pending={host.isPending}
      initialValues={{ organizationId: organizers.length === 1 ? organizers[0].id : undefined, visitedOn: todayInShanghai() }} onFinish={(v) => void onFinish(v)}>
      <Form.Item name="organizationId" label="接待单位" rules={[{ required: true, message: '请选择接待单位' }]}>
        <Select aria-label="接待单位" options={organizers.map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="visitedOn" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
        <DateInput aria-label="日期" max={todayInShanghai()} />
      </Form.Item>
      <Form.Item name="unit" label="来访单位" rules={[{ required: true, whitespace: true, message: '请填写来访单位' }]}>
        <Input maxLength={VENUE_LIMITS.unit} showCount />
      </Form.Item>
      <Form.Item name="people" label="人数" rules={[{ required: true, message: '请填写人数' }]}>
        <InputNumber aria-label="人数" min={1} max={VENUE_LIMITS.maxCapacity} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="topic" label="考察内容" rules={[{ required: true, whitespace: true, message: '请填写考察内容' }]}>
        <Input maxLength={VENUE_LIMITS.topic} showCount placeholder="如:组织振兴引领乡村振兴" />
      </Form.Item>
      <Form.Item name="venueId" label="参观场地">
        <Select aria-label="参观场地" allowClear options={venues.map((v) => ({ value: v.id, label: v.name }))} />
      </Form.Item>
    </FormModal>
  );
}

/** 接待参观考察: each year's count of groups and people (by year, never ranked), and the chosen year's groups. */
export function HostedGroups({ organizers, venues }: { organizers: { id: number; name: string }[]; venues: Venue[] }) {
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear);
  const [open, setOpen] = useState(false);
  const query = useHostedGroups(year);
  const { unhost } = useVenueWrites();
  const years = query.data?.years ?? [];
  const choices = [...new Set([thisYear, ...years.map((y) => y.year)])].sort((a, b) => b - a);
  const remove = async (id: number) => {
    try { await unhost.mutateAsync(id); message.success('已删除'); } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Card size="small" title="接待参观考察" data-testid="hosted-groups"
      extra={organizers.length > 0 && <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>登记</Button>}>
      {query.isPending ? <Skeleton active /> : query.isError ? <LoadError title="参观考察加载失败" error={query.error} onRetry={() => query.refetch()} /> : (
        <Flex vertical gap={12}>
          <Table size="small" rowKey="year" pagination={false} data-testid="hosted-years" dataSource={years} locale={{ emptyText: '还没有接待记录' }}
            columns={[{ title: '年度', render: (_, y) => `${y.year}年` }, { title: '接待团组', render: (_, y) => `${y.groups}批` }, { title: '人数', render: (_, y) => `${y.people}人次` }]} />
          <Flex align="center" gap={8}>
            <Typography.Text>年度</Typography.Text>
            <Select aria-label="年度" value={year} onChange={setYear} style={{ width: 110 }} options={choices.map((y) => ({ value: y, label: `${y}年` }))} />
          </Flex>
          <List size="small" dataSource={query.data.items} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年没有接待记录`} /> }}
            renderItem={(g) => (
              <List.Item actions={g.can.remove ? [
                <Popconfirm key="d" title="删除这条误登记的记录?" okText="删除" cancelText="取消" onConfirm={() => remove(g.id)}>
                  <Button size="small" type="link" danger>删除</Button>
                </Popconfirm>,
              ] : []}>
                <ListItemMeta title={`${g.visitedOn} ${g.unit} · ${g.people}人`} description={`${g.topic}${g.venueName ? ` · ${g.venueName}` : ''}`} />
              </List.Item>
            )} />
        </Flex>
      )}
      <HostedFormModal open={open} onClose={() => setOpen(false)} organizers={organizers} venues={venues} />
    </Card>
  );
}
