import { useEffect } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Table, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '../../lib/icons';
import { CreateDisclosureSchema, uploadAccept } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime, sizeText } from '../../lib/format';
import { PickFileButton } from '../../components/PickFileButton';
import {
  downloadDisclosureFile, useDeleteDisclosureFile, useImportDisclosureTable, useUpdateDisclosure, useUploadDisclosureFile,
  type Disclosure, type DisclosureFile,
} from './api';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

export interface EditorValues {
  title: string;
  period: string;
  content: string;
}

export const EDITOR_FIELDS = ['title', 'period', 'content'];

export const editorValuesOf = (d: Disclosure): EditorValues => ({ title: d.title, period: d.period, content: d.content });

/** The imported table as it will be published (first row = header). */
export function TablePreview({ table }: { table: NonNullable<Disclosure['table']> }) {
  const columns = table.header.map((title, index) => ({ title, key: String(index), dataIndex: String(index) }));
  const data = table.rows.map((row, r) => ({ key: r, ...Object.fromEntries(row.map((cell, c) => [String(c), cell])) }));
  return (
    <Table
      size="small"
      columns={columns}
      dataSource={data}
      pagination={data.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      data-testid="table-preview"
    />
  );
}

export function FileList({ disclosure, editable }: { disclosure: Disclosure; editable: boolean }) {
  const { message } = App.useApp();
  const remove = useDeleteDisclosureFile();
  const download = (file: DisclosureFile) =>
    downloadDisclosureFile(disclosure.id, file).catch((error: unknown) => message.error(errorMessage(error)));
  if (disclosure.files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有附件" />;
  return (
    <div className="task-items" data-testid="disclosure-files">
      {disclosure.files.map((file) => (
        <Flex key={file.id} className="task-item" gap={8} wrap align="center" justify="space-between">
          <Flex vertical>
            <Typography.Text>{file.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{sizeText(file.size)} · {formatDateTime(file.uploadedAt)}</Typography.Text>
          </Flex>
          <Flex gap={4}>
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(file)}>下载</Button>
            {editable && (
              <Popconfirm
                title={`删除“${file.name}”?`}
                okText="删除"
                cancelText="取消"
                onConfirm={() =>
                  remove.mutateAsync({ id: disclosure.id, fileId: file.id }).then(
                    () => message.success('附件已删除'),
                    (error: unknown) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除${file.name}`} />
              </Popconfirm>
            )}
          </Flex>
        </Flex>
      ))}
    </div>
  );
}

interface Props {
  disclosure: Disclosure;
  form: FormInstance<EditorValues>;
  onSave: () => void;
  saving: boolean;
}

/** 编辑: title, period and text, the table imported from xlsx, and the attachments, while draft or returned. */
export function DisclosureEditor({ disclosure, form, onSave, saving }: Props) {
  const { message } = App.useApp();
  const importTable = useImportDisclosureTable();
  const uploadFile = useUploadDisclosureFile();
  const update = useUpdateDisclosure();

  // Reset only when another disclosure is shown (a correction opens a new one); a save answers with the same values.
  const shownId = disclosure.id;
  useEffect(() => {
    form.resetFields();
  }, [form, shownId]);

  const onTable = (files: File[]) =>
    importTable.mutate(
      { id: disclosure.id, file: files[0] },
      {
        onSuccess: (d) => message.success(`已导入表格(${d.table?.rows.length ?? 0}行),请核对预览`),
        onError: (error) => message.error(errorMessage(error)),
      },
    );
  const onFiles = async (files: File[]) => {
    for (const file of files) {
      try {
        await uploadFile.mutateAsync({ id: disclosure.id, file });
        message.success(`已上传“${file.name}”`);
      } catch (error) {
        message.error(errorMessage(error));
        return;
      }
    }
  };
  const removeTable = () =>
    update.mutate(
      { id: disclosure.id, body: { table: null } },
      { onSuccess: () => message.success('表格已移除'), onError: (error) => message.error(errorMessage(error)) },
    );

  return (
    <Flex vertical gap={12}>
      <Card size="small" title="编辑公开内容" data-testid="disclosure-editor">
        <Form<EditorValues> form={form} name="disclosure-editor" layout="vertical" initialValues={editorValuesOf(disclosure)} onFinish={onSave}>
          <Form.Item label="标题" name="title" rules={rulesFor(CreateDisclosureSchema, 'title')}>
            <Input {...textPropsOf(CreateDisclosureSchema, 'title')} />
          </Form.Item>
          <Form.Item
            label="公开期间"
            name="period"
            rules={rulesFor(CreateDisclosureSchema, 'period')}
          >
            <Input maxLength={10} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item label="公开内容" name="content" rules={rulesFor(CreateDisclosureSchema, 'content')} extra="不得含身份证号、手机号等个人信息;公开前系统会做保密审查。">
            <Input.TextArea rows={8} {...textPropsOf(CreateDisclosureSchema, 'content')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} autoInsertSpace={false}>保存</Button>
        </Form>
      </Card>
      <Card
        size="small"
        title="表格"
        extra={
          <Flex gap={8}>
            <PickFileButton label="导入Excel表格" accept={uploadAccept('disclosureTable')} loading={importTable.isPending} onFiles={onTable} size="small">
              {disclosure.table ? '重新导入Excel' : '导入Excel表格'}
            </PickFileButton>
            {disclosure.table && (
              <Popconfirm title="移除导入的表格?" okText="移除" cancelText="取消" onConfirm={removeTable}>
                <Button size="small" danger loading={update.isPending}>移除表格</Button>
              </Popconfirm>
            )}
          </Flex>
        }
      >
        {disclosure.table ? (
          <TablePreview table={disclosure.table} />
        ) : (
          <Typography.Text type="secondary">可导入收支明细、补贴发放表等Excel(.xlsx)表格,第一行为表头。</Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title="附件"
        extra={
          <PickFileButton label="上传附件" multiple loading={uploadFile.isPending} onFiles={(files) => void onFiles(files)} size="small">
            上传附件
          </PickFileButton>
        }
      >
        <FileList disclosure={disclosure} editable />
      </Card>
    </Flex>
  );
}
