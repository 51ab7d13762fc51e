import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Modal, Result, Row, Statistic, Steps, Table, Tag, Typography, Upload, type TableColumnsType, type UploadFile } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '../../lib/icons';
import { CADRE_IMPORT_MAX_ROWS, uploadAccept, type ImportReport } from '@dj/contracts';
import { ApiError, errorMessage } from '../../lib/api-client';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useDownloadCadreTemplate, useImportCadres } from './cadre-documents-api';
import { STATUS_TEXT } from '../../lib/theme';

type ReportRow = ImportReport['rows'][number];
const STATUS: Record<ReportRow['status'], [string, string]> = {
  create: ['新增', 'green'], update: ['更新', 'blue'], unchanged: ['已在任', 'default'], invalid: ['有问题', 'red'], duplicate: ['重复', 'orange'],
};
const isProblemRow = (row: ReportRow) => row.status === 'invalid' || row.status === 'duplicate' || row.errors.length > 0;
/** "列名:说明", the way the town finds the cell to fix. */
const importErrorText = (e: { column: string; message: string }) => (e.column ? `${e.column}:${e.message}` : e.message);
const STEP_ITEMS = [{ title: '选择文件' }, { title: '检查结果' }, { title: '导入完成' }];

const COLUMNS: TableColumnsType<ReportRow> = [
  { title: '行号', dataIndex: 'row', width: 64 },
  { title: '姓名', dataIndex: 'name', width: 90, render: (_v, row) => row.name ?? '—' },
  { title: '结果', dataIndex: 'status', width: 84, render: (_v, row) => <Tag color={STATUS[row.status][1]}>{STATUS[row.status][0]}</Tag> },
  {
    title: '问题说明', key: 'errors', render: (_v, row) => (row.errors.length === 0 && !row.notes?.length ? '—' : [
      ...row.errors.map((e, i) => <div key={`e${i}`} className="import-error">{importErrorText(e)}</div>),
      ...(row.notes ?? []).map((n, i) => <div key={`n${i}`} className="import-note">{n}</div>),
    ]),
  },
];

function Summary({ report }: { report: ImportReport }) {
  const cards = [
    { title: '总行数', value: report.total }, { title: '可导入', value: report.valid, color: STATUS_TEXT.success },
    { title: '有问题', value: report.invalid, color: report.invalid ? '#C8161D' : undefined }, { title: report.dryRun ? '将新增' : '已新增', value: report.created },
  ];
  return (
    <Row gutter={[8, 8]} data-testid="cadre-import-summary">
      {cards.map((c) => (
        <Col key={c.title} xs={12} sm={6}><Card size="small"><Statistic title={c.title} value={c.value} styles={{ content: c.color ? { color: c.color } : undefined }} /></Card></Col>
      ))}
    </Row>
  );
}

function FileStep({ file, setFile, pending, onReset }: { file: File | null; setFile: (f: File | null) => void; pending: boolean; onReset: () => void }) {
  const { message } = App.useApp();
  const template = useDownloadCadreTemplate();
  const fileList: UploadFile[] = file ? [{ uid: 'cadres', name: file.name, status: 'done', size: file.size }] : [];
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        本村村“两委”成员名册(.xlsx,不超过{CADRE_IMPORT_MAX_ROWS}行):姓名、身份证号、职务、任职时间必填,性别、联系电话、是否党员选填;列的顺序和名称(如“现任职务”“任现职时间”“政治面貌”)不限,表头上方可有标题行。
        可用
        <Button type="link" size="small" className="inline-link-button" icon={<FileExcelOutlined />} loading={template.isPending}
          onClick={() => template.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}>导入模板</Button>
        填写。
      </Typography.Paragraph>
      <Upload accept={uploadAccept('roster')} maxCount={1} fileList={fileList} disabled={pending}
        beforeUpload={(picked) => {
          if (!picked.name.toLowerCase().endsWith('.xlsx')) {
            message.error('请选择 .xlsx 格式的Excel文件(旧版 .xls 请先另存为 .xlsx)');
            return Upload.LIST_IGNORE;
          }
          onReset();
          setFile(picked);
          return false;
        }}
        onRemove={() => { setFile(null); return true; }}>
        <Button icon={<UploadOutlined />}>选择文件</Button>
      </Upload>
    </Flex>
  );
}

function WizardBody({ orgId, villageName, onClose }: { orgId: number; villageName: string; onClose: () => void }) {
  const { message } = App.useApp();
  const importer = useImportCadres(orgId);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const step = result ? 2 : report ? 1 : 0;
  const run = (dryRun: boolean) => file && importer.mutate({ file, dryRun }, {
    onSuccess: (answer) => {
      if (dryRun) setReport(answer);
      else { setResult(answer); message.success(`导入完成:新增 ${answer.created} 人的任职记录`); }
    },
  });
  const failure = importer.error;
  const error = failure && (
    <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={report ? '导入失败,没有写入任何记录' : '文件检查失败'}
      description={<><div>{errorMessage(failure)}</div>{failure instanceof ApiError && failure.fields.map((f, i) => <div key={i}>{f.message}</div>)}</>} />
  );
  let content;
  let footer;
  if (step === 0) {
    content = <><FileStep file={file} setFile={setFile} pending={importer.isPending} onReset={() => importer.reset()} />{error}</>;
    footer = <><Button onClick={onClose}>取消</Button><Button type="primary" disabled={!file} loading={importer.isPending} onClick={() => run(true)}>开始检查</Button></>;
  } else if (step === 1 && report) {
    content = (
      <div data-testid="cadre-import-report">
        <Typography.Paragraph type="secondary">文件“{file?.name}”已检查完毕,尚未写入任何数据。</Typography.Paragraph>
        <Summary report={report} />
        {report.invalid > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={`有 ${report.invalid} 行存在问题`}
          description="村“两委”名册须整体导入:请按问题说明修改Excel后重新选择文件检查。" />}
        <Table<ReportRow> style={{ marginTop: 12 }} rowKey={(r) => `${r.sheet}!${r.row}`} size="small" columns={COLUMNS} dataSource={report.rows} scroll={{ x: 480 }}
          pagination={false} rowClassName={(r) => (isProblemRow(r) ? 'import-row-problem' : '')} locale={{ emptyText: '文件中没有数据行' }} />
        {error}
      </div>
    );
    footer = (
      <>
        <Button onClick={() => { importer.reset(); setReport(null); setFile(null); }} disabled={importer.isPending}>重新选择文件</Button>
        <Button type="primary" disabled={report.invalid > 0 || report.created === 0} loading={importer.isPending} onClick={() => run(false)}>
          导入 {report.created} 人
        </Button>
      </>
    );
  } else if (result) {
    content = <Result status="success" title="导入完成" subTitle={`${villageName}新增 ${result.created} 人的任职记录,每项任职都已记入变动记录。`}><Summary report={result} /></Result>;
    footer = <Button type="primary" onClick={onClose}>完成</Button>;
  }
  return (
    <>
      <Steps current={step} items={STEP_ITEMS} size="small" style={{ marginBottom: 16 }} />
      {content}
      <Flex justify="end" gap={8} wrap className="wizard-footer" style={{ marginTop: 16 }}>{footer}</Flex>
    </>
  );
}

/** 导入两委名册: pick an xlsx, read the dry run's row-by-row report, then import the whole file (or nothing). */
export function CadreImportWizard({ orgId, villageName, open, onClose }: { orgId: number; villageName: string; open: boolean; onClose: () => void }) {
  const narrow = useNarrowScreen();
  return (
    <Modal title={`导入${villageName}村“两委”成员名册`} open={open} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}
      width={narrow ? '100%' : 820} style={narrow ? { top: 0, maxWidth: '100vw', paddingBottom: 0 } : undefined}>
      <WizardBody orgId={orgId} villageName={villageName} onClose={onClose} />
    </Modal>
  );
}
