import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Flex, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined } from '../../lib/icons';
import { CHECKLIST_SATISFIED_BY_LABELS, FILE_CATEGORY_LABELS } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { useCheckItem, useDownloadDocument, useUploadFile, type ActivityDetail, type Checklist, type ChecklistItem, type FileCategory } from './api';
import { DengtaModal } from './DengtaModal';
import { FilePickButton } from '../../components/FilePickButton';
import { FilesSection } from './FilesSection';
import { STATUS_TEXT } from '../../lib/theme';

const FILE_BACKED: readonly string[] = ['plan', 'material', 'photo'];

interface ItemProps {
  detail: ActivityDetail;
  checklist: Checklist;
  item: ChecklistItem;
  editable: boolean;
  onDengta: () => void;
}

function ItemAction({ detail, checklist, item, editable, onDengta }: ItemProps) {
  const { message } = App.useApp();
  const upload = useUploadFile();
  const check = useCheckItem();
  const fail = (error: unknown) => message.error(errorMessage(error));

  if (item.satisfiedBy === 'confirm') {
    return (
      <Checkbox
        aria-label={item.label}
        checked={item.done}
        disabled={!editable || check.isPending}
        onChange={(e) => check.mutateAsync({ id: detail.id, templateId: checklist.templateId, itemKey: item.key, done: e.target.checked }).catch(fail)}
      >
        已落实
      </Checkbox>
    );
  }
  if (item.satisfiedBy === 'upload') {
    return (
      // The upload to 灯塔 comes last, after the sign-off: recording it stays open to the branch.
      <Button size="small" disabled={!detail.can.edit} onClick={onDengta}>
        {item.done ? '修改上传登记' : '登记灯塔上传'}
      </Button>
    );
  }
  if (!item.done && FILE_BACKED.includes(item.satisfiedBy) && editable) {
    const category = item.satisfiedBy as FileCategory;
    const uploadAll = async (files: File[]) => {
      try {
        for (const file of files) await upload.mutateAsync({ id: detail.id, category, file });
        message.success(`已上传${FILE_CATEGORY_LABELS[category]}`);
      } catch (error) {
        fail(error);
      }
    };
    return (
      <FilePickButton size="small" category={category} label={`上传${FILE_CATEGORY_LABELS[category]}:${item.label}`} loading={upload.isPending} onFiles={uploadAll}>
        上传{FILE_CATEGORY_LABELS[category]}
      </FilePickButton>
    );
  }
  return null;
}

function ChecklistCard(props: Omit<ItemProps, 'item'>) {
  const { checklist } = props;
  const done = checklist.items.filter((i) => i.done).length;
  return (
    <Card size="small" title={`${checklist.name}(${done}/${checklist.items.length})`} data-testid={`checklist-${checklist.templateId}`}>
      <div className="task-items">
        {checklist.items.map((item) => (
          <div key={item.key} className="task-item" data-testid={`checklist-item-${item.key}`} data-done={item.done}>
            <Flex gap={8} justify="space-between" align="center" wrap>
              <Flex gap={6} align="center">
                {item.done ? (
                  <CheckCircleFilled style={{ color: STATUS_TEXT.success }} aria-label="已完成" />
                ) : (
                  <CloseCircleFilled style={{ color: STATUS_TEXT.error }} aria-label="缺少" />
                )}
                <Typography.Text strong>{item.label}</Typography.Text>
              </Flex>
              <ItemAction {...props} item={item} />
            </Flex>
            <Typography.Text type={item.done ? 'secondary' : 'danger'}>
              {item.done ? (item.evidence ?? '已完成') : `缺少:${CHECKLIST_SATISFIED_BY_LABELS[item.satisfiedBy]}`}
            </Typography.Text>
          </div>
        ))}
      </div>
    </Card>
  );
}

export function EvidenceSection({ detail, editable }: { detail: ActivityDetail; editable: boolean }) {
  const { message } = App.useApp();
  const [dengta, setDengta] = useState(false);
  // The checklist's 上传 item carries the button when there is one; otherwise it sits under the lists.
  const hasUploadItem = detail.checklists.some((c) => c.items.some((i) => i.satisfiedBy === 'upload'));
  const download = useDownloadDocument();
  const downloadZip = () =>
    download.mutateAsync({ id: detail.id, doc: 'dengta.zip' }).then(
      (name) => message.success(`已开始下载“${name}”`),
      (error: unknown) => message.error(errorMessage(error)),
    );
  return (
    <Flex vertical gap={12}>
      {detail.checklists.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这类活动没有检查清单" />
      ) : (
        detail.checklists.map((c) => <ChecklistCard key={c.templateId} detail={detail} checklist={c} editable={editable} onDengta={() => setDengta(true)} />)
      )}
      <Flex gap={8} wrap align="center">
        <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={downloadZip}>下载灯塔上传包</Button>
        {detail.upload ? (
          <Typography.Text type="secondary">
            已于{detail.upload.uploadedOn}由{detail.upload.uploadedBy}上传灯塔,编号{detail.upload.reference}
          </Typography.Text>
        ) : (
          detail.can.edit && !hasUploadItem && <Button onClick={() => setDengta(true)}>登记灯塔上传</Button>
        )}
      </Flex>
      <FilesSection detail={detail} editable={editable} />
      {dengta && <DengtaModal detail={detail} open onClose={() => setDengta(false)} />}
    </Flex>
  );
}
