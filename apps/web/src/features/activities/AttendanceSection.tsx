import { useMemo, useState } from 'react';
import { App, Button, Empty, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { errorMessage } from '../../lib/api-client';
import { DateInput } from '../../components/DateInput';
import { useSaveAttendance, type ActivityDetail, type AttendanceRecord, type AttendanceState } from './api';
import { ATTENDANCE_LABELS } from './labels';
import { AttendanceRecordSchema } from '@dj/contracts';
import { textPropsOf } from '../../lib/contract-rules';

/** The reason's counter from the contract (no silent cut at the limit; the API names it). */
const REASON_TEXT = textPropsOf(AttendanceRecordSchema, 'reason');

export interface AttendanceRow extends AttendanceRecord {
  name: string;
}

const STATE_OPTIONS = (Object.keys(ATTENDANCE_LABELS) as AttendanceState[]).map((value) => ({ value, label: ATTENDANCE_LABELS[value] }));

/**
 * One row per expected member: the recorded state when there is one, else 出席, or 请假 with the member's own
 * reason when they answered so beforehand.
 */
export function initialRows(detail: Pick<ActivityDetail, 'expected' | 'attendances' | 'responses'>, unmarked: AttendanceState = 'present'): AttendanceRow[] {
  const recorded = new Map(detail.attendances.map((a) => [a.memberId, a]));
  const responses = new Map(detail.responses.map((r) => [r.memberId, r]));
  const people = [...detail.expected];
  for (const a of detail.attendances) if (!people.some((p) => p.memberId === a.memberId)) people.push({ memberId: a.memberId, name: a.name });
  return people.map(({ memberId, name }) => {
    const a = recorded.get(memberId);
    if (a) return { memberId, name, state: a.state, reason: a.reason, makeupOn: a.makeupOn };
    const r = responses.get(memberId);
    if (r?.response === 'leave') return { memberId, name, state: 'excused', reason: r.reason, makeupOn: null };
    return { memberId, name, state: unmarked, reason: null, makeupOn: null };
  });
}

/**
 * A 谈心谈话 is the people who talked, not a meeting of the branch: the list starts with nobody marked and only
 * those marked 出席 are saved as its participants, so nobody else is recorded as missing it.
 */
const isTalk = (detail: Pick<ActivityDetail, 'kind'>) => detail.kind === 'heart_talk';

export const toRecords = (rows: AttendanceRow[]): AttendanceRecord[] =>
  rows.map(({ memberId, state, reason, makeupOn }) => ({
    memberId,
    state,
    reason: state === 'excused' ? (reason?.trim() || null) : null,
    makeupOn: state === 'present' ? null : (makeupOn ?? null),
  }));

interface ListProps {
  rows: AttendanceRow[];
  onChange: (rows: AttendanceRow[]) => void;
  responses: ActivityDetail['responses'];
  disabled?: boolean;
}

/** The tap-to-change attendance list, shared by the activity page and the theme-day form. */
export function AttendanceList({ rows, onChange, responses, disabled }: ListProps) {
  const byMember = useMemo(() => new Map(responses.map((r) => [r.memberId, r])), [responses]);
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本支部没有应到党员" />;
  const set = (memberId: number, change: Partial<AttendanceRow>) =>
    onChange(rows.map((row) => (row.memberId === memberId ? { ...row, ...change } : row)));
  const count = (state: AttendanceState) => rows.filter((r) => r.state === state).length;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>应到{rows.length}人:出席{count('present')} 请假{count('excused')} 缺席{count('absent')}</Typography.Text>
        <Button size="small" disabled={disabled} onClick={() => onChange(rows.map((r) => ({ ...r, state: 'present', reason: null, makeupOn: null })))}>
          全部出席
        </Button>
      </Flex>
      <div className="task-items" data-testid="attendance-list">
        {rows.map((row) => {
          const response = byMember.get(row.memberId);
          return (
            <div key={row.memberId} className="task-item" data-testid={`attendance-${row.memberId}`}>
              <Flex gap={8} wrap align="center" justify="space-between">
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{row.name}</Typography.Text>
                  {response && (
                    <Tag color={response.response === 'confirm' ? 'green' : 'orange'}>
                      {response.response === 'confirm' ? '确认参加' : `请假:${response.reason ?? '未说明原因'}`}
                    </Tag>
                  )}
                </Flex>
                <Segmented<AttendanceState>
                  aria-label={`${row.name}的出席情况`}
                  options={STATE_OPTIONS}
                  value={row.state}
                  disabled={disabled}
                  onChange={(state) => set(row.memberId, { state })}
                />
              </Flex>
              {row.state !== 'present' && (
                <Flex gap={8} wrap style={{ marginTop: 6 }}>
                  {row.state === 'excused' && (
                    <Input
                      aria-label={`${row.name}的请假原因`}
                      placeholder="请假原因"
                      value={row.reason ?? ''}
                      {...REASON_TEXT}
                      disabled={disabled}
                      onChange={(e) => set(row.memberId, { reason: e.target.value })}
                      style={{ flex: '1 1 180px' }}
                    />
                  )}
                  <div style={{ flex: '1 1 160px' }}>
                    <DateInput
                      aria-label={`${row.name}的补学日期`}
                      placeholder="补学日期"
                      value={row.makeupOn}
                      disabled={disabled}
                      onChange={(makeupOn) => set(row.memberId, { makeupOn })}
                    />
                  </div>
                </Flex>
              )}
            </div>
          );
        })}
      </div>
    </Flex>
  );
}

export function AttendanceSection({ detail, editable }: { detail: ActivityDetail; editable: boolean }) {
  const { message } = App.useApp();
  const save = useSaveAttendance();
  const talk = isTalk(detail);
  const [rows, setRows] = useState(() => initialRows(detail, talk ? 'absent' : 'present'));
  const signature = JSON.stringify([detail.attendances, detail.expected]);
  const [basis, setBasis] = useState(signature);
  if (basis !== signature) {
    // Attendance saved (here or elsewhere): the list shows what the server holds. Other changes keep unsaved taps.
    setBasis(signature);
    setRows(initialRows(detail, talk ? 'absent' : 'present'));
  }
  const onSave = () =>
    save.mutateAsync({ id: detail.id, records: toRecords(talk ? rows.filter((r) => r.state === 'present') : rows) }).then(
      () => message.success('出席情况已保存'),
      (error: unknown) => message.error(errorMessage(error)),
    );
  return (
    <Flex vertical gap={8}>
      {talk && <Typography.Text type="secondary">把参加谈话的人点为“出席”,只保存他们为谈话人。</Typography.Text>}
      <AttendanceList rows={rows} onChange={setRows} responses={detail.responses} disabled={!editable} />
      {editable && rows.length > 0 && (
        <div>
          <Button type="primary" loading={save.isPending} onClick={onSave}>保存出席情况</Button>
        </div>
      )}
    </Flex>
  );
}
