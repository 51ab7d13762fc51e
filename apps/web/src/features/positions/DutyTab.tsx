import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CalendarOutlined, DeleteOutlined, SwapOutlined } from '../../lib/icons';
import { DUTY_PRESENCE_LABELS, DUTY_SLOT_LABELS, todayInShanghai } from '@dj/contracts';
import { ListBody } from '../../components/ListBody';
import { errorMessage } from '../../lib/api-client';
import { useMonthOrgParams } from '../../lib/use-month-org-params';
import { MonthInput } from '../../components/MonthInput';
import { useDeleteDuty, useDutyShifts, type DutyShift, type DutySummary } from './api';
import { DutyScheduleModal } from './DutyScheduleModal';
import { PresenceModal, SwapModal } from './DutyShiftModals';
import { PRESENCE_COLORS } from './labels';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (date: string) => `周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;

function PresenceTag({ shift, today }: { shift: DutyShift; today: string }) {
  if (shift.presence) return <Tag color={PRESENCE_COLORS[shift.presence]}>{DUTY_PRESENCE_LABELS[shift.presence]}</Tag>;
  return shift.onDate <= today ? <Tag color="default">未登记</Tag> : <Typography.Text type="secondary">—</Typography.Text>;
}

function WhoText({ shift }: { shift: DutyShift }) {
  if (!shift.swappedWithName) return <span>{shift.personName}</span>;
  return (
    <Flex vertical>
      <span>
        {shift.onDutyName} <Tag icon={<SwapOutlined />}>替 {shift.personName}</Tag>
      </span>
      {shift.swapReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>换班原因:{shift.swapReason}</Typography.Text>}
    </Flex>
  );
}

function Summary({ summary }: { summary: DutySummary }) {
  return (
    <Flex gap={24} wrap data-testid="duty-summary">
      <Statistic title="已排班" value={summary.scheduled} />
      <Statistic title="在岗" value={summary.present} />
      <Statistic title="缺岗" value={summary.absent} />
      <Statistic title="请假" value={summary.excused} />
      <Statistic title="未登记" value={summary.unrecorded} />
    </Flex>
  );
}

interface Actions {
  onSwap: (shift: DutyShift) => void;
  onPresence: (shift: DutyShift) => void;
  onDelete: (shift: DutyShift) => void;
}

function ShiftActions({ shift, today, actions }: { shift: DutyShift; today: string; actions: Actions }) {
  const label = `${shift.onDate}${DUTY_SLOT_LABELS[shift.slot]}${shift.personName}`;
  return (
    <Flex gap={4} wrap>
      {shift.can.recordPresence && shift.onDate <= today && (
        <Button size="small" aria-label={`登记${label}`} onClick={() => actions.onPresence(shift)}>
          {shift.presence ? '修改登记' : '登记在岗'}
        </Button>
      )}
      {shift.can.edit && !shift.presence && (
        <Button size="small" icon={<SwapOutlined />} aria-label={`换班${label}`} onClick={() => actions.onSwap(shift)}>换班</Button>
      )}
      {shift.can.delete && (
        <Popconfirm title="删除这个班次?" okText="删除" cancelText="取消" onConfirm={() => actions.onDelete(shift)}>
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除${label}`} />
        </Popconfirm>
      )}
    </Flex>
  );
}

/** 坐班值班: a village's month — who sits where and when, swaps, and the presence the village records afterwards. */
export function DutyTab({ orgId, orgName, canWrite }: { orgId: number; orgName: string; canWrite: boolean }) {
  const { month, update } = useMonthOrgParams('month');
  const list = useDutyShifts(orgId, month);
  const today = todayInShanghai();
  const { message } = App.useApp();
  const remove = useDeleteDuty();
  const [scheduling, setScheduling] = useState(false);
  const [swapping, setSwapping] = useState<DutyShift | null>(null);
  const [recording, setRecording] = useState<DutyShift | null>(null);

  const actions: Actions = {
    onSwap: setSwapping,
    onPresence: setRecording,
    onDelete: (shift) =>
      remove.mutate(shift.id, { onSuccess: () => message.success('已删除'), onError: (e) => message.error(errorMessage(e)) }),
  };

  const columns: TableColumnsType<DutyShift> = [
    { title: '日期', key: 'date', render: (_, row) => `${row.onDate} ${weekday(row.onDate)}` },
    { title: '时段', key: 'slot', render: (_, row) => DUTY_SLOT_LABELS[row.slot] },
    { title: '值班人', key: 'who', render: (_, row) => <WhoText shift={row} /> },
    {
      title: '在岗情况',
      key: 'presence',
      render: (_, row) => (
        <Flex vertical>
          <PresenceTag shift={row} today={today} />
          {row.presenceNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.presenceNote}</Typography.Text>}
        </Flex>
      ),
    },
    { title: '操作', key: 'actions', render: (_, row) => <ShiftActions shift={row} today={today} actions={actions} /> },
  ];

  return (
    <Flex vertical gap={12} data-testid="duty-tab">
      <Flex gap={8} wrap align="center" justify="space-between">
        <div className="page-month-select" style={{ minWidth: 140 }}>
          <MonthInput aria-label="月份" value={month} onChange={(value) => update({ month: value })} />
        </div>
        {canWrite && (
          <Button type="primary" icon={<CalendarOutlined />} onClick={() => setScheduling(true)}>排班</Button>
        )}
      </Flex>
      {list.data && <Card size="small"><Summary summary={list.data.summary} /></Card>}
      <Card size="small">
        <ListBody
          query={list}
          errorTitle="值班表加载失败"
          items={list.data?.items}
          empty="本月还没有排班"
          skeletonRows={6}
          cards={(shifts) => (
            <div className="task-items">
              {shifts.map((shift) => (
                <div key={shift.id} className="task-item" data-testid={`shift-${shift.id}`}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{shift.onDate} {weekday(shift.onDate)} {DUTY_SLOT_LABELS[shift.slot]}</Typography.Text>
                    <PresenceTag shift={shift} today={today} />
                  </Flex>
                  <WhoText shift={shift} />
                  <ShiftActions shift={shift} today={today} actions={actions} />
                </div>
              ))}
            </div>
          )}
          table={(shifts) => (
            <Table<DutyShift>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={shifts}
              loading={list.isFetching}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          )}
        />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        在岗情况由村里事后如实登记(在岗/缺岗/请假),平台不做定位,也不要求个人打卡。
      </Typography.Text>
      {scheduling && <DutyScheduleModal orgId={orgId} orgName={orgName} month={month} onClose={() => setScheduling(false)} />}
      {swapping && <SwapModal shift={swapping} onClose={() => setSwapping(null)} />}
      {recording && <PresenceModal shift={recording} onClose={() => setRecording(null)} />}
    </Flex>
  );
}
