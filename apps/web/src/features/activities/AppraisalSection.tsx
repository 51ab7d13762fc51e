import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Segmented, Tag, Typography } from 'antd';
import { APPRAISAL_GRADE_TEXT, APPRAISAL_GRADE_VALUES } from '@dj/contracts';
import { ApiError, errorMessage } from '../../lib/api-client';
import { useSaveAppraisal, type ActivityDetail } from './api';

type Grade = (typeof APPRAISAL_GRADE_VALUES)[number];

/**
 * 民主评议党员: one grade per 正式党员, 预备党员 listed but not graded. The count of 优秀 against its usual ceiling
 * is shown while choosing, so the branch sees the one-third rule before the server has to refuse anything.
 */
export function AppraisalSection({ detail, editable }: { detail: ActivityDetail; editable: boolean }) {
  const { message } = App.useApp();
  const save = useSaveAppraisal();
  const appraisal = detail.appraisal;
  const [grades, setGrades] = useState<Record<number, Grade | null>>(
    () => Object.fromEntries((appraisal?.members ?? []).map((m) => [m.memberId, m.grade ?? (m.standing === 'full' ? 'qualified' : null)])),
  );
  const [overLimit, setOverLimit] = useState(false);
  if (!appraisal) return null;
  const excellent = Object.values(grades).filter((g) => g === 'excellent').length;
  const tooMany = excellent > appraisal.excellentLimit;

  const submit = async () => {
    try {
      await save.mutateAsync({
        id: detail.id,
        grades: appraisal.members.map((m) => ({ memberId: m.memberId, grade: m.standing === 'full' ? grades[m.memberId] ?? null : null })),
        ...(overLimit ? { confirmExcellentOverLimit: true } : {}),
      });
      message.success('评议结果已保存');
    } catch (error) {
      message.error(error instanceof ApiError && error.fields[0] ? error.fields[0].message : errorMessage(error));
    }
  };

  return (
    <Card size="small" title="民主评议党员" data-testid="appraisal-section">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          参评正式党员 {appraisal.graded} 人;评为优秀的一般不超过三分之一(最多 {appraisal.excellentLimit} 人),当前 {excellent} 人。预备党员参加评议,不评定等次。
        </Typography.Text>
        {appraisal.warnings.map((w) => <Alert key={w} type="warning" showIcon title={w} />)}
        <div className="task-items">
          {appraisal.members.map((m) => (
            <Flex key={m.memberId} className="task-item" gap={8} align="center" wrap justify="space-between">
              <span>{m.name}</span>
              {m.standing === 'full' ? (
                <Segmented<Grade>
                  size="small"
                  aria-label={`${m.name}的评定等次`}
                  disabled={!editable}
                  value={grades[m.memberId] ?? 'qualified'}
                  options={APPRAISAL_GRADE_VALUES.map((g) => ({ value: g, label: APPRAISAL_GRADE_TEXT[g] }))}
                  onChange={(value) => setGrades((old) => ({ ...old, [m.memberId]: value }))}
                />
              ) : (
                <Tag>预备党员 · 不评定等次</Tag>
              )}
            </Flex>
          ))}
        </div>
        {editable && (
          <Flex gap={12} align="center" wrap>
            {tooMany && (
              <Checkbox checked={overLimit} onChange={(e) => setOverLimit(e.target.checked)}>
                优秀超过三分之一,已经支委会研究确认
              </Checkbox>
            )}
            <Button type="primary" loading={save.isPending} disabled={tooMany && !overLimit} onClick={submit}>保存评议结果</Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
