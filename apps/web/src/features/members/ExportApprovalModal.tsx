import { Alert, Button, Form, Input, Typography } from 'antd';
import { CreateMemberExportRequestSchema, type MemberExportPreview } from '@dj/contracts';
import { Link } from 'react-router';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { useCreateExportRequest, type ExportQuery } from './api';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

interface Props {
  /** The preview that asked for approval; null keeps the modal closed. */
  preview: MemberExportPreview | null;
  query: ExportQuery;
  onClose: () => void;
  /** Download the masked roster instead (allowed without approval). */
  onMasked: () => void;
  maskedPending: boolean;
  onRequested: () => void;
}

interface Values { reason: string }

/**
 * 安全测试清单第27项: full ID numbers and phones of more than export.approvalThreshold members need a second
 * town admin's approval. Two ways on: the masked roster now, or a request with a reason.
 */
export function ExportApprovalModal({ preview, query, onClose, onMasked, maskedPending, onRequested }: Props) {
  const [form] = Form.useForm<Values>();
  const create = useCreateExportRequest();
  const threshold = preview?.threshold ?? 50;
  return (
    <FormModal<Values>
      title="导出完整名册须经审批"
      open={preview !== null}
      onClose={() => {
        create.reset();
        onClose();
      }}
      form={form}
      name="export-request"
      pending={create.isPending}
      okText="申请导出完整名册"
      onFinish={(values) =>
        create.mutate({ query, reason: values.reason.trim() }, {
          onSuccess: () => {
            create.reset();
            onRequested();
          },
        })
      }
      before={
        <>
          <Typography.Paragraph>
            本次导出 {preview?.rows ?? 0} 名党员,含完整身份证号和手机号。按本镇规定(安全测试清单第27项),导出完整身份证号和手机号超过
            {threshold}人,须经另一位镇党委管理员审批;审批同意后24小时内由申请人下载,文件带导出人和审批人水印。
          </Typography.Paragraph>
          <Typography.Paragraph>
            不需要完整号码时,可直接
            <Button type="link" size="small" onClick={onMasked} loading={maskedPending} style={{ paddingInline: 4 }}>
              导出脱敏名册
            </Button>
            (身份证号、手机号中间位以*代替,无需审批)。
            {preview && <> 今日还可导出 {preview.quotaLeft} 次。</>}
          </Typography.Paragraph>
        </>
      }
      after={
        <>
          {create.isError && <Alert type="error" showIcon title={errorMessage(create.error)} />}
          <Typography.Text type="secondary">
            申请进度见 <Link to="/members/exports">导出申请</Link>。
          </Typography.Text>
        </>
      }
    >
      <Form.Item
        name="reason"
        label="导出原因"
        rules={rulesFor(CreateMemberExportRequestSchema, 'reason')}
      >
        <Input.TextArea rows={3} {...textPropsOf(CreateMemberExportRequestSchema, 'reason')} placeholder="例如:换届选举前核对党员身份信息" />
      </Form.Item>
    </FormModal>
  );
}
