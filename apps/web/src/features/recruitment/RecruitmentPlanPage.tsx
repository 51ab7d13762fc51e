import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Input, InputNumber, Result, Skeleton, Table, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '../../lib/icons';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { useMe } from '../../lib/session';
import { hasWorkRole, isTownAdmin } from '../../lib/roles';
import { usePlan, useSavePlan, type Plan } from './api';
import { useYearOrgParams, YearSelect } from './YearSelect';
import { PageTitle } from '../../components/PageTitle';

type PlanItem = Plan['items'][number];
interface Draft {
  quota: number | null;
  note: string;
}

/** 年度发展计划: the quota of each branch; the town sets it, the branches read it. */
export function RecruitmentPlanPage() {
  const { data: me } = useMe();
  const roles = me?.user.roles ?? [];
  const allowed = hasWorkRole(roles);
  const editable = isTownAdmin(roles);
  const { message } = App.useApp();
  const { year, update } = useYearOrgParams();
  const plan = usePlan(year, allowed);
  const save = useSavePlan();
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    if (!plan.data) return;
    setDrafts(Object.fromEntries(plan.data.items.map((item) => [item.organizationId, { quota: item.quota, note: item.note ?? '' }])));
    setSaveError(null);
  }, [plan.data]);

  if (!me) return <Skeleton active />;
  if (!allowed) return <Result status="403" title="没有权限查看" subTitle="年度发展计划供党组织书记和工作人员使用。" />;

  const draftOf = (item: PlanItem): Draft => drafts[item.organizationId] ?? { quota: item.quota, note: item.note ?? '' };
  const change = (id: number, patch: Partial<Draft>) =>
    setDrafts((old) => ({ ...old, [id]: { ...(old[id] ?? { quota: null, note: '' }), ...patch } }));

  const columns: TableColumnsType<PlanItem> = [
    { title: '党支部', dataIndex: 'organizationName', key: 'name' },
    {
      title: '计划名额',
      key: 'quota',
      width: 140,
      render: (_, item) =>
        editable ? (
          <InputNumber
            aria-label={`${item.organizationName}计划名额`}
            min={0}
            max={200}
            precision={0}
            value={draftOf(item).quota}
            onChange={(value) => change(item.organizationId, { quota: value ?? null })}
            style={{ width: '100%' }}
          />
        ) : (
          item.quota ?? '未定'
        ),
    },
    {
      title: '说明',
      key: 'note',
      render: (_, item) =>
        editable ? (
          <Input
            aria-label={`${item.organizationName}说明`}
            maxLength={200}
            value={draftOf(item).note}
            onChange={(event) => change(item.organizationId, { note: event.target.value })}
          />
        ) : (
          item.note ?? '—'
        ),
    },
  ];

  const onSave = () => {
    if (!plan.data) return;
    setSaveError(null);
    const items = plan.data.items
      .map((item) => ({ item, draft: draftOf(item) }))
      .filter(({ draft }) => draft.quota !== null)
      .map(({ item, draft }) => ({ organizationId: item.organizationId, quota: draft.quota ?? 0, note: draft.note.trim() || null }));
    save.mutate(
      { year, items },
      {
        onSuccess: () => message.success(`已保存${year}年度发展计划`),
        onError: (error) => {
          setSaveError(errorMessage(error));
          message.error(errorMessage(error));
        },
      },
    );
  };

  let body: ReactNode;
  if (plan.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (plan.isError) body = <LoadError title="年度发展计划加载失败" error={plan.error} onRetry={() => plan.refetch()} />;
  else if (plan.data.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有党支部" />;
  else {
    body = (
      <Table<PlanItem>
        rowKey="organizationId"
        size="small"
        columns={columns}
        dataSource={plan.data.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="plan-table"
      />
    );
  }

  return (
    <Flex vertical gap={12} data-testid="recruitment-plan">
      <div>
        <Link to="/recruitment">
          <ArrowLeftOutlined /> 返回发展党员
        </Link>
      </div>
      <Flex gap={8} wrap align="center" justify="space-between">
        <PageTitle>{year}年度发展党员计划</PageTitle>
        <YearSelect value={year} onChange={(value) => update({ year: value })} />
      </Flex>
      {!editable && <Alert type="info" showIcon title="年度发展计划由镇党委制定,此处只能查看。" />}
      <Card size="small">{body}</Card>
      {saveError && <Alert type="error" showIcon title="未能保存" description={saveError} />}
      {editable && plan.data && plan.data.items.length > 0 && (
        <div>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={onSave}>保存</Button>
        </div>
      )}
    </Flex>
  );
}
