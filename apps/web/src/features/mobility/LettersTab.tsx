import { useState } from 'react';
import { LoadError } from '../../components/LoadError';
import { Button, Card, Empty, Flex, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FileDoneOutlined, SendOutlined } from '../../lib/icons';
import { addDays, type MemberDetail } from '@dj/contracts';
import { useMobility, type TransferLetter } from './api';
import { IssueLetterModal, ReceiptModal } from './LetterModals';
import { WarningAlerts } from './WarningAlerts';

/** Valid until issuedOn + validDays (the server's rule: overdue from the day after). */
export function validUntil(letter: Pick<TransferLetter, 'issuedOn' | 'validDays'>): string {
  return addDays(letter.issuedOn, letter.validDays);
}

const isOverdue = (letter: TransferLetter) => letter.warnings.some((warning) => warning.code === 'RECEIPT_OVERDUE');

function ReceiptState({ letter }: { letter: TransferLetter }) {
  if (letter.receiptReturnedOn) return <Tag color="green">已退回 {letter.receiptReturnedOn}</Tag>;
  return (
    <Space size={4} wrap>
      <Tag>未退回</Tag>
      {isOverdue(letter) && <Tag color="red">回执逾期</Tag>}
    </Space>
  );
}

function columns(canRecord: boolean, onReceipt: (letter: TransferLetter) => void): TableColumnsType<TransferLetter> {
  return [
    { title: '介绍信编号', dataIndex: 'letterNo', width: 120 },
    { title: '转往党组织', dataIndex: 'destination' },
    { title: '开具日期', dataIndex: 'issuedOn', width: 104 },
    {
      title: '有效期',
      key: 'validDays',
      width: 110,
      render: (_v, letter) => (
        <>
          {letter.validDays}天
          <div className="secondary-line">至 {validUntil(letter)}</div>
        </>
      ),
    },
    { title: '回执', key: 'receipt', width: 112, render: (_v, letter) => <ReceiptState letter={letter} /> },
    ...(canRecord
      ? [
          {
            title: '操作',
            key: 'action',
            width: 96,
            render: (_v: unknown, letter: TransferLetter) =>
              letter.receiptReturnedOn ? null : (
                <Button size="small" onClick={() => onReceipt(letter)}>
                  登记回执
                </Button>
              ),
          },
        ]
      : []),
  ];
}

function LetterCard({ letter, canRecord, onReceipt }: { letter: TransferLetter; canRecord: boolean; onReceipt: (letter: TransferLetter) => void }) {
  return (
    <Card size="small" data-testid="letter-card">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{letter.letterNo}</Typography.Text>
        <ReceiptState letter={letter} />
      </Flex>
      <div className="member-card-lines">
        <div>转往:{letter.destination}</div>
        <div>开具日期:{letter.issuedOn}</div>
        <div>
          有效期:{letter.validDays}天(至 {validUntil(letter)})
        </div>
      </div>
      {canRecord && !letter.receiptReturnedOn && (
        <Button size="small" onClick={() => onReceipt(letter)}>
          登记回执
        </Button>
      )}
    </Card>
  );
}

export function LettersTab({ member, narrow }: { member: MemberDetail; narrow: boolean }) {
  const query = useMobility(member.id);
  const [issuing, setIssuing] = useState(false);
  const [receiptFor, setReceiptFor] = useState<TransferLetter | null>(null);
  const canRecord = member.can.recordEvent;

  if (query.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (query.isError) {
    return (
      <LoadError title="介绍信加载失败" error={query.error} onRetry={() => query.refetch()} />
    );
  }

  const letters = [...query.data.letters].sort((a, b) =>
    a.issuedOn === b.issuedOn ? b.id - a.id : a.issuedOn < b.issuedOn ? 1 : -1,
  );
  const warnings = letters.flatMap((letter) =>
    letter.warnings.map((warning) => ({ ...warning, message: `介绍信${letter.letterNo}:${warning.message}` })),
  );
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无介绍信记录" />;

  return (
    <Flex vertical gap={12} data-testid="member-letters">
      {canRecord && (
        <Space wrap>
          <Button type="primary" icon={<SendOutlined />} onClick={() => setIssuing(true)}>
            开具介绍信(转往本镇以外)
          </Button>
        </Space>
      )}
      <WarningAlerts warnings={warnings} testId="letter-warnings" />
      {narrow ? (
        letters.length === 0 ? (
          empty
        ) : (
          <Flex vertical gap={8}>
            {letters.map((letter) => (
              <LetterCard key={letter.id} letter={letter} canRecord={canRecord} onReceipt={setReceiptFor} />
            ))}
          </Flex>
        )
      ) : (
        <div data-testid="letter-table">
          <Table<TransferLetter>
            rowKey="id"
            size="small"
            columns={columns(canRecord, setReceiptFor)}
            dataSource={letters}
            pagination={false}
            locale={{ emptyText: empty }}
          />
        </div>
      )}
      <Typography.Text type="secondary">
        <FileDoneOutlined /> 接收党组织退回回执后请及时登记;超过有效期未退回的,会在待办事项中提醒。
      </Typography.Text>
      {canRecord && (
        <>
          <IssueLetterModal member={member} open={issuing} onClose={() => setIssuing(false)} />
          <ReceiptModal member={member} letter={receiptFor} open={receiptFor !== null} onClose={() => setReceiptFor(null)} />
        </>
      )}
    </Flex>
  );
}
