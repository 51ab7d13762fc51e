import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Modal,
  Progress,
  Result,
  Row,
  Statistic,
  Steps,
  Switch,
  Table,
  Tag,
  TreeSelect,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadFile,
} from 'antd';
import { FileExcelOutlined, UploadOutlined } from '../../lib/icons';
import { uploadAccept, type ImportReport, type Organization } from '@dj/contracts';
import { ApiError, errorMessage } from '../../lib/api-client';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useDownloadTemplate, useImportMembers } from './api';
import { IMPORT_STATUS_COLORS, IMPORT_STATUS_LABELS, importErrorText, isProblemRow } from './labels';
import { IMPORT_TARGET_KINDS, importTargetOptions } from '../../lib/org-options';
import { STATUS_TEXT } from '../../lib/theme';

type ReportRow = ImportReport['rows'][number];

interface Props {
  open: boolean;
  onClose: () => void;
  organizations: readonly Organization[];
  /** The roster's current organisation; preselected when it can take an import. */
  defaultOrgId: number | undefined;
}

const STEP_ITEMS = [{ title: '选择文件' }, { title: '检查结果' }, { title: '导入完成' }];

function isXlsx(file: File): boolean {
  return file.name.toLowerCase().endsWith('.xlsx');
}

/**
 * fetch reports no upload progress, so the bar creeps towards 95% while the server reads and checks the file,
 * and the label says what is happening; it never claims a percentage.
 */
function WaitingProgress({ label }: { label: string }) {
  const [percent, setPercent] = useState(5);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const seconds = (Date.now() - started) / 1000;
      setPercent(Math.min(95, Math.round(5 + 90 * (1 - Math.exp(-seconds / 4)))));
    }, 250);
    return () => clearInterval(timer);
  }, []);
  return (
    <div role="status" aria-live="polite" className="import-progress">
      <Progress percent={percent} status="active" showInfo={false} aria-label="导入进度" />
      <Typography.Text type="secondary">{label}</Typography.Text>
    </div>
  );
}

function Summary({ report }: { report: ImportReport }) {
  const cards: { key: string; title: string; value: number; color?: string }[] = [
    { key: 'total', title: '总行数', value: report.total },
    { key: 'valid', title: '可导入', value: report.valid, color: STATUS_TEXT.success },
    { key: 'invalid', title: '有问题', value: report.invalid, color: report.invalid > 0 ? '#C8161D' : undefined },
    { key: 'created', title: report.dryRun ? '将新增' : '已新增', value: report.created },
    { key: 'updated', title: report.dryRun ? '将更新' : '已更新', value: report.updated },
  ];
  return (
    <Row gutter={[8, 8]} data-testid="import-summary">
      {cards.map((card) => (
        <Col key={card.key} xs={8} sm={8} md={{ flex: '1 1 0' }}>
          <Card size="small">
            <Statistic title={card.title} value={card.value} styles={{ content: card.color ? { color: card.color } : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

const REPORT_COLUMNS: TableColumnsType<ReportRow> = [
  { title: '行号', dataIndex: 'row', width: 70 },
  { title: '姓名', dataIndex: 'name', width: 100, render: (_v, row) => row.name ?? '—' },
  {
    title: '结果',
    dataIndex: 'status',
    width: 90,
    render: (_v, row) => <Tag color={IMPORT_STATUS_COLORS[row.status]}>{IMPORT_STATUS_LABELS[row.status]}</Tag>,
  },
  {
    title: '问题说明',
    key: 'errors',
    render: (_v, row) =>
      row.errors.length === 0 && !row.notes?.length
        ? '—'
        : [
            ...row.errors.map((error, index) => (
              <div key={`e${index}`} className="import-error">
                {importErrorText(error)}
              </div>
            )),
            // Notes say what the import did with a row it accepted (e.g. 转正日期不详), not what blocks it.
            ...(row.notes ?? []).map((note, index) => (
              <div key={`n${index}`} className="import-note">
                {note}
              </div>
            )),
          ],
  },
];

/** A town's roster may have one sheet per branch: then rows are told apart by sheet as well as row number. */
const SHEET_COLUMN: TableColumnsType<ReportRow>[number] = { title: '工作表', dataIndex: 'sheet', width: 90 };
const rowKeyOf = (row: ReportRow) => `${row.sheet}!${row.row}`;

function ReportTable({ report }: { report: ImportReport }) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const rows = useMemo(() => (onlyProblems ? report.rows.filter(isProblemRow) : report.rows), [onlyProblems, report.rows]);
  const columns = useMemo(() => (new Set(report.rows.map((r) => r.sheet)).size > 1 ? [SHEET_COLUMN, ...REPORT_COLUMNS] : REPORT_COLUMNS), [report.rows]);
  return (
    <>
      <Flex align="center" gap={8} style={{ margin: '16px 0 8px' }}>
        <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} aria-label="只看有问题的行" />
        <Typography.Text>只看有问题的行</Typography.Text>
      </Flex>
      <Table<ReportRow>
        rowKey={rowKeyOf}
        size="small"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 520 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => `共 ${total} 行` }}
        rowClassName={(row) => (isProblemRow(row) ? 'import-row-problem' : '')}
        locale={{ emptyText: onlyProblems ? '没有有问题的行' : '文件中没有数据行' }}
      />
    </>
  );
}

/** Everything inside the modal; it is destroyed on close, so every opening starts at step 1 with no file. */
function WizardBody({ organizations, defaultOrgId, onClose }: Omit<Props, 'open'>) {
  const { message } = App.useApp();
  const importer = useImportMembers();
  const template = useDownloadTemplate();
  const options = useMemo(() => importTargetOptions(organizations), [organizations]);
  const eligible = (id: number | undefined) =>
    organizations.some((org) => org.id === id && org.status === 'active' && IMPORT_TARGET_KINDS.includes(org.kind));
  const [orgId, setOrgId] = useState<number | undefined>(eligible(defaultOrgId) ? defaultOrgId : undefined);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const step = result ? 2 : report ? 1 : 0;

  const fileList: UploadFile[] = file ? [{ uid: 'roster', name: file.name, status: 'done', size: file.size }] : [];

  const run = (dryRun: boolean) => {
    if (!file || !orgId) return;
    importer.mutate(
      { file, orgId, dryRun },
      {
        onSuccess: (answer) => {
          if (dryRun) {
            setReport(answer);
          } else {
            setResult(answer);
            message.success(`导入完成:新增 ${answer.created} 人,更新 ${answer.updated} 人`);
          }
        },
      },
    );
  };

  const back = () => {
    importer.reset();
    setReport(null);
    setFile(null);
  };

  const failure = importer.error;
  const error = failure && (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={report ? '导入失败,名册没有任何改动' : '文件检查失败'}
      description={
        <>
          <div>{errorMessage(failure)}</div>
          {failure instanceof ApiError && failure.fields.map((field, index) => <div key={index}>{field.message}</div>)}
        </>
      }
      style={{ marginTop: 16 }}
    />
  );

  let content;
  let footer;
  if (step === 0) {
    content = (
      <Form layout="vertical" component="div">
        <Form.Item
          label="导入到"
          required
          extra="选择党支部:名册中的党员编入该支部。选择镇党委或党总支:按名册中“所在党支部”一列分别编入其下各支部。"
        >
          <TreeSelect<number>
            aria-label="导入到"
            treeData={options}
            value={orgId}
            onChange={(value) => setOrgId(value ?? undefined)}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="请选择党支部、党总支或镇党委"
            notFoundContent="没有可选的组织"
            disabled={importer.isPending}
          />
        </Form.Item>
        <Form.Item
          label="名册文件"
          required
          extra={
            <span>
              仅支持 .xlsx 格式。请使用
              <Button
                type="link"
                size="small"
                className="inline-link-button"
                icon={<FileExcelOutlined />}
                loading={template.isPending}
                onClick={() => template.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}
              >
                导入模板
              </Button>
              填写,第一行为表头。
            </span>
          }
        >
          <Upload
            accept={uploadAccept('roster')}
            maxCount={1}
            fileList={fileList}
            beforeUpload={(picked) => {
              if (!isXlsx(picked)) {
                message.error('请选择 .xlsx 格式的Excel文件(旧版 .xls 请先另存为 .xlsx)');
                return Upload.LIST_IGNORE;
              }
              importer.reset();
              setFile(picked);
              // Nothing is sent until 开始检查: the file is kept in the browser.
              return false;
            }}
            onRemove={() => {
              setFile(null);
              return true;
            }}
            disabled={importer.isPending}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        {importer.isPending && <WaitingProgress label="正在上传并检查名册,请稍候…(检查不会写入任何数据)" />}
        {error}
      </Form>
    );
    footer = (
      <>
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" disabled={!file || !orgId} loading={importer.isPending} onClick={() => run(true)}>
          开始检查
        </Button>
      </>
    );
  } else if (step === 1 && report) {
    content = (
      <div data-testid="import-report">
        <Typography.Paragraph type="secondary">
          文件“{file?.name}”已检查完毕,尚未写入任何数据。
        </Typography.Paragraph>
        <Summary report={report} />
        {report.invalid > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={`有 ${report.invalid} 行存在问题,不会被导入。`}
            description="可按问题说明修改Excel后重新选择文件检查,也可以先导入可导入的行。"
          />
        )}
        <ReportTable report={report} />
        {importer.isPending && <WaitingProgress label="正在导入,请稍候…" />}
        {error}
      </div>
    );
    footer = (
      <>
        <Button onClick={back} disabled={importer.isPending}>
          重新选择文件
        </Button>
        <Button type="primary" disabled={report.valid === 0} loading={importer.isPending} onClick={() => run(false)}>
          导入可导入的 {report.valid} 行
        </Button>
      </>
    );
  } else if (result) {
    content = (
      <Result
        status="success"
        title="导入完成"
        subTitle={
          <>
            <div>
              新增 {result.created} 名党员,更新 {result.updated} 名党员。
            </div>
            {result.invalid > 0 && <div>另有 {result.invalid} 行有问题,未导入。</div>}
          </>
        }
      >
        <Summary report={result} />
      </Result>
    );
    footer = (
      <Button type="primary" onClick={onClose}>
        完成
      </Button>
    );
  }

  return (
    <>
      <Steps current={step} items={STEP_ITEMS} size="small" style={{ marginBottom: 24 }} />
      {content}
      <Flex justify="end" gap={8} wrap className="wizard-footer">
        {footer}
      </Flex>
    </>
  );
}

export function ImportWizard({ open, onClose, organizations, defaultOrgId }: Props) {
  const narrow = useNarrowScreen();
  return (
    <Modal
      title="批量导入党员"
      open={open}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      width={narrow ? '100%' : 900}
      style={narrow ? { top: 0, maxWidth: '100vw', paddingBottom: 0 } : undefined}
    >
      <WizardBody organizations={organizations} defaultOrgId={defaultOrgId} onClose={onClose} />
    </Modal>
  );
}
