import { VoidRecordSchema } from '@dj/contracts';
import { App, Button, Collapse, Flex, Typography } from 'antd';
import { PaperClipOutlined } from '../../lib/icons';
import { ReasonModal } from '../../components/ReasonModal';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { downloadRecruitmentFile, useVoidRecord, type Recruitment, type StepRecord } from './api';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

/**
 * Asks why the record is voided and sends it. The server decides what may be voided (only the latest record, nothing
 * that wrote the roster); its refusal is shown as it comes.
 */
export function VoidRecordModal({ recruitment, record, onClose }: { recruitment: Recruitment; record: StepRecord; onClose: () => void }) {
  const voiding = useVoidRecord();
  return (
    <ReasonModal
      title={`作废记录:${record.stepName}`}
      okText="作废"
      subject={`${record.occurredOn} ${record.stepName}。作废后此记录保留在“已作废的记录”中,程序按未记录此步重新计算,可重新记录。`}
      label="作废原因"
      rules={rulesFor(VoidRecordSchema, 'reason')}
      {...textPropsOf(VoidRecordSchema, 'reason')}
      placeholder="例如:日期记错,应为 3 月 12 日"
      field="reason"
      pending={voiding.isPending}
      onSubmit={async (reason) => {
        await voiding.mutateAsync({ id: recruitment.id, recordId: record.id, reason });
        return `已作废“${record.stepName}”(${record.occurredOn})`;
      }}
      onClose={onClose}
    />
  );
}

/** Voided records stay on screen (never lose a record), greyed and struck through, with who voided them, when and why. */
export function VoidedRecordsSection({ recruitment }: { recruitment: Recruitment }) {
  const { message } = App.useApp();
  const voided = recruitment.voidedRecords;
  if (voided.length === 0) return null;
  const items = voided.map((record) => (
    <Flex key={record.id} vertical gap={2} data-testid={`voided-${record.id}`} style={{ color: 'rgba(0, 0, 0, 0.45)' }}>
      <Typography.Text type="secondary" delete>
        {record.occurredOn} {record.stepName}
      </Typography.Text>
      <Typography.Text type="secondary">
        {record.voidedByName ?? '—'} 于 {formatDateTime(record.voidedAt)} 作废,原因:{record.reason}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        原记录人:{record.recordedByName ?? '—'}
      </Typography.Text>
      {record.files.map((file) => (
        <Button
          key={file.id}
          type="link"
          size="small"
          icon={<PaperClipOutlined />}
          style={{ paddingInline: 0, alignSelf: 'flex-start' }}
          onClick={() => downloadRecruitmentFile(recruitment.id, file.id, file.name).catch((error: unknown) => message.error(errorMessage(error)))}
        >
          {file.name}
        </Button>
      ))}
    </Flex>
  ));
  return (
    <Collapse
      size="small"
      data-testid="voided-records"
      items={[{ key: 'voided', label: `已作废的记录(${voided.length})`, children: <Flex vertical gap={10}>{items}</Flex> }]}
    />
  );
}
