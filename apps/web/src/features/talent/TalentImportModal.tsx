import { useState } from 'react';
import { Alert, Button, Flex, Modal, Select, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '../../lib/icons';
import { uploadAccept, type ImportReport } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { useImportTalents } from './api';

const STATUS: Record<ImportReport['rows'][number]['status'], [string, string]> = {
  create: ['新增', 'green'], update: ['更新', 'blue'], unchanged: ['无变化', 'default'], invalid: ['有错误', 'red'], duplicate: ['重复', 'orange'],
};

/**
 * 导入人才名册: a dry run first, its row-by-row report, then the real import, which writes nothing while any row has an
 * error (all or nothing). The town imports into a village or the whole town (each row names its village).
 */
export function TalentImportModal({ open, onClose, targets }: { open: boolean; onClose: () => void; targets: { value: number; label: string }[] }) {
  const [orgId, setOrgId] = useState<number | undefined>(targets[0]?.value);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useImportTalents();
  const go = async (dryRun: boolean) => {
    if (!file || !orgId) return;
    setReport(await run.mutateAsync({ orgId, file, dryRun }));
  };
  const done = report && !report.dryRun && report.invalid === 0;
  return (
    <Modal title="导入人才名册" open={open} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">先试运行检查,全部通过后再正式导入;有一行不通过时不导入任何一行。</Typography.Text>
        <Flex gap={8} wrap>
          <Select<number> aria-label="导入到" value={orgId} onChange={(v) => { setOrgId(v); setReport(null); }} options={targets} style={{ minWidth: 180 }} />
          <Upload accept={uploadAccept('talentRoster')} maxCount={1} showUploadList={!!file}
            beforeUpload={(f) => { setFile(f); setReport(null); return false; }} onRemove={() => { setFile(null); setReport(null); }}>
            <Button icon={<UploadOutlined />}>选择文件(xlsx)</Button>
          </Upload>
          <Button type="link" onClick={() => void downloadFile('/api/talent/import-template', '人才名册导入模板.xlsx')}>下载模板</Button>
        </Flex>
        <Flex gap={8}>
          <Button disabled={!file} loading={run.isPending && run.variables?.dryRun} onClick={() => void go(true)}>试运行检查</Button>
          <Button type="primary" disabled={!report?.dryRun || report.invalid > 0 || report.valid === 0} loading={run.isPending && !run.variables?.dryRun} onClick={() => void go(false)}>正式导入</Button>
        </Flex>
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} />}
        {report && (
          <Alert type={report.invalid ? 'error' : 'success'} showIcon title={done
            ? `已导入:新增${report.created}人,更新${report.updated}人`
            : `共${report.total}行:可导入${report.valid}行,有错误${report.invalid}行${report.invalid ? ',请修改表格后重新检查(有错误时不导入任何一行)' : ''}`} />
        )}
        {report && (
          <Table size="small" rowKey={(r) => `${r.sheet}-${r.row}`} dataSource={report.rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }} columns={[
            { title: '行', render: (_, r) => (report.rows.some((x) => x.sheet !== r.sheet) ? `${r.sheet} 第${r.row}行` : `第${r.row}行`), width: 80 },
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '结果', render: (_, r) => <Tag color={STATUS[r.status][1]}>{STATUS[r.status][0]}</Tag>, width: 80 },
            { title: '问题', render: (_, r) => r.errors.map((e) => `${e.column}:${e.message}`).join(';') || '—' },
          ]} />
        )}
      </Flex>
    </Modal>
  );
}
