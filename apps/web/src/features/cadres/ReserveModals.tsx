import { useState } from 'react';
import { Alert, Form, Input, Radio, Select } from 'antd';
import {
  GENDER_LABELS, RESERVE_RESULTS, RESERVE_RESULT_LABELS, RESERVE_SOURCES, RESERVE_SOURCE_LABELS, RESERVE_STAGES, RESERVE_STAGE_LABELS, VILLAGE_CADRE_POST_LABELS,
  isStepBack, todayInShanghai, type AddReserve, type Reserve, type ReserveEvaluationInput, type ReserveSource, type ReserveStage, type VillageReserves,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useAddReserve, useEvaluateReserve, useLeaveReserve, useMentorReserve, useMoveReserve } from './reserve-api';

const required = (message: string) => [{ required: true, message }];
const today = () => todayInShanghai();

/** Runs a write; a refusal goes under its field, or above the buttons. */
function useSubmit<T>(form: ReturnType<typeof Form.useForm<T>>[0], fields: string[], onClose: () => void) {
  const [serverError, setServerError] = useState<string | null>(null);
  const run = async (write: () => Promise<unknown>) => {
    setServerError(null);
    try { await write(); onClose(); } catch (e) { if (!applyFieldErrors(form, e, fields)) setServerError(errorMessage(e)); }
  };
  return { run, after: serverError && <Alert type="error" showIcon title={serverError} /> };
}

interface AddValues {
  who: 'existing' | 'new'; personId?: number; name?: string; gender?: 'male' | 'female'; birthDate?: string; idNumber?: string;
  source: ReserveSource; sourceNote?: string; enteredOn: string; mentorPostId?: number;
}

export function addBody(v: AddValues): AddReserve {
  const person = v.who === 'new'
    ? { newPerson: { name: v.name ?? '', gender: v.gender ?? 'male', birthDate: v.birthDate ?? '', idNumber: v.idNumber ?? '' } }
    : { personId: v.personId };
  return { ...person, source: v.source, sourceNote: v.sourceNote || null, enteredOn: v.enteredOn, mentorPostId: v.mentorPostId ?? null };
}

/** 列入后备人才: a person of the village (member, cadre, 发展党员) or a new one; the source; the mentor among the cadres. */
export function AddReserveModal({ data, onClose }: { data: VillageReserves; onClose: () => void }) {
  const [form] = Form.useForm<AddValues>();
  const add = useAddReserve(data.organizationId);
  const { run, after } = useSubmit(form, ['personId', 'name', 'gender', 'birthDate', 'idNumber', 'source', 'sourceNote', 'enteredOn', 'mentorPostId'], onClose);
  const who = Form.useWatch('who', form) ?? 'existing';
  return (
    <FormModal<AddValues> title={`列入后备人才:${data.name}`} open onClose={onClose} form={form} name="reserve-add" pending={add.isPending}
      initialValues={{ who: 'existing', enteredOn: today() }} onFinish={(v) => void run(() => add.mutateAsync(addBody(v)))} after={after}>
      <Form.Item name="who" label="人员">
        <Radio.Group options={[{ value: 'existing', label: '本村党员、干部或发展对象' }, { value: 'new', label: '登记新人员' }]} />
      </Form.Item>
      {who === 'existing' ? (
        <Form.Item name="personId" label="姓名" rules={required('请选择人员')}>
          <Select aria-label="姓名" showSearch={{ optionFilterProp: 'label' }} notFoundContent="没有可选的人员"
            options={data.candidates.map((c) => ({ value: c.personId, label: c.isMember ? c.name : `${c.name}(非党员)` }))} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="name" label="姓名" rules={required('请填写姓名')}><Input aria-label="新人员姓名" maxLength={20} /></Form.Item>
          <Form.Item name="gender" label="性别" rules={required('请选择性别')}>
            <Radio.Group options={(['male', 'female'] as const).map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
          </Form.Item>
          <Form.Item name="birthDate" label="出生日期" rules={required('请填写出生日期')}><DateInput aria-label="出生日期" max={today()} /></Form.Item>
          <Form.Item name="idNumber" label="身份证号" rules={required('请填写身份证号')} extra="加密保存,页面只显示部分号码"><Input aria-label="身份证号" maxLength={18} autoComplete="off" /></Form.Item>
        </>
      )}
      <Form.Item name="source" label="来源" rules={required('请选择人才来源')}>
        <Select aria-label="来源" options={RESERVE_SOURCES.map((s) => ({ value: s, label: RESERVE_SOURCE_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="sourceNote" label="来源说明"><Input aria-label="来源说明" maxLength={100} placeholder="如:返乡创业(养殖)、2023年退役" /></Form.Item>
      <Form.Item name="enteredOn" label="列入日期" rules={required('请填写列入日期')}><DateInput aria-label="列入日期" max={today()} /></Form.Item>
      <Form.Item name="mentorPostId" label="培养联系人">
        <Select aria-label="培养联系人" allowClear notFoundContent="本村尚未登记村干部"
          options={data.mentors.map((m) => ({ value: m.cadrePostId, label: `${m.name}(${VILLAGE_CADRE_POST_LABELS[m.post]})` }))} />
      </Form.Item>
    </FormModal>
  );
}

/** 调整阶段: forward freely; back to an earlier stage only with the reason. */
export function MoveReserveModal({ reserve, onClose }: { reserve: Reserve; onClose: () => void }) {
  const [form] = Form.useForm<{ toStage: ReserveStage; occurredOn: string; reason?: string }>();
  const move = useMoveReserve();
  const { run, after } = useSubmit(form, ['toStage', 'occurredOn', 'reason'], onClose);
  const to = Form.useWatch('toStage', form);
  const back = to ? isStepBack(reserve.stage, to) : false;
  return (
    <FormModal title={`调整阶段:${reserve.name}(现为${RESERVE_STAGE_LABELS[reserve.stage]})`} open onClose={onClose} form={form} name="reserve-move" pending={move.isPending}
      initialValues={{ occurredOn: today() }} onFinish={(body) => void run(() => move.mutateAsync({ id: reserve.id, body }))} after={after}>
      <Form.Item name="toStage" label="转入阶段" rules={required('请选择阶段')}>
        <Select aria-label="转入阶段" options={RESERVE_STAGES.filter((s) => s !== reserve.stage).map((s) => ({ value: s, label: `${RESERVE_STAGE_LABELS[s]}${isStepBack(reserve.stage, s) ? '(退回)' : ''}` }))} />
      </Form.Item>
      <Form.Item name="occurredOn" label="日期" rules={required('请填写日期')}><DateInput aria-label="日期" min={reserve.stageSince} max={today()} /></Form.Item>
      <Form.Item name="reason" label="原因" dependencies={['toStage']} extra={back ? '退回前一阶段须说明原因' : undefined} rules={[({ getFieldValue }) => ({
        validator: (_: unknown, value?: string) => {
          const target = getFieldValue('toStage') as ReserveStage | undefined;
          return target && isStepBack(reserve.stage, target) && (value ?? '').trim().length < 2 ? Promise.reject(new Error('退回前一阶段须说明原因(至少2个字)')) : Promise.resolve();
        },
      })]}>
        <Input.TextArea aria-label="原因" maxLength={200} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

const periodOptions = () => {
  const year = Number(today().slice(0, 4));
  return [year, year - 1].flatMap((y) => [`${y}-H2`, `${y}-H1`]).map((p) => ({ value: p, label: `${p.slice(0, 4)}年${p.endsWith('H1') ? '上' : '下'}半年` }));
};

export function EvaluateReserveModal({ reserve, onClose }: { reserve: Reserve; onClose: () => void }) {
  const [form] = Form.useForm<ReserveEvaluationInput>();
  const evaluate = useEvaluateReserve();
  const { run, after } = useSubmit(form, ['period', 'evaluatedOn', 'result', 'comment'], onClose);
  return (
    <FormModal<ReserveEvaluationInput> title={`登记考评:${reserve.name}`} open onClose={onClose} form={form} name="reserve-evaluate" pending={evaluate.isPending}
      initialValues={{ evaluatedOn: today() }} onFinish={(body) => void run(() => evaluate.mutateAsync({ id: reserve.id, body }))} after={after}>
      <Form.Item name="period" label="考评期次" rules={required('请选择考评期次')}><Select aria-label="考评期次" options={periodOptions()} /></Form.Item>
      <Form.Item name="evaluatedOn" label="考评日期" rules={required('请填写考评日期')}><DateInput aria-label="考评日期" max={today()} /></Form.Item>
      <Form.Item name="result" label="考评结果" rules={required('请选择考评结果')}>
        <Radio.Group options={RESERVE_RESULTS.map((r) => ({ value: r, label: RESERVE_RESULT_LABELS[r] }))} />
      </Form.Item>
      <Form.Item name="comment" label="考评意见" rules={[...required('请填写考评意见'), { min: 2, message: '请填写考评意见(至少2个字)' }]}>
        <Input.TextArea aria-label="考评意见" maxLength={300} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** 任用 (the post recorded first on the 村干部 page) or 退出, with the reason. */
export function LeaveReserveModal({ reserve, data, onClose }: { reserve: Reserve; data: VillageReserves; onClose: () => void }) {
  const [form] = Form.useForm<{ outcome: 'appointed' | 'exited'; occurredOn: string; reason: string; cadrePostId?: number }>();
  const leave = useLeaveReserve();
  const { run, after } = useSubmit(form, ['outcome', 'occurredOn', 'reason', 'cadrePostId'], onClose);
  const outcome = Form.useWatch('outcome', form);
  const posts = data.mentors.filter((m) => m.personId === reserve.personId);
  return (
    <FormModal title={`任用或退出:${reserve.name}`} open onClose={onClose} form={form} name="reserve-leave" pending={leave.isPending}
      initialValues={{ occurredOn: today() }} onFinish={(body) => void run(() => leave.mutateAsync({ id: reserve.id, body }))} after={after}>
      <Form.Item name="outcome" label="去向" rules={required('请选择任用或退出')}>
        <Radio.Group options={[{ value: 'appointed', label: '任用为村干部' }, { value: 'exited', label: '退出' }]} />
      </Form.Item>
      {outcome === 'appointed' && (
        <Form.Item name="cadrePostId" label="所任职务" rules={required('请选择所任职务')} extra="请先在“村干部”页登记此人的任职">
          <Select aria-label="所任职务" notFoundContent="尚未登记此人的任职" options={posts.map((m) => ({ value: m.cadrePostId, label: VILLAGE_CADRE_POST_LABELS[m.post] }))} />
        </Form.Item>
      )}
      <Form.Item name="occurredOn" label="日期" rules={required('请填写日期')}><DateInput aria-label="日期" min={reserve.stageSince} max={today()} /></Form.Item>
      <Form.Item name="reason" label="原因" rules={[...required('请填写原因'), { min: 2, message: '请填写原因(至少2个字)' }]}>
        <Input.TextArea aria-label="原因" maxLength={200} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** 更换培养联系人: a post held today in the village, or none. */
export function MentorReserveModal({ reserve, data, onClose }: { reserve: Reserve; data: VillageReserves; onClose: () => void }) {
  const [form] = Form.useForm<{ mentorPostId?: number; occurredOn: string; reason?: string }>();
  const change = useMentorReserve();
  const { run, after } = useSubmit(form, ['mentorPostId', 'occurredOn', 'reason'], onClose);
  return (
    <FormModal title={`更换培养联系人:${reserve.name}`} open onClose={onClose} form={form} name="reserve-mentor" pending={change.isPending}
      initialValues={{ occurredOn: today() }} onFinish={(v) => void run(() => change.mutateAsync({ id: reserve.id, body: { ...v, mentorPostId: v.mentorPostId ?? null } }))} after={after}>
      <Form.Item name="mentorPostId" label="培养联系人" extra="不选表示暂不指定">
        <Select aria-label="培养联系人" allowClear notFoundContent="本村尚未登记村干部"
          options={data.mentors.filter((m) => m.cadrePostId !== reserve.mentorPostId).map((m) => ({ value: m.cadrePostId, label: `${m.name}(${VILLAGE_CADRE_POST_LABELS[m.post]})` }))} />
      </Form.Item>
      <Form.Item name="occurredOn" label="日期" rules={required('请填写日期')}><DateInput aria-label="日期" min={reserve.enteredOn} max={today()} /></Form.Item>
      <Form.Item name="reason" label="原因"><Input.TextArea aria-label="原因" maxLength={200} rows={2} /></Form.Item>
    </FormModal>
  );
}
