import { Form, Input, Radio, Select } from 'antd';
import {
  DiscussMatterSchema, EscalateMatterSchema, HandleMatterSchema, MATTER_FORUMS, MATTER_FORUM_LABELS, MATTER_LIMITS, MATTER_RATINGS, MATTER_RATING_LABELS,
  MatterStepSchema, addDays, todayInShanghai, type Matter,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { useMatterLinks, useStage, type StageAction } from './api';
import { meetingLabel } from './RaiseMatterModal';

type Values = Record<string, unknown>;
const TITLES: Record<StageAction, string> = { discuss: '议事', steps: '登记办理进展', handle: '办结', escalate: '上报镇党委', rate: '群众评议' };
/** The default 办结期限 shown in the form (the town's matters.handleDays is applied by the server on a reopening). */
const DEFAULT_DAYS = 15;

/** One stage's form: each action in a modal, the server's refusal shown under it. */
export function StageModal({ matter, action, onClose }: { matter: Matter; action: StageAction; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useStage(matter.id, action);
  const links = useMatterLinks(action === 'discuss' ? matter.organizationId : null);
  const today = todayInShanghai();
  const initial: Record<StageAction, Values> = {
    discuss: { discussedOn: today, forum: 'say_day', dueOn: addDays(today, DEFAULT_DAYS), ownerName: matter.ownerName ?? undefined, discussion: matter.discussion ?? undefined },
    steps: { on: today }, handle: { handledOn: today }, escalate: {}, rate: { ratedOn: today, rating: 'satisfied' },
  };
  const rating = Form.useWatch('rating', form);
  return (
    <FormModal<Values>
      title={TITLES[action]} open onClose={onClose} form={form} name={`matter-${action}`} pending={mutation.isPending} okText={TITLES[action]}
      initialValues={initial[action]} danger={action === 'escalate'}
      onFinish={(v) => mutation.mutate(v as never, { onSuccess: onClose })}
      after={mutation.isError ? <div style={{ color: '#c8161d' }}>{errorMessage(mutation.error)}</div> : null}
    >
      {action === 'discuss' && (
        <>
          <Form.Item name="discussedOn" label="议事日期" rules={rulesFor(DiscussMatterSchema, 'discussedOn')}><DateInput max={today} min={matter.raisedOn} /></Form.Item>
          <Form.Item name="forum" label="议事形式" rules={rulesFor(DiscussMatterSchema, 'forum')}>
            <Select options={MATTER_FORUMS.map((f) => ({ value: f, label: MATTER_FORUM_LABELS[f] }))} />
          </Form.Item>
          <Form.Item name="activityId" label="议事会议(可不选)">
            <Select allowClear loading={links.isLoading} options={(links.data?.meetings ?? []).map((m) => ({ value: m.id, label: meetingLabel(m) }))} />
          </Form.Item>
          <Form.Item name="discussion" label="议事意见" rules={rulesFor(DiscussMatterSchema, 'discussion')}><Input.TextArea rows={3} {...textPropsOf(DiscussMatterSchema, 'discussion')} /></Form.Item>
          <Form.Item name="ownerName" label="责任人" rules={rulesFor(DiscussMatterSchema, 'ownerName')}><Input {...textPropsOf(DiscussMatterSchema, 'ownerName')} /></Form.Item>
          <Form.Item name="dueOn" label="办结期限" rules={rulesFor(DiscussMatterSchema, 'dueOn')}><DateInput min={today} /></Form.Item>
          <Form.Item name="fourTwoId" label="四议两公开(重大事项需经四议两公开的)">
            <Select allowClear loading={links.isLoading} options={(links.data?.fourTwo ?? []).map((f) => ({ value: f.id, label: f.title }))} />
          </Form.Item>
          <Form.Item name="reply" label="答复群众(公开进度页显示)" rules={rulesFor(DiscussMatterSchema, 'reply')}><Input.TextArea rows={2} {...textPropsOf(DiscussMatterSchema, 'reply')} /></Form.Item>
        </>
      )}
      {action === 'steps' && (
        <>
          <Form.Item name="on" label="日期" rules={rulesFor(MatterStepSchema, 'on')}><DateInput max={today} /></Form.Item>
          <Form.Item name="text" label="办理进展" rules={rulesFor(MatterStepSchema, 'text')}><Input.TextArea rows={3} {...textPropsOf(MatterStepSchema, 'text')} /></Form.Item>
        </>
      )}
      {action === 'handle' && (
        <>
          <Form.Item name="handledOn" label="办结日期" rules={rulesFor(HandleMatterSchema, 'handledOn')}><DateInput max={today} /></Form.Item>
          <Form.Item name="result" label="办理结果" rules={rulesFor(HandleMatterSchema, 'result')}><Input.TextArea rows={3} {...textPropsOf(HandleMatterSchema, 'result')} /></Form.Item>
          <Form.Item name="reply" label="答复群众(公开进度页显示)" rules={rulesFor(HandleMatterSchema, 'reply')}><Input.TextArea rows={2} {...textPropsOf(HandleMatterSchema, 'reply')} /></Form.Item>
        </>
      )}
      {action === 'escalate' && (
        <Form.Item name="reason" label="上报原因(村里解决不了的)" rules={rulesFor(EscalateMatterSchema, 'reason')}><Input.TextArea rows={3} {...textPropsOf(EscalateMatterSchema, 'reason')} /></Form.Item>
      )}
      {action === 'rate' && (
        <>
          <Form.Item name="ratedOn" label="评议日期" rules={[{ required: true, message: '请选择评议日期' }]}><DateInput max={today} /></Form.Item>
          <Form.Item name="rating" label="群众评议" rules={[{ required: true, message: '请选择评议结果' }]}>
            <Radio.Group options={MATTER_RATINGS.map((r) => ({ value: r, label: MATTER_RATING_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="reason" label={rating === 'dissatisfied' ? '不满意的理由' : '理由(可不填)'}
            rules={[{ required: rating === 'dissatisfied', message: '不满意时请填写理由' }, { max: MATTER_LIMITS.reason, message: `理由不能超过${MATTER_LIMITS.reason}个字` }]}>
            <Input.TextArea rows={2} showCount maxLength={MATTER_LIMITS.reason} />
          </Form.Item>
          {rating === 'dissatisfied' && !matter.reopened && <div style={{ color: '#666' }}>第一次评议不满意的,事项将重新办理。</div>}
        </>
      )}
    </FormModal>
  );
}
