import { useState } from 'react';
import { Alert, App, Button, Flex, Input, InputNumber, List, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined } from '../../lib/icons';
import { ATTENDEE_STATE_LABELS, TRAINING_LIMITS, type AttendeeState, type Training } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { useAttendeeOptions, useSaveAttendance } from './api';

export interface AttendeeRow { key: string; personId: number | null; villagerName: string | null; name: string; note: string; state: AttendeeState; hours: number | null }

const rowsOf = (session: Training): AttendeeRow[] => session.attendeeList.map((a) => ({
  key: a.personId === null ? `v${a.id}` : `p${a.personId}`, personId: a.personId, villagerName: a.personId === null ? a.name : null,
  name: a.name, note: a.source === 'villager' ? '村民' : a.organizationName ?? '', state: a.state, hours: a.hoursCredited,
}));

/** What the API would refuse, said beside the row before saving (the same words as the server's). */
export function rowProblem(row: AttendeeRow, sessionHours: number): string | null {
  if (row.villagerName !== null && !row.villagerName.trim()) return '请填写村民姓名';
  if (row.villagerName !== null && row.villagerName.trim().length > TRAINING_LIMITS.villagerName) return `村民姓名不能超过${TRAINING_LIMITS.villagerName}个字`;
  if (row.state === 'absent') return null;
  if (row.hours === null) return '请填写计入学时';
  if (row.hours > sessionHours) return `计入学时不能超过本次培训的${sessionHours}学时`;
  return null;
}

function RowLine({ row, session, onChange, onRemove }: { row: AttendeeRow; session: Training; onChange: (r: AttendeeRow) => void; onRemove: () => void }) {
  const problem = rowProblem(row, session.hours);
  const setState = (state: AttendeeState) => onChange({ ...row, state, hours: state === 'absent' ? 0 : session.hours });
  return (
    <List.Item data-testid={`attendee-${row.key}`}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          {row.villagerName !== null ? (
            <Input aria-label="村民姓名" value={row.villagerName} style={{ width: 140 }} count={{ show: true, max: TRAINING_LIMITS.villagerName }}
              onChange={(e) => onChange({ ...row, villagerName: e.target.value, name: e.target.value })} />
          ) : <Typography.Text strong style={{ minWidth: 64 }}>{row.name}</Typography.Text>}
          <Typography.Text type="secondary">{row.note}</Typography.Text>
          <Radio.Group optionType="button" buttonStyle="solid" size="small" value={row.state} aria-label={`${row.name}出席情况`}
            options={(['present', 'absent'] as const).map((s) => ({ value: s, label: ATTENDEE_STATE_LABELS[s] }))} onChange={(e) => setState(e.target.value as AttendeeState)} />
          <InputNumber aria-label={`${row.name}计入学时`} size="small" min={0} max={TRAINING_LIMITS.maxHours} step={0.5} value={row.hours} disabled={row.state === 'absent'}
            addonAfter="学时" style={{ width: 130 }} onChange={(v) => onChange({ ...row, hours: v ?? null })} />
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`移除${row.name || '村民'}`} onClick={onRemove} />
        </Flex>
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Flex>
    </List.Item>
  );
}

/** Adds people from the organiser's registries (names only), one or all, and villagers by name for a 田间学校 course. */
function Pickers({ session, rows, add }: { session: Training; rows: AttendeeRow[]; add: (r: AttendeeRow[]) => void }) {
  const options = useAttendeeOptions(session.organizationId);
  const taken = new Set(rows.map((r) => r.personId));
  const free = (options.data ?? []).filter((o) => !taken.has(o.personId));
  const rowOf = (o: (typeof free)[number]): AttendeeRow => ({ key: `p${o.personId}`, personId: o.personId, villagerName: null, name: o.name, note: o.note, state: 'present', hours: session.hours });
  return (
    <Flex wrap gap={8}>
      <Select aria-label="添加参训人员" placeholder="添加参训人员(党员、村干部、后备人才、人才、发展对象)" showSearch optionFilterProp="label" value={null}
        loading={options.isPending} style={{ minWidth: 240, flex: 1 }} notFoundContent={options.isPending ? '加载中' : '没有可添加的人员'}
        options={free.map((o) => ({ value: o.personId, label: `${o.name}(${o.note})` }))}
        onChange={(id: number) => { const o = free.find((x) => x.personId === id); if (o) add([rowOf(o)]); }} />
      <Button disabled={!free.length} onClick={() => add(free.map(rowOf))}>添加全部{free.length ? `(${free.length}人)` : ''}</Button>
      {/* Only a 田间学校 course names villagers outside the registries (the API refuses them elsewhere). */}
      {session.kind === 'field_school' && (
        <Button onClick={() => add([{ key: `n${Date.now()}`, personId: null, villagerName: '', name: '', note: '村民', state: 'present', hours: session.hours }])}>添加村民</Button>
      )}
    </Flex>
  );
}

/**
 * The attendance of a session (issue 19 point 1): who came, present or absent, and the 学时 credited to each (the
 * session's hours by default; less for someone who left early). Saved as a whole with PUT attendees.
 */
export function AttendeesEditor({ session, onDone }: { session: Training; onDone: () => void }) {
  const { message } = App.useApp();
  const save = useSaveAttendance(session.id);
  const [rows, setRows] = useState<AttendeeRow[]>(() => rowsOf(session));
  const problems = rows.filter((r) => rowProblem(r, session.hours)).length;
  const allPresent = () => setRows(rows.map((r) => ({ ...r, state: 'present', hours: session.hours })));
  const submit = async () => {
    try {
      await save.mutateAsync({ attendees: rows.map((r) => ({
        personId: r.personId, villagerName: r.villagerName?.trim() || null, state: r.state, hoursCredited: r.state === 'absent' ? 0 : r.hours,
      })) });
      message.success('已保存出席名单');
      onDone();
    } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Flex vertical gap={8} data-testid="attendees-editor">
      <Pickers session={session} rows={rows} add={(more) => setRows([...rows, ...more])} />
      <Space wrap>
        <Button onClick={allPresent} disabled={!rows.length}>全部出席</Button>
        <Typography.Text type="secondary">已登记{rows.length}人,出席{rows.filter((r) => r.state === 'present').length}人;出席默认计{session.hours}学时</Typography.Text>
      </Space>
      <List size="small" dataSource={rows} locale={{ emptyText: '尚未登记参训人员' }} renderItem={(row) => (
        <RowLine key={row.key} row={row} session={session} onChange={(r) => setRows(rows.map((x) => (x.key === row.key ? r : x)))}
          onRemove={() => setRows(rows.filter((x) => x.key !== row.key))} />
      )} />
      {rows.length > TRAINING_LIMITS.maxAttendees && <Alert type="error" message={`一次培训最多登记${TRAINING_LIMITS.maxAttendees}人`} />}
      <Space wrap>
        <Button type="primary" loading={save.isPending} disabled={problems > 0 || rows.length > TRAINING_LIMITS.maxAttendees} onClick={() => void submit()}>保存出席名单</Button>
        <Button onClick={onDone}>取消</Button>
        {problems > 0 && <Typography.Text type="danger">有{problems}人的信息需要修改</Typography.Text>}
      </Space>
    </Flex>
  );
}
