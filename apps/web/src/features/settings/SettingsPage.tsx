import { useState, type ReactNode } from 'react';
import { LoadError } from '../../components/LoadError';
import { App, Button, Card, Flex, Form, InputNumber, Result, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { EditOutlined } from '../../lib/icons';
import type { Setting } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { applyFieldErrors } from '../../lib/form-errors';
import { formatFen } from '../../lib/money';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useMe } from '../../lib/session';
import { canEditSettings } from '../../lib/roles';
import { useSettings } from '../../lib/settings';
import { useUpdateSetting } from './api';
import { PageTitle } from '../../components/PageTitle';

/** '20分(¥0.20)': an amount kept in 分 also reads in 元. */
export function valueText(value: number, unit: string): string {
  return unit === '分' ? `${value}分(${formatFen(value)})` : `${value}${unit}`;
}

function changedText(setting: Setting): string {
  if (!setting.updatedAt) return '未修改(使用默认值)';
  return `${setting.updatedBy ?? '—'} · ${formatDateTime(setting.updatedAt)}`;
}

interface EditValues {
  value: number | null;
}

/** The value cell while editing: a whole number within the setting's range, saved on 保存. */
function ValueEditor({ setting, onDone }: { setting: Setting; onDone: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  const update = useUpdateSetting();

  const onFinish = ({ value }: EditValues) => {
    if (value === null) return;
    if (value === setting.value) {
      onDone();
      return;
    }
    update.mutate(
      { key: setting.key, value },
      {
        onSuccess: (saved) => {
          message.success(`已将“${saved.label}”改为${valueText(saved.value, saved.unit)}`);
          onDone();
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['value']);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Form<EditValues>
      form={form}
      name={`setting-${setting.key}`}
      initialValues={{ value: setting.value }}
      onFinish={onFinish}
      className="setting-editor"
    >
      <Form.Item
        name="value"
        rules={[
          { required: true, message: '请填写数值' },
          {
            type: 'integer',
            min: setting.min,
            max: setting.max,
            message: `应为${setting.min}至${setting.max}之间的整数`,
          },
        ]}
        extra={`可设范围:${setting.min}至${setting.max}${setting.unit}`}
        style={{ marginBottom: 8 }}
      >
        <InputNumber<number>
          min={setting.min}
          max={setting.max}
          precision={0}
          suffix={setting.unit}
          aria-label={setting.label}
          autoFocus
          style={{ width: 160, maxWidth: '100%' }}
        />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" size="small" loading={update.isPending}>
          保存
        </Button>
        <Button size="small" onClick={onDone} disabled={update.isPending}>
          取消
        </Button>
      </Space>
    </Form>
  );
}

function ValueCell({
  setting,
  editing,
  onEdit,
  onDone,
}: {
  setting: Setting;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
}) {
  if (editing) return <ValueEditor setting={setting} onDone={onDone} />;
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text strong data-testid={`setting-value-${setting.key}`}>
        {valueText(setting.value, setting.unit)}
      </Typography.Text>
      <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={`修改${setting.label}`}>
        修改
      </Button>
    </Flex>
  );
}

function SettingCard({ setting, editing, onEdit, onDone }: { setting: Setting; editing: boolean; onEdit: () => void; onDone: () => void }) {
  return (
    <Card size="small" title={setting.label} data-testid="setting-card">
      <Flex vertical gap={8}>
        <ValueCell setting={setting} editing={editing} onEdit={onEdit} onDone={onDone} />
        <div className="member-card-lines">
          <div>默认值:{valueText(setting.defaultValue, setting.unit)}</div>
          <div>依据:{setting.source}</div>
          <div>最近修改:{changedText(setting)}</div>
        </div>
      </Flex>
    </Card>
  );
}

export function SettingsPage() {
  const { data: me } = useMe();
  const allowed = canEditSettings(me);
  const narrow = useNarrowScreen();
  const settings = useSettings(allowed);
  const [editing, setEditing] = useState<string | null>(null);

  if (!allowed) {
    return <Result status="403" title="没有权限查看" subTitle="本镇设置只有镇党委管理员可以查看和修改。" />;
  }

  const cell = (setting: Setting) => (
    <ValueCell
      setting={setting}
      editing={editing === setting.key}
      onEdit={() => setEditing(setting.key)}
      onDone={() => setEditing(null)}
    />
  );

  const columns: TableColumnsType<Setting> = [
    { title: '设置项', dataIndex: 'label', width: 170 },
    { title: '当前值', key: 'value', width: 230, render: (_v, setting) => cell(setting) },
    { title: '默认值', key: 'default', width: 110, render: (_v, s) => valueText(s.defaultValue, s.unit) },
    { title: '依据/说明', dataIndex: 'source', render: (source: string) => <span className="setting-source">{source}</span> },
    { title: '最近修改', key: 'changed', width: 170, render: (_v, s) => changedText(s) },
  ];

  let body: ReactNode;
  if (settings.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (settings.isError) {
    body = (
      <LoadError title="本镇设置加载失败" error={settings.error} onRetry={() => settings.refetch()} />
    );
  } else if (narrow) {
    body = (
      <Flex vertical gap={8} data-testid="settings-table">
        {settings.data.map((setting) => (
          <SettingCard
            key={setting.key}
            setting={setting}
            editing={editing === setting.key}
            onEdit={() => setEditing(setting.key)}
            onDone={() => setEditing(null)}
          />
        ))}
      </Flex>
    );
  } else {
    body = (
      <div data-testid="settings-table">
        <Table<Setting> rowKey="key" size="small" columns={columns} dataSource={settings.data} pagination={false} />
      </div>
    );
  }

  return (
    <Flex vertical gap={12} className="settings-page">
      <div>
        <PageTitle>
          本镇设置
        </PageTitle>
        <Typography.Text type="secondary">
          由本镇根据上级规定确定的规则;中央统一规定的标准不在此修改。每次修改都记入审计日志。
        </Typography.Text>
      </div>
      {body}
    </Flex>
  );
}
