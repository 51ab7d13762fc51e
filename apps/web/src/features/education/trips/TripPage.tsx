import { useState } from 'react';
import { App, Button, Descriptions, Flex, Form, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined } from '../../../lib/icons';
import { Link, useParams } from 'react-router';
import type { TripDetail } from '@dj/contracts';
import { LoadError } from '../../../components/LoadError';
import { errorMessage } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useTrip, useUpdateTrip } from './api';
import { TripActions } from './TripActions';
import { TRIP_FORM_FIELDS, TripFormModal, type TripFormValues } from './TripForm';
import { TripParticipants } from './TripParticipants';
import { TopicTags } from './TopicTags';
import { PageTitle } from '../../../components/PageTitle';

/** The report as Word or A4 PDF: the organiser's (it holds every unit's rows). */
function ReportButtons({ detail }: { detail: TripDetail }) {
  const { message } = App.useApp();
  const get = async (format: 'docx' | 'pdf') => {
    try {
      await downloadFile(`/api/education/trips/${detail.id}/report.${format}`, `${detail.title}对标学习报告.${format}`);
    } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} onClick={() => void get('docx')}>下载报告(Word)</Button>
      <Button icon={<DownloadOutlined />} onClick={() => void get('pdf')}>下载报告(PDF)</Button>
    </Space>
  );
}

function EditTrip({ detail }: { detail: TripDetail }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TripFormValues>();
  const [open, setOpen] = useState(false);
  const update = useUpdateTrip(detail.id);
  const onFinish = async ({ organizationId: _o, ...values }: TripFormValues) => {
    try {
      await update.mutateAsync({ ...values, note: values.note || null });
      message.success('已保存');
      setOpen(false);
    } catch (e) {
      if (!applyFieldErrors(form, e, TRIP_FORM_FIELDS)) message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)}>修改</Button>
      <TripFormModal open={open} onClose={() => setOpen(false)} form={form} detail={detail} organizers={[]} pending={update.isPending} onFinish={(v) => void onFinish(v)} />
    </>
  );
}

/** One trip: where, when, what about; who went and what they learnt; what follows, with owners and deadlines. */
export function TripPage() {
  const id = Number(useParams().id);
  const query = useTrip(id);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <LoadError title="对标学习加载失败" error={query.error} onRetry={() => query.refetch()} />;
  const detail = query.data;
  return (
    <Flex vertical gap={12}>
      <Link to="/education/trips"><ArrowLeftOutlined /> 对标学习</Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>{detail.title}</PageTitle>
        {detail.can.edit && <Space wrap><EditTrip detail={detail} /><ReportButtons detail={detail} /></Space>}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered items={[
        { key: 'where', label: '学习地点', children: detail.destination },
        { key: 'when', label: '学习时间', children: `${detail.startsOn}至${detail.endsOn}` },
        { key: 'org', label: '组织单位', children: detail.organizationName },
        { key: 'topics', label: '学习内容', children: <TopicTags topics={detail.topics} /> },
        ...(detail.note ? [{ key: 'note', label: '行程安排', children: <span style={{ whiteSpace: 'pre-wrap' }}>{detail.note}</span> }] : []),
      ]} />
      <TripParticipants detail={detail} />
      <TripActions detail={detail} />
    </Flex>
  );
}
