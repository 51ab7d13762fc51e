import { useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '../../lib/icons';
import { BULK_SKIP_REASON_LABELS, type BulkSecretariesResult, type BulkSecretaryRow, type Credential } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { downloadCredentialSheet, useBulkCreate, useBulkPreview } from './api';

/**
 * 批量开通书记账号 (issue 12 point 4): the town's branches with their secretary from the organisation tree and roster,
 * and why a branch is skipped; one button makes every account the preview says it can, in one step, and the one-time
 * passwords are shown once with the A4 hand-out sheet to print (the same sheet as a single reset's).
 */
export function BulkSecretariesDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const narrow = useNarrowScreen();
  const preview = useBulkPreview(open);
  const create = useBulkCreate();
  const [result, setResult] = useState<BulkSecretariesResult | null>(null);
  const close = () => {
    // The one-time passwords leave memory with the drawer.
    setResult(null);
    create.reset();
    onClose();
  };
  const creatable = preview.data?.items.filter((r) => r.skip === null).length ?? 0;
  const submit = () => create.mutate(undefined, { onSuccess: setResult });
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
          <Typography.Text type="secondary">按党员名册中党内职务为书记的党员开通账号,角色为所在支部的支部书记,用户名为 sj 加支部编号;首次登录须修改一次性密码。</Typography.Text>
          <Table<BulkSecretaryRow>
            data-testid="bulk-preview"
            rowKey="organizationId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={preview.data.items}
            columns={[
              { title: '支部', dataIndex: 'organizationName' },
              { title: '书记', dataIndex: 'personName', render: (v: string | null) => v ?? '—' },
              { title: '用户名', dataIndex: 'username', render: (v: string | null) => v ?? '—' },
              { title: '说明', dataIndex: 'skip', render: (v: BulkSecretaryRow['skip']) => (v ? <Tag>{BULK_SKIP_REASON_LABELS[v]}</Tag> : <Tag color="green">可开通</Tag>) },
            ]}
          />
          {create.isError && <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} />}
          <Flex justify="end">
            <Button type="primary" disabled={creatable === 0} loading={create.isPending} onClick={submit}>
              {creatable > 0 ? `开通${creatable}个书记账号` : '没有需要开通的账号'}
            </Button>
          </Flex>
        </Flex>
      )}
    </Drawer>
  );
}

function BulkResult({ result, onDone }: { result: BulkSecretariesResult; onDone: () => void }) {
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
        title={`已开通${result.credentials.length}个账号${result.skipped.length > 0 ? `,跳过${result.skipped.length}个支部` : ''}。一次性密码只显示这一次,请先打印账号交接单。`}
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
          <Button type="primary" icon={<PrinterOutlined />} loading={printing} onClick={() => void print()}>打印账号交接单</Button>
        )}
        <Button onClick={onDone}>完成</Button>
      </Flex>
    </Flex>
  );
}
