import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Progress, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { CreateActivitySchema, FILE_CATEGORY_LABELS, UploadBodySchema, todayInShanghai } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { DateInput } from '../../components/DateInput';
import { useOnActivityChanged, type ActivityDetail, type FileCategory } from './api';
import { AttendanceList, type AttendanceRow } from './AttendanceSection';
import { FilePickButton } from '../../components/FilePickButton';
import { runSteps, themeDaySteps, type ThemeDayFields } from './theme-day-save';
import { rulesFor } from '../../lib/contract-rules';

export interface ConfirmItem {
  templateId: number;
  templateName: string;
  itemKey: string;
  label: string;
  done: boolean;
}

export interface ThemeDayInitial {
  existing?: ActivityDetail;
  organizationId: number;
  fields: ThemeDayFields;
  attendance: AttendanceRow[];
  confirmItems: ConfirmItem[];
}

const FILE_FIELDS: FileCategory[] = ['photo', 'plan', 'material'];
const FIELDS = ['heldOn', 'place', 'topic', 'host', 'recorder', 'minutes', 'resolutions'] as const;
type Picked = { category: FileCategory; file: File; key: string };
const itemId = (i: Pick<ConfirmItem, 'templateId' | 'itemKey'>) => `${i.templateId}:${i.itemKey}`;

function PickedFiles({ files, onRemove }: { files: Picked[]; onRemove: (key: string) => void }) {
  if (files.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {files.map((f) => (
        <Tag key={f.key} closable onClose={() => onRemove(f.key)}>{f.file.name}</Tag>
      ))}
    </Flex>
  );
}

export function ThemeDayForm({ initial }: { initial: ThemeDayInitial }) {
  const [form] = Form.useForm<ThemeDayFields>();
  const heldOn = Form.useWatch('heldOn', form) as string | undefined;
  const planned = !!heldOn && heldOn > todayInShanghai();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const narrow = useNarrowScreen();
  const onChanged = useOnActivityChanged();
  const [existing, setExisting] = useState(initial.existing);
  const [rows, setRows] = useState(initial.attendance);
  const [files, setFiles] = useState<Picked[]>([]);
  const [checks, setChecks] = useState<Record<string, boolean>>(() => Object.fromEntries(initial.confirmItems.map((i) => [itemId(i), i.done])));
  const [progress, setProgress] = useState<{ index: number; total: number; title: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const saving = progress !== null && failure === null;
  const locked = existing?.reviewStatus === 'signed_off';

  const addFiles = (category: FileCategory, picked: File[]) =>
    setFiles((old) => [...old, ...picked.map((file, i) => ({ category, file, key: `${category}-${Date.now()}-${i}-${file.name}` }))]);

  const save = async (fields: ThemeDayFields) => {
    const ordered = FILE_FIELDS.flatMap((c) => files.filter((f) => f.category === c));
    const steps = themeDaySteps({
      existing, organizationId: initial.organizationId, fields, attendance: rows, files: ordered, checks,
    });
    setFailure(null);
    try {
      const detail = await runSteps(steps, existing, (index) => setProgress({ index, total: steps.length, title: steps[index].title }));
      setProgress({ index: steps.length, total: steps.length, title: '已完成' });
      if (detail) {
        await onChanged(detail);
        if (detail.reviewStatus === 'submitted') message.success('已保存并提交督导签认');
        else message.warning('已保存。本支部还没有指派督导干部,暂未提交签认');
        navigate(`/activities/${detail.id}`);
      }
    } catch (error) {
      const { stepIndex = 0, detail } = error as { stepIndex?: number; detail?: ActivityDetail };
      // What was saved stays saved: a retry updates the record and does not upload the same files again.
      if (detail) {
        setExisting(detail);
        void onChanged(detail);
        const uploaded = new Set(ordered.slice(0, Math.max(0, stepIndex - 2)).map((f) => f.key));
        setFiles((old) => old.filter((f) => !uploaded.has(f.key)));
      }
      if (stepIndex === 0) applyFieldErrors(form, error, FIELDS);
      setFailure(`${steps[stepIndex]?.title ?? '保存'}失败:${errorMessage(error)}`);
    }
  };

  const confirmByTemplate = new Map<string, ConfirmItem[]>();
  for (const item of initial.confirmItems) confirmByTemplate.set(item.templateName, [...(confirmByTemplate.get(item.templateName) ?? []), item]);

  return (
    <Form<ThemeDayFields> form={form} layout="vertical" onFinish={save} initialValues={initial.fields} disabled={saving || locked}>
      <Flex vertical gap={12}>
        {locked && <Alert type="info" showIcon title="本月主题党日已由督导干部签认,不能再修改。" />}
        {existing && !locked && (
          <Alert type="info" showIcon title={`本月已有主题党日记录(${existing.heldOn}),在此补全后保存。`} />
        )}
        <Card size="small" title="基本信息">
          <Flex gap={narrow ? 0 : 12} wrap>
            <Form.Item name="heldOn" label="活动日期" rules={rulesFor(CreateActivitySchema, 'heldOn')} style={{ flex: '1 1 200px' }}>
              <DateInput />
            </Form.Item>
            <Form.Item name="place" label="活动地点" rules={rulesFor(CreateActivitySchema, 'place')} style={{ flex: '2 1 240px' }}>
              <Input />
            </Form.Item>
          </Flex>
          <Form.Item
            name="topic"
            label="活动主题"
            rules={rulesFor(CreateActivitySchema, 'topic')}
            extra="写本次学习或活动的实际内容,如学习的文件、讲话名称。"
          >
            <Input />
          </Form.Item>
          <Flex gap={narrow ? 0 : 12} wrap>
            <Form.Item name="host" label="主持人" rules={rulesFor(CreateActivitySchema, 'host')} style={{ flex: '1 1 160px' }}><Input /></Form.Item>
            <Form.Item name="recorder" label="记录人" rules={rulesFor(CreateActivitySchema, 'recorder')} style={{ flex: '1 1 160px' }}><Input /></Form.Item>
          </Flex>
          <Form.Item name="minutes" label="活动内容" rules={rulesFor(CreateActivitySchema, 'minutes')} extra="几句话即可,台账的“会议内容”印这一段。">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item name="resolutions" label="决议事项" rules={rulesFor(CreateActivitySchema, 'resolutions')} extra="没有决议写“无”,台账不再印“—”。">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Card>
        <Card size="small" title="出席情况" extra={<Typography.Text type="secondary">默认全部出席,点选改为请假或缺席</Typography.Text>}>
          <AttendanceList rows={rows} onChange={setRows} responses={existing?.responses ?? []} disabled={saving || locked} />
        </Card>
        <Card size="small" title="照片与材料">
          <Flex vertical gap={8}>
            {FILE_FIELDS.map((category) => (
              <Flex key={category} vertical gap={4}>
                <div>
                  <FilePickButton category={category} label={FILE_CATEGORY_LABELS[category]} disabled={saving || locked} onFiles={(picked) => addFiles(category, picked)} />
                </div>
                <PickedFiles files={files.filter((f) => f.category === category)} onRemove={(key) => setFiles((old) => old.filter((f) => f.key !== key))} />
              </Flex>
            ))}
            {existing && existing.files.length > 0 && (
              <Typography.Text type="secondary">已上传{existing.files.length}个文件,保存后可在详情页查看。</Typography.Text>
            )}
          </Flex>
        </Card>
        {!planned && (
          <Card size="small" title="灯塔上传登记" extra={<Typography.Text type="secondary">已上传“灯塔—党建在线”就填编号,未上传先空着</Typography.Text>}>
            <Flex gap={narrow ? 0 : 12} wrap>
              <Form.Item name="dengtaReference" label="灯塔记录编号" rules={rulesFor(UploadBodySchema, 'reference').filter((r) => !('required' in r))} style={{ flex: '2 1 200px' }}>
                <Input />
              </Form.Item>
              <Form.Item
                name="dengtaBy"
                label="上传人"
                dependencies={['dengtaReference']}
                rules={[
                  ...rulesFor(UploadBodySchema, 'uploadedBy').filter((r) => !('required' in r)),
                  ({ getFieldValue }) => ({
                    validator: (_, value?: string | null) => (getFieldValue('dengtaReference')?.trim() && !value?.trim()
                      ? Promise.reject(new Error('填了灯塔记录编号,请填写上传人')) : Promise.resolve()),
                  }),
                ]}
                style={{ flex: '1 1 140px' }}
              >
                <Input />
              </Form.Item>
              <Form.Item name="dengtaOn" label="上传日期" rules={rulesFor(UploadBodySchema, 'uploadedOn').filter((r) => !('required' in r))} style={{ flex: '1 1 160px' }}>
                <DateInput />
              </Form.Item>
            </Flex>
          </Card>
        )}
        {[...confirmByTemplate].map(([name, items]) => (
          <Card
            key={name}
            size="small"
            title={name}
            extra={(
              // Most months every item is in place: one tap instead of seven.
              <Button size="small" disabled={saving || locked} onClick={() => setChecks((old) => ({ ...old, ...Object.fromEntries(items.map((item) => [itemId(item), true])) }))}>
                全部已落实
              </Button>
            )}
          >
            <Flex gap={12} wrap>
              {items.map((item) => (
                <Checkbox
                  key={itemId(item)}
                  checked={checks[itemId(item)] ?? false}
                  onChange={(e) => setChecks((old) => ({ ...old, [itemId(item)]: e.target.checked }))}
                >
                  {item.label}
                </Checkbox>
              ))}
            </Flex>
          </Card>
        ))}
        {progress && (
          <Card size="small" data-testid="save-progress">
            <Typography.Text>{failure ? '保存中断' : progress.title}</Typography.Text>
            <Progress
              percent={Math.round((progress.index / progress.total) * 100)}
              status={failure ? 'exception' : progress.index >= progress.total ? 'success' : 'active'}
              aria-label="保存进度"
            />
          </Card>
        )}
        {failure && <Alert type="error" showIcon title={failure} description={existing ? '已保存的部分不会丢失,修正后再点一次即可继续。' : undefined} />}
        {!locked && (
          <Button type="primary" size="large" htmlType="submit" loading={saving} block={narrow}>
            {planned ? '保存活动计划' : '保存并提交督导签认'}
          </Button>
        )}
      </Flex>
    </Form>
  );
}
