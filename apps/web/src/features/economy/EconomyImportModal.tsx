import { useState } from 'react';
import { Alert, Button, Flex, Input, InputNumber, Modal, Popconfirm, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '../../lib/icons';
import { ECONOMY_LIMITS, uploadAccept, type EconomyImportReport } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { useImportIncome } from './api';

const STATUS: Record<EconomyImportReport['rows'][number]['status'], [string, string]> = {
  create: ['新增', 'green'], update: ['更新草稿', 'blue'], unchanged: ['无变化', 'default'], invalid: ['有错误', 'red'], duplicate: ['重复', 'orange'],
};

/**
 * 导入三资收入表: upload, a dry run with its row-by-row report, then the real import (all or nothing). Each village's
 * year becomes its draft, still to be submitted and approved. A year the file does not name is chosen here; a year
 * already approved needs the correction's reason.
 */
export function EconomyImportModal({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [report, setReport] = useState<EconomyImportReport | null>(null);
  const run = useImportIncome();
  const go = async (dryRun: boolean) => {
    if (!file) return;
    try {
      setReport(await run.mutateAsync({ file, dryRun, year: year ?? undefined, reason }));
    } catch { /* shown below from run.error */ }
  };
  const reset = () => setReport(null);
  const done = report && !report.dryRun && report.invalid === 0;
  return (
    <Modal title="导入三资系统收入表" open onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          支持每村一行(各收入一列,可有标题行、合并表头,单位万元或元)和每村每项一行(收入项目、金额两列)的表格。先试运行检查,全部通过后再正式导入;有一行不通过时不导入任何一行。导入后为草稿,仍须提交、审核。
        </Typography.Text>
        <Flex gap={8} wrap>
          <Upload accept={uploadAccept('incomeTable')} maxCount={1} showUploadList={!!file}
            beforeUpload={(f) => { setFile(f); reset(); return false; }} onRemove={() => { setFile(null); reset(); }}>
            <Button icon={<UploadOutlined />}>选择文件(xlsx)</Button>
          </Upload>
          <InputNumber<number> aria-label="年度" placeholder="年度(表中无年度时)" min={ECONOMY_LIMITS.firstYear} max={ECONOMY_LIMITS.lastYear} precision={0}
            value={year} onChange={(v) => { setYear(v); reset(); }} style={{ width: 170 }} />
          <Input aria-label="更正原因" placeholder="更正原因(已审核年度须填)" maxLength={ECONOMY_LIMITS.reason} value={reason}
            onChange={(e) => { setReason(e.target.value); reset(); }} style={{ width: 220 }} />
        </Flex>
        <Flex gap={8}>
          <Button disabled={!file} loading={run.isPending && run.variables?.dryRun} onClick={() => void go(true)}>试运行检查</Button>
          <Popconfirm title="确定正式导入?各村年度将保存为草稿。" okText="导入" cancelText="取消" onConfirm={() => go(false)}
            disabled={!report?.dryRun || report.invalid > 0 || report.valid === 0}>
            <Button type="primary" disabled={!report?.dryRun || report.invalid > 0 || report.valid === 0} loading={run.isPending && !run.variables?.dryRun}>正式导入</Button>
          </Popconfirm>
        </Flex>
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} />}
        {report && (
          <Alert type={report.invalid ? 'error' : 'success'} showIcon title={done
            ? `已导入:新增${report.created}个村年度,更新${report.updated}个村年度的草稿`
            : `共${report.total}行:可导入${report.valid}行,有错误${report.invalid}行${report.invalid ? ',请修改表格后重新检查(有错误时不导入任何一行)' : ''}`} />
        )}
        {report && (
          <Table size="small" rowKey={(r) => `${r.sheet}-${r.row}`} dataSource={report.rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }}
            data-testid="import-report" columns={[
              { title: '行', render: (_, r) => `第${r.row}行`, width: 72 },
              { title: '村', dataIndex: 'name', width: 100 },
              { title: '年度', render: (_, r) => r.notes?.join(';') ?? '—', width: 90 },
              { title: '结果', render: (_, r) => <Tag color={STATUS[r.status][1]}>{STATUS[r.status][0]}</Tag>, width: 90 },
              { title: '问题', render: (_, r) => r.errors.map((e) => `${e.column}:${e.message}`).join(';') || '—' },
            ]} />
        )}
      </Flex>
    </Modal>
  );
}
