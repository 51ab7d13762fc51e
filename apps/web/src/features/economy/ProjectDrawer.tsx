import { App, Button, Divider, Drawer, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '../../lib/icons';
import {
  ACTOR_LIMITS, PROJECT_DATE_LABELS, PROJECT_LIMITS, PROJECT_STAGE_DATES, PROJECT_STAGE_LABELS, PROJECT_STAGES, ProjectInputSchema, projectDateProblem, todayInShanghai,
  type EconomyVillageRef, type Project, type ProjectStage,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { ProjectIncomes } from './ProjectIncomes';
import { ProjectPhotos } from './ProjectPhotos';
import { fenToWan, useLinkOptions, useSaveProject, wanToFen } from './records-api';

type DateField = (typeof PROJECT_STAGE_DATES)[ProjectStage];
interface Values extends Partial<Record<DateField, string | null>> {
  name: string; investmentWan: number; funding?: { source: string; amountWan: number }[]; stage: ProjectStage;
  acceptanceNote?: string; fourTwoId?: number | null; disclosureId?: number | null; note?: string;
}
const STAGE_OPTIONS = PROJECT_STAGES.map((s) => ({ value: s, label: PROJECT_STAGE_LABELS[s] }));
const MAX_WAN = ACTOR_LIMITS.maxFen / 1_000_000;

type Option = { value: number; label: string };
/** The picker's options, and the record's current link when the picker does not hold it (a reader asks for no options). */
const withLinked = (options: Option[] | undefined, linked: Option | null | undefined): Option[] =>
  (linked && !options?.some((o) => o.value === linked.value) ? [...(options ?? []), linked] : options ?? []);

function valuesOf(p: Project): Values {
  return {
    name: p.name, investmentWan: fenToWan(p.investmentFen) ?? 0, funding: p.funding.map((f) => ({ source: f.source, amountWan: fenToWan(f.amountFen) ?? 0 })),
    stage: p.stage, approvedOn: p.approvedOn, startedOn: p.startedOn, acceptedOn: p.acceptedOn, operatingOn: p.operatingOn,
    acceptanceNote: p.acceptanceNote ?? undefined, fourTwoId: p.fourTwo?.id ?? null, disclosureId: p.disclosure?.id ?? null, note: p.note ?? undefined,
  };
}

/** Adding or editing a 村级项目: investment and its sources, the dated stages, 验收, the links; then its 收益 and photos. */
export function ProjectDrawer({ target, onClose }: { target: { village: EconomyVillageRef; project: Project | null } | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const project = target?.project ?? null;
  const save = useSaveProject(project?.id ?? null);
  const options = useLinkOptions(target?.village.canEdit ? target.village.organizationId : null);
  // Until the form has mounted the watch is empty: the record's own stage, so its dates show from the first paint.
  const stage = Form.useWatch('stage', form) ?? project?.stage ?? 'approved';
  const reached = PROJECT_STAGES.indexOf(stage);
  // A fresh form for each record opened (the key), not when the list refetches the same record.
  const opened = target ? `${target.village.organizationId}:${project?.id ?? 'new'}` : undefined;

  const onFinish = async ({ investmentWan, funding, ...v }: Values) => {
    const dates = Object.fromEntries(PROJECT_STAGES.map((s, i) => [PROJECT_STAGE_DATES[s], i <= reached ? v[PROJECT_STAGE_DATES[s]] ?? null : null])) as Record<DateField, string | null>;
    const problem = projectDateProblem({ stage: v.stage, ...dates }, todayInShanghai());
    if (problem) {
      form.setFields([{ name: problem.field as DateField, errors: [problem.message] }]);
      return;
    }
    const body = {
      ...v, ...dates, investmentFen: wanToFen(investmentWan) ?? 0, funding: (funding ?? []).map((f) => ({ source: f.source, amountFen: wanToFen(f.amountWan) ?? 0 })),
      acceptanceNote: reached >= 2 ? v.acceptanceNote : null, fourTwoId: v.fourTwoId ?? null, disclosureId: v.disclosureId ?? null,
    };
    try {
      await save.mutateAsync(project ? body : { ...body, organizationId: target!.village.organizationId });
      message.success(project ? '已保存' : '已登记,可继续上传照片、填报收益');
      if (!project) onClose();
    } catch (e) { message.error(errorMessage(e)); }
  };

  const editable = project ? project.can.edit : true;
  return (
    <Drawer open={target !== null} onClose={onClose} width={Math.min(600, window.innerWidth)} destroyOnHidden
      title={target ? `${target.village.villageName} · ${project ? project.name : '登记村级项目'}` : '村级项目'}>
      <Form form={form} layout="vertical" name="economy-project" onFinish={(v) => void onFinish(v)} aria-label="村级项目" disabled={!editable}
        key={opened} initialValues={project ? valuesOf(project) : { stage: 'approved', funding: [] }}>
        <Form.Item name="name" label="项目名称" rules={rulesFor(ProjectInputSchema, 'name')}><Input {...textPropsOf(ProjectInputSchema, 'name')} placeholder="如:木耳大棚二期" /></Form.Item>
        <Form.Item name="investmentWan" label="总投资(万元)" rules={[{ required: true, message: '请填写总投资' }]}><InputNumber min={0} max={MAX_WAN} precision={4} style={{ width: '100%' }} /></Form.Item>
        <Form.List name="funding">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              <span>资金来源</span>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[f.name, 'source']} style={{ flex: '2 1 160px', marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: '请填写资金来源' }]}>
                    <Input aria-label="资金来源" placeholder="如:财政衔接资金" count={{ show: true, max: PROJECT_LIMITS.fundingSource }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountWan']} style={{ flex: '1 1 110px', marginBottom: 8 }} rules={[{ required: true, message: '请填写金额' }]}>
                    <InputNumber aria-label="金额(万元)" placeholder="万元" min={0} max={MAX_WAN} precision={4} style={{ width: '100%' }} />
                  </Form.Item>
                  {editable && <Button type="text" aria-label="删除资金来源" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />}
                </Flex>
              ))}
              {editable && fields.length < PROJECT_LIMITS.fundingRows && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>添加资金来源</Button>}
            </Flex>
          )}
        </Form.List>
        <Form.Item name="stage" label="进度" style={{ marginTop: 12 }} rules={[{ required: true, message: '请选择进度' }]}><Select options={STAGE_OPTIONS} /></Form.Item>
        <Flex gap={8} wrap>
          {PROJECT_STAGES.slice(0, reached + 1).map((s) => {
            const field = PROJECT_STAGE_DATES[s];
            return (
              <Form.Item key={field} name={field} label={PROJECT_DATE_LABELS[field]} style={{ flex: '1 1 150px' }} rules={[{ required: true, message: `请填写${PROJECT_DATE_LABELS[field]}` }]}>
                <DateInput max={todayInShanghai()} />
              </Form.Item>
            );
          })}
        </Flex>
        {reached >= 2 && <Form.Item name="acceptanceNote" label="验收意见" rules={rulesFor(ProjectInputSchema, 'acceptanceNote')}><Input.TextArea rows={2} {...textPropsOf(ProjectInputSchema, 'acceptanceNote')} /></Form.Item>}
        <Form.Item name="fourTwoId" label="四议两公开(经过时选择)">
          <Select allowClear placeholder={options.data?.fourTwo.length ? '选择本村的四议两公开事项' : '本村暂无四议两公开事项'} options={withLinked(options.data?.fourTwo.map((f) => ({ value: f.id, label: f.title })), project?.fourTwo && { value: project.fourTwo.id, label: project.fourTwo.title })}
/>
        </Form.Item>
        <Form.Item name="disclosureId" label="三务公开(账目已公开时选择)">
          <Select allowClear placeholder={options.data?.disclosures.length ? '选择本村已公开的事项' : '本村暂无已公开的事项'} options={withLinked(options.data?.disclosures.map((d) => ({ value: d.id, label: `${d.title}(${d.period})` })), project?.disclosure && { value: project.disclosure.id, label: `${project.disclosure.title}(${project.disclosure.period})` })}
/>
        </Form.Item>
        <Form.Item name="note" label="备注" rules={rulesFor(ProjectInputSchema, 'note')}><Input.TextArea rows={2} {...textPropsOf(ProjectInputSchema, 'note')} /></Form.Item>
        {editable && <Space><Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button><Button onClick={onClose}>关闭</Button></Space>}
      </Form>
      {project && (<><Divider /><ProjectIncomes project={project} /><Divider /><ProjectPhotos project={project} /></>)}
    </Drawer>
  );
}
