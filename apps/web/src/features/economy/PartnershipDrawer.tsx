import { useState } from 'react';
import { App, Button, Descriptions, Divider, Drawer, Flex, Form, List, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '../../lib/icons';
import {
  INCOME_SOURCE_LABELS, PARTNER_KIND_LABELS, uploadAccept, uploadKindsLabel, type PartnershipCreate, type PartnershipDetail,
} from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { PickFileButton } from '../../components/PickFileButton';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { applyFieldErrors } from '../../lib/form-errors';
import { sizeText } from '../../lib/format';
import { DUE_TAGS, PARTNERSHIP_STATUS_COLORS, partnershipStatusLabel } from './partnership-labels';
import { PARTNERSHIP_FORM_FIELDS, PartnershipForm, type PartnershipFormValues } from './PartnershipForm';
import { PartnershipYearsEditor, PartnershipYearsView } from './PartnershipYears';
import { useAgreementFiles, useCreatePartnership, usePartnership, useUpdatePartnership } from './partnerships-api';
import { ListItemMeta } from '../../components/ListItemMeta';

export type PartnershipTarget = number | 'new' | null;

/** The agreement files: download for every reader, upload and delete for those who keep the partnership. */
function AgreementFiles({ detail }: { detail: PartnershipDetail }) {
  const { message } = App.useApp();
  const { upload, remove } = useAgreementFiles(detail.id);
  const url = (fileId: number) => `/api/economy/partnerships/${detail.id}/files/${fileId}`;
  const run = async (what: () => Promise<unknown>, done: string) => {
    try { await what(); message.success(done); } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Flex vertical gap={8}>
      <List size="small" dataSource={detail.agreementFiles} locale={{ emptyText: '尚未上传合作协议' }} renderItem={(f) => (
        <List.Item actions={[
          <Button key="get" type="link" size="small" icon={<DownloadOutlined />} aria-label={`下载${f.name}`} onClick={() => void run(() => downloadFile(url(f.id), f.name), '已下载')} />,
          ...(detail.can.edit ? [
            <Popconfirm key="del" title="删除这个文件?" okText="删除" cancelText="取消" onConfirm={() => run(() => remove.mutateAsync(f.id), '已删除')}>
              <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${f.name}`} />
            </Popconfirm>,
          ] : []),
        ]}>
          <ListItemMeta title={f.name} description={`${sizeText(f.size)} · ${f.uploadedByName ?? ''} ${f.uploadedAt}`} />
        </List.Item>
      )} />
      {detail.can.edit && (
        <div>
          <PickFileButton label="上传合作协议" accept={uploadAccept('partnershipAgreement')} loading={upload.isPending}
            onFiles={(files) => void run(() => upload.mutateAsync(files[0]), '已上传合作协议')} />
          <Typography.Text type="secondary" style={{ display: 'block' }}>可上传 {uploadKindsLabel('partnershipAgreement')};照片会去除位置信息</Typography.Text>
        </div>
      )}
    </Flex>
  );
}

/** What a reader without the right to edit sees. */
function Summary({ detail }: { detail: PartnershipDetail }) {
  return (
    <Descriptions size="small" column={1} bordered items={[
      { key: 'partner', label: '合作方', children: `${PARTNER_KIND_LABELS[detail.partnerKind]} ${detail.partnerName}` },
      { key: 'source', label: '收入计入科目', children: INCOME_SOURCE_LABELS[detail.incomeSource] },
      { key: 'period', label: '期限', children: `${detail.startsOn ?? '—'} 至 ${detail.endsOn ?? '—'}${detail.signedOn ? `(${detail.signedOn}签订)` : ''}` },
      { key: 'terms', label: '合作内容', children: detail.terms ?? '—' },
      { key: 'branches', label: '联建党组织', children: [detail.villageName, ...detail.linkedOrgs.map((o) => o.name), detail.partnerBranchName].filter(Boolean).join('、') },
    ]} />
  );
}

/** One partnership: its form (new or kept by the caller) or its summary, then the yearly money and the agreement files. */
export function PartnershipDrawer({ target, villages, onClose, onCreated }: {
  target: PartnershipTarget; villages: { organizationId: number; villageName: string }[];
  onClose: () => void; onCreated: (id: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PartnershipFormValues>();
  const id = typeof target === 'number' ? target : null;
  const query = usePartnership(id);
  const create = useCreatePartnership();
  const update = useUpdatePartnership(id ?? 0);
  const detail = query.data ?? null;
  // An agreement opens on its summary: the yearly money and the files are what is updated most; 修改 opens the form.
  const [editing, setEditing] = useState(false);
  const editable = target === 'new' || (editing && Boolean(detail?.can.edit));
  const onFinish = async (values: PartnershipFormValues) => {
    const body = { ...values, terms: values.terms || null, partnerBranchName: values.partnerBranchName || null, linkedOrgIds: values.linkedOrgIds ?? [] };
    try {
      if (target === 'new') {
        const made = await create.mutateAsync(body as PartnershipCreate);
        message.success('已登记村企合作');
        onCreated(made.id);
      } else {
        const { organizationId: _org, ...rest } = body;
        await update.mutateAsync(rest);
        message.success('已保存');
      }
    } catch (e) {
      if (!applyFieldErrors(form, e, PARTNERSHIP_FORM_FIELDS)) message.error(errorMessage(e));
    }
  };
  const loading = id !== null && query.isPending;
  return (
    <Drawer open={target !== null} onClose={onClose} width={Math.min(600, window.innerWidth)} destroyOnHidden
      title={target === 'new' ? '登记村企合作' : detail ? `${detail.villageName} · ${detail.partnerName}` : '村企合作'}>
      {loading ? <Skeleton active /> : query.error ? <LoadError title="加载失败" error={query.error} onRetry={() => query.refetch()} /> : (
        <Flex vertical gap={12}>
          {detail && (
            <Flex gap={6} wrap>
              <Tag color={PARTNERSHIP_STATUS_COLORS[detail.status]}>{partnershipStatusLabel(detail.status)}</Tag>
              {detail.due && <Tag color={DUE_TAGS[detail.due].color}>{DUE_TAGS[detail.due].label}</Tag>}
            </Flex>
          )}
          {editable ? (
            <>
              <PartnershipForm form={form} detail={detail} villages={villages} onFinish={(v) => void onFinish(v)} />
              <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>{target === 'new' ? '登记' : '保存'}</Button>
            </>
          ) : detail && (
            <>
              <Summary detail={detail} />
              {detail.can.edit && <Button onClick={() => setEditing(true)}>修改合作信息</Button>}
            </>
          )}
          {detail && (
            <>
              <Divider style={{ margin: '8px 0' }}>各年度约定与到账</Divider>
              {detail.can.edit ? <PartnershipYearsEditor detail={detail} /> : <PartnershipYearsView years={detail.years} />}
              <Divider style={{ margin: '8px 0' }}>合作协议</Divider>
              <AgreementFiles detail={detail} />
            </>
          )}
          {target === 'new' && <Typography.Text type="secondary">登记后可填写各年度金额并上传合作协议。</Typography.Text>}
        </Flex>
      )}
    </Drawer>
  );
}
