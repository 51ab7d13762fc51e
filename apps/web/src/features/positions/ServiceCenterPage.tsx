import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '../../lib/icons';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { errorMessage, isApiError } from '../../lib/api-client';
import { formatDayOf } from '../../lib/format';
import { applyFieldErrors } from '../../lib/form-errors';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useMe } from '../../lib/session';
import { hasWorkRole } from '../../lib/roles';
import { useSaveServiceCenter, useServiceCenter, type ServiceCenterDetail } from './api';
import { CENTER_FIELDS, CenterFormFields, centerInitialValues, toCenterBody, type CenterValues } from './CenterFormFields';
import { PhotosSection } from './PhotosSection';
import { ProjectsSection } from './ProjectsSection';
import { PageTitle } from '../../components/PageTitle';

function DetailsForm({ center }: { center: ServiceCenterDetail }) {
  const [form] = Form.useForm<CenterValues>();
  const save = useSaveServiceCenter();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const canEdit = center.can.edit;

  const onFinish = (values: CenterValues) => {
    setError(null);
    save.mutate(
      { orgId: center.organizationId, body: toCenterBody(values) },
      {
        onSuccess: () => message.success('已保存'),
        onError: (e) => {
          if (!applyFieldErrors(form, e, CENTER_FIELDS)) setError(errorMessage(e));
        },
      },
    );
  };

  return (
    <Form<CenterValues>
      form={form}
      layout="vertical"
      name="service-center"
      initialValues={centerInitialValues(center)}
      onFinish={onFinish}
      data-testid="center-form"
    >
      <CenterFormFields disabled={!canEdit} />
      {error && <Alert type="error" showIcon title="未能保存" description={error} style={{ marginBottom: 12 }} data-testid="center-save-error" />}
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={save.isPending} autoInsertSpace={false}>
          保存
        </Button>
      )}
    </Form>
  );
}

/** One village's 党群服务中心: the facts, photos and construction projects. */
export function ServiceCenterPage() {
  const id = parseOrgId(useParams().id ?? null);
  const { data: me } = useMe();
  const allowed = hasWorkRole(me?.user.roles ?? []);
  const center = useServiceCenter(allowed ? id : undefined);

  const back = (
    <div>
      <Link to="/positions">
        <ArrowLeftOutlined /> 返回阵地建设
      </Link>
    </div>
  );

  if (!me) return <Skeleton active />;
  if (!allowed) return <Result status="403" title="没有权限查看" />;
  if (id === undefined) return <Result status="404" title="记录不存在" extra={back} />;
  if (center.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (center.isError) {
    if (isApiError(center.error, 404)) return <Result status="404" title="记录不存在或无权查看" extra={back} />;
    return (
      <Flex vertical gap={12}>
        {back}
        <LoadError title="党群服务中心加载失败" error={center.error} onRetry={() => center.refetch()} />
      </Flex>
    );
  }
  const data = center.data;

  return (
    <Flex vertical gap={12} data-testid="service-center-page">
      {back}
      <Flex gap={8} wrap align="center">
        <PageTitle>{data.name}</PageTitle>
        {data.standard === 'high' && <Tag color="red">高标准</Tag>}
        {data.isDemo && <Tag>演示数据</Tag>}
      </Flex>
      <Typography.Text type="secondary">
        {data.organizationName} · 最后更新 {formatDayOf(data.updatedAt)}
      </Typography.Text>
      <Card size="small" title="基本信息">
        {/* Re-mount after a save so the form shows what the server kept. */}
        <DetailsForm key={data.updatedAt} center={data} />
      </Card>
      <Card size="small" title="照片">
        <PhotosSection centerId={data.id} photos={data.photos} canEdit={data.can.edit} />
      </Card>
      <Card size="small" title="建设项目">
        <ProjectsSection centerId={data.id} projects={data.projects} canEdit={data.can.edit} />
      </Card>
    </Flex>
  );
}
