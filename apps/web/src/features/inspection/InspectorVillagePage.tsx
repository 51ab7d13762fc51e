import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, ExclamationCircleOutlined } from '../../lib/icons';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { errorMessage, isApiError } from '../../lib/api-client';
import { formatDayOf } from '../../lib/format';
import { addDays, RecordInspectionResultSchema, todayInShanghai } from '@dj/contracts';
import { applyFieldErrors } from '../../lib/form-errors';
import { parseOrgId } from '../../lib/use-month-org-params';
import { DateInput } from '../../components/DateInput';
import {
  useDefaultRectificationDays, useRecordResult, useRound, useUploadResultPhoto,
  type InspectionItem, type InspectionResult, type InspectionRoundDetail,
} from './api';
import { PhotoStrip } from './PhotoStrip';
import { PickFileButton } from '../../components/PickFileButton';
import { RECTIFICATION_STATUS_COLORS, rectificationStatusLabel, resultCell } from './labels';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { PageTitle } from '../../components/PageTitle';

interface FindingValues {
  note: string;
  ownerName: string;
  dueOn: string | null;
  requiredEvidence: string;
}

const FINDING_FIELDS = ['note', 'ownerName', 'dueOn', 'requiredEvidence'];
const BIG = { height: 48, fontSize: 17 };
// The contract lets these be left out (an item found 合格 has none); a finding needs all three, as the API says.
const findingRules = (field: 'note' | 'ownerName' | 'requiredEvidence', requiredMessage?: string) =>
  rulesFor(RecordInspectionResultSchema, field, { required: true, requiredMessage });

interface ItemProps {
  round: InspectionRoundDetail;
  organizationId: number;
  item: InspectionItem;
  result: InspectionResult | undefined;
  defaultDueOn: string | null;
}

function ItemCard({ round, organizationId, item, result, defaultDueOn }: ItemProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FindingValues>();
  const record = useRecordResult();
  const upload = useUploadResultPhoto();
  const [finding, setFinding] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const canRecord = round.can.record && round.status === 'open';
  const cell = resultCell(result);
  // The town's default period may arrive after the form opened: fill it in unless the inspector already chose a date.
  useEffect(() => {
    if (finding && defaultDueOn && !form.getFieldValue('dueOn') && !form.isFieldTouched('dueOn')) form.setFieldValue('dueOn', defaultDueOn);
  }, [finding, defaultDueOn, form]);

  const uploadPhotos = async (resultId: number, files: File[]) => {
    for (const file of files) await upload.mutateAsync({ roundId: round.id, resultId, file });
  };

  const saveOk = () => {
    setError(null);
    record.mutate(
      { roundId: round.id, body: { organizationId, itemKey: item.key, outcome: 'ok' } },
      {
        onSuccess: () => {
          message.success(`“${item.label}”记录为合格`);
          setFinding(false);
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  const saveFinding = (values: FindingValues) => {
    setError(null);
    const body = {
      organizationId,
      itemKey: item.key,
      outcome: 'finding' as const,
      note: values.note.trim(),
      ownerName: values.ownerName.trim(),
      requiredEvidence: values.requiredEvidence.trim(),
      ...(values.dueOn ? { dueOn: values.dueOn } : {}),
    };
    record.mutate(
      { roundId: round.id, body },
      {
        onSuccess: async (saved) => {
          const savedResult = saved.villages.find((v) => v.organizationId === organizationId)?.results.find((r) => r.itemKey === item.key);
          try {
            if (savedResult && photos.length) await uploadPhotos(savedResult.id, photos);
            message.success(`已记录“${item.label}”发现的问题,并生成整改任务`);
            setPhotos([]);
            setFinding(false);
          } catch (e) {
            setError(`问题已记录,但照片上传失败:${errorMessage(e)}`);
          }
        },
        onError: (e) => {
          applyFieldErrors(form, e, FINDING_FIELDS);
          setError(errorMessage(e));
        },
      },
    );
  };

  const addPhotos = (files: File[]) => {
    if (!result) return;
    uploadPhotos(result.id, files).then(
      () => message.success('照片已上传'),
      (e: unknown) => message.error(errorMessage(e)),
    );
  };

  return (
    <Card size="small" data-testid={`item-${item.key}`} title={<span style={{ fontSize: 17 }}>{item.label}</span>} extra={<Tag color={cell.color}>{cell.label}</Tag>}>
      <Flex vertical gap={10}>
        {item.lookAt && <Typography.Text type="secondary">检查要点:{item.lookAt}</Typography.Text>}
        {result?.outcome === 'finding' && (
          <Flex vertical gap={4}>
            <Typography.Text>问题:{result.note ?? '—'}</Typography.Text>
            {result.rectificationId !== null && (
              <Flex gap={6} wrap align="center">
                <Link to={`/rectifications/${result.rectificationId}`}>查看整改任务</Link>
                {result.rectificationStatus && (
                  <Tag color={RECTIFICATION_STATUS_COLORS[result.rectificationStatus]}>{rectificationStatusLabel(result.rectificationStatus)}</Tag>
                )}
              </Flex>
            )}
          </Flex>
        )}
        {result && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {result.recordedByName ?? '检查组'}记录于 {formatDayOf(result.recordedAt)}
          </Typography.Text>
        )}
        {result && result.photos.length > 0 && <PhotoStrip files={result.photos} />}
        {canRecord && (
          <Flex gap={8}>
            <Button
              block
              type={result?.outcome === 'ok' ? 'primary' : 'default'}
              icon={<CheckOutlined />}
              style={BIG}
              autoInsertSpace={false}
              loading={record.isPending && !finding}
              onClick={saveOk}
            >
              合格
            </Button>
            <Button
              block
              danger
              type={result?.outcome === 'finding' || finding ? 'primary' : 'default'}
              icon={<ExclamationCircleOutlined />}
              style={BIG}
              autoInsertSpace={false}
              onClick={() => setFinding(true)}
            >
              发现问题
            </Button>
          </Flex>
        )}
        {canRecord && result && !finding && (
          <PickFileButton label={`${item.label}现场照片`} accept="image/*" capture="environment" multiple block loading={upload.isPending} onFiles={addPhotos}>
            拍照上传
          </PickFileButton>
        )}
        {finding && (
          <Form<FindingValues>
            form={form}
            name={`finding-${item.key}`}
            layout="vertical"
            onFinish={saveFinding}
            initialValues={{
              note: result?.outcome === 'finding' ? result.note ?? '' : '',
              ownerName: '',
              dueOn: defaultDueOn,
              requiredEvidence: '',
            }}
            data-testid={`finding-form-${item.key}`}
          >
            <Form.Item label="发现的问题" name="note" rules={findingRules('note', '请写明发现的问题')}>
              <Input.TextArea rows={3} {...textPropsOf(RecordInspectionResultSchema, 'note')} placeholder="例如:第三季度财务收支未公开" />
            </Form.Item>
            <Form.Item label="整改责任人" name="ownerName" rules={findingRules('ownerName')}>
              <Input {...textPropsOf(RecordInspectionResultSchema, 'ownerName')} placeholder="姓名" />
            </Form.Item>
            <Form.Item label="整改期限" name="dueOn" extra={defaultDueOn ? '默认按本镇设置的整改期限,可修改' : '不填则按本镇设置的默认整改期限'}>
              <DateInput min={todayInShanghai()} />
            </Form.Item>
            <Form.Item label="整改佐证要求" name="requiredEvidence" rules={findingRules('requiredEvidence', '请写明需要提交的整改佐证')}>
              <Input.TextArea rows={2} {...textPropsOf(RecordInspectionResultSchema, 'requiredEvidence')} placeholder="例如:补公开后的公开栏照片" />
            </Form.Item>
            <Flex vertical gap={6} style={{ marginBottom: 12 }}>
              <PickFileButton label={`${item.label}问题照片`} accept="image/*" capture="environment" multiple block onFiles={(files) => setPhotos((old) => [...old, ...files])}>
                拍照
              </PickFileButton>
              {photos.map((p, i) => (
                <Typography.Text key={`${p.name}-${i}`} type="secondary">{p.name}</Typography.Text>
              ))}
            </Flex>
            <Flex gap={8}>
              <Button block style={BIG} onClick={() => setFinding(false)}>取消</Button>
              <Button block type="primary" danger htmlType="submit" style={BIG} autoInsertSpace={false} loading={record.isPending || upload.isPending}>
                保存
              </Button>
            </Flex>
          </Form>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid={`item-error-${item.key}`} />}
      </Flex>
    </Card>
  );
}

/** The inspector's phone view of one village: one card per checklist item, big 合格 / 发现问题 buttons. */
export function InspectorVillagePage() {
  const params = useParams();
  const id = parseOrgId(params.id ?? null);
  const orgId = parseOrgId(params.orgId ?? null);
  const query = useRound(id);
  const days = useDefaultRectificationDays(query.data?.can.record ?? false);
  const back = <Link to={id ? `/inspections/${id}` : '/inspections'}><ArrowLeftOutlined /> 返回检查情况</Link>;

  if (id === undefined || orgId === undefined) return <Result status="404" title="记录不存在" extra={back} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Result status="404" title="记录不存在或无权查看" extra={back} />;
    return <LoadError title="检查情况加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  const round = query.data;
  const village = round.villages.find((v) => v.organizationId === orgId);
  if (!village) return <Result status="404" title="本次检查没有这个村,或无权查看" extra={back} />;
  const defaultDueOn = days === undefined ? null : addDays(todayInShanghai(), days);
  const recorded = round.items.filter((item) => village.results.some((r) => r.itemKey === item.key)).length;

  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto', width: '100%' }} data-testid="inspector-village">
      <div>{back}</div>
      <div>
        <PageTitle>{village.organizationName}</PageTitle>
        <Typography.Text type="secondary">{round.title} · 已查 {recorded} / {round.items.length} 项</Typography.Text>
      </div>
      {round.status === 'closed' && <Alert type="info" showIcon title="本次检查已结束,不能再记录检查结果" />}
      {round.status === 'open' && !round.can.record && <Alert type="info" showIcon title="检查结果由检查组记录,这里只能查看" />}
      {round.items.map((item) => (
        <ItemCard
          key={item.key}
          round={round}
          organizationId={orgId}
          item={item}
          result={village.results.find((r) => r.itemKey === item.key)}
          defaultDueOn={defaultDueOn}
        />
      ))}
    </Flex>
  );
}
