import { useState } from 'react';
import { Button, Typography } from 'antd';
import { AwayRevealResultSchema, AwayRevealSchema } from '@dj/contracts';
import { ReasonModal } from '../../components/ReasonModal';
import { StepUpModal } from '../../components/StepUpModal';
import { apiSend } from '../../lib/api-client';
import { rulesFor } from '../../lib/contract-rules';
import { isStepUpRequired } from '../../lib/session';

const reasonRules = rulesFor(AwayRevealSchema, 'reason');

/**
 * 查看完整号码 of a person away or a liaison contact: a reason, the password again when the session has not re-entered it
 * lately (STEP_UP_REQUIRED), then the number, shown here only; every try is in the audit log.
 */
export function AwayRevealButton({ url, masked }: { url: string; masked: string }) {
  const [asking, setAsking] = useState(false);
  const [stepUp, setStepUp] = useState<{ reason: string; message: string } | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const reveal = async (reason: string) => {
    setPending(true);
    try {
      const res = await apiSend('POST', url, AwayRevealResultSchema, { reason });
      setValue(res.value ?? '未登记');
      return '已显示完整号码,本次查看已记入审计日志';
    } catch (error) {
      if (isStepUpRequired(error)) setStepUp({ reason, message: error.message });
      throw error;
    } finally {
      setPending(false);
    }
  };
  if (value) return <Typography.Text copyable>{value}</Typography.Text>;
  return (
    <span>
      {masked}
      <Button type="link" size="small" onClick={() => setAsking(true)}>查看完整号码</Button>
      {asking && (
        <ReasonModal title="查看完整号码" okText="查看" subject="完整号码只在本页显示,查看原因和时间记入审计日志。" label="查看原因" rules={reasonRules}
          placeholder="如:联系本人核实务工情况" field="reason" pending={pending} onSubmit={reveal} onClose={() => setAsking(false)} />
      )}
      {stepUp && (
        <StepUpModal open message={stepUp.message} onClose={() => setStepUp(null)} onSteppedUp={() => {
          const { reason } = stepUp;
          setStepUp(null);
          void reveal(reason).then(() => setAsking(false), () => undefined);
        }} />
      )}
    </span>
  );
}
