import { useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { BULK_SKIP_REASON_LABELS, type BulkSecretaryResult, type BulkSecretaryRow, type Credential } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { downloadCredentialSheet, useBulkCreate, useBulkPreview } from './api';

/**
 * 批量开通书记账号 (issue 12 point 4): the town's branches with their secretary from the organisation tree and roster;
 * the admin ticks branches, the accounts are made in one step, and the one-time passwords are shown once with the
 * A4 hand-out sheet to download. Rows with a skip reason cannot be ticked.
 */
export function BulkSecretariesDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const narrow = useNarrowScreen();
  const preview = useBulkPreview(open);
  const create = useBulkCreate();
  const [chosen, setChosen] = useState<number[]>([]);
  const [result, setResult] = useState<BulkSecretaryResult | null>(null);
  const close = () => {
    // The one-time passwords leave memory with the drawer.
    setResult(null);
    setChosen([]);
    create.reset();
    onClose();
  };
  const submit = () => create.mutate({ organizationIds: chosen }, { onSuccess: (r) => { setResult(r); setChosen([]); } });
  return (
    <Drawer title="批量开通书记账号" open={open} onClose={close} size={narrow ? '100%' : 760} destroyOnHidden maskClosable={result === null}>
      {result ? (
        <BulkResult result={result} onDone={close} />
      ) : preview.isPending ? (
        <Skeleton active />
      ) : preview.isError ? (
        <LoadError title="支部书记名单加载失败" error={preview.error} onRetry={() => preview.refetch()} />
      ) : preview.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有可开通账号的支部" />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">按组织架构中登记的支部书记开通账号,角色为所在支部的支部书记;用户名可在开通后修改。</Typography.Text>
          <Table<BulkSecretaryRow>
            data-testid="bulk-preview"
            rowKey="organizationId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={preview.data.items}
            rowSelection={{
              selectedRowKeys: chosen,
              onChange: (keys) => setChosen(keys.map(Number)),
              getCheckboxProps: (row) => ({ disabled: row.skip !== null, 'aria-label': `选择${row.organizationName}` }),
            }}
            columns={[
              { title: '支部', dataIndex: 'organizationName' },
              { title: '书记', dataIndex: 'personName', render: (v: string | null) => v ?? '—' },
              { title: '用户名', dataIndex: 'username', render: (v: string | null) => v ?? '—' },
              { title: '说明', dataIndex: 'skip', render: (v: BulkSecretaryRow['skip']) => (v ? <Tag>{BULK_SKIP_REASON_LABELS[v]}</Tag> : <Tag color="green">可开通</Tag>) },
            ]}
          />
          {create.isError && <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} />}
          <Flex justify="end">
            <Button type="primary" disabled={chosen.length === 0} loading={create.isPending} onClick={submit}>
              开通所选{chosen.length > 0 ? `(${chosen.length})` : ''}
            </Button>
          </Flex>
        </Flex>
      )}
    </Drawer>
  );
}

function BulkResult({ result, onDone }: { result: BulkSecretaryResult; onDone: () => void }) {
  const { message } = App.useApp();
  const [printing, setPrinting] = useState(false);
  const print = async () => {
    setPrinting(true);
    try {
      await downloadCredentialSheet(result.credentials);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Alert
        type="warning"
        showIcon
        title={`已开通${result.credentials.length}个账号${result.skipped.length > 0 ? `,跳过${result.skipped.length}个支部` : ''}。一次性密码只显示这一次,请先下载交接单。`}
      />
      <Table<Credential>
        data-testid="bulk-credentials"
        rowKey="userId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={result.credentials}
        columns={[
          { title: '支部', dataIndex: 'organizationName' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '用户名', dataIndex: 'username' },
          { title: '一次性密码', dataIndex: 'oneTimePassword', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        ]}
      />
      {result.skipped.length > 0 && (
        <Typography.Text type="secondary">
          跳过:{result.skipped.map((r) => `${r.organizationName}(${r.skip ? BULK_SKIP_REASON_LABELS[r.skip] : '未开通'})`).join('、')}
        </Typography.Text>
      )}
      <Flex justify="end" gap={8} wrap>
        {result.credentials.length > 0 && (
          <Button type="primary" icon={<PrinterOutlined />} loading={printing} onClick={() => void print()}>下载交接单(A4)</Button>
        )}
        <Button onClick={onDone}>完成</Button>
      </Flex>
    </Flex>
  );
}
