import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, PaperClipOutlined } from '../../lib/icons';
import { DECIDING_BODY_LABELS, RECRUITMENT_STAGE_LABELS, RECRUITMENT_STAGES, type RuleMessage } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime, sizeText } from '../../lib/format';
import { FilePickButton } from '../../components/FilePickButton';
import { downloadRecruitmentFile, useUploadRecordFile, type Recruitment, type RecruitmentStep, type StepRecord } from './api';
import { detailsSummary } from './labels';
import { VoidedRecordsSection, VoidRecordModal } from './VoidedRecords';
import { STATUS_TEXT } from '../../lib/theme';


/** 未通过: the vote as counted, the article, and what the branch may do next. */
export function RecordOutcomeAlert({ outcome }: { outcome: NonNullable<StepRecord['outcome']> }) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid="record-outcome"
      title={`${outcome.label}:${outcome.message}(${outcome.source})`}
      description={`接下来:${outcome.next}`}
    />
  );
}

/** 提醒:… (source), kept on the record: the step went ahead against advice. */
export function RecordedWarnings({ warnings }: { warnings: readonly RuleMessage[] }) {
  if (warnings.length === 0) return null;
  return (
    <Flex vertical gap={4}>
      {warnings.map((w, index) => (
        <Alert key={`${w.rule}-${index}`} type="warning" showIcon title={`提醒:${w.message}${w.source ? `(${w.source})` : ''}`} />
      ))}
    </Flex>
  );
}

type OnVoid = (record: StepRecord) => void;

function RecordView({ recruitment, record, memberNames, onVoid }: { recruitment: Recruitment; record: StepRecord; memberNames: ReadonlyMap<number, string>; onVoid: OnVoid }) {
  const { message } = App.useApp();
  const upload = useUploadRecordFile();
  const summary = detailsSummary(record.details, memberNames);
  const uploading = upload.isPending && upload.variables?.recordId === record.id;
  return (
    <Flex vertical gap={4} className="recruitment-record" data-testid={`record-${record.id}`}>
      <Flex gap={8} wrap align="center">
        {record.outcome ? <CloseCircleFilled style={{ color: STATUS_TEXT.error }} /> : <CheckCircleFilled style={{ color: STATUS_TEXT.success }} />}
        <Typography.Text strong>{record.occurredOn}</Typography.Text>
        {record.outcome && <Tag color="red">{record.outcome.label}</Tag>}
        {record.decidedBy && <Tag>{DECIDING_BODY_LABELS[record.decidedBy]}</Tag>}
        <Typography.Text type="secondary">
          {record.recordedByName ?? '—'} 于 {formatDateTime(record.recordedAt)} 记录
        </Typography.Text>
        {record.voidable && (
          <Button size="small" type="link" danger style={{ paddingInline: 0 }} aria-label={`作废:${record.stepName} ${record.occurredOn}`} onClick={() => onVoid(record)}>
            作废
          </Button>
        )}
      </Flex>
      {summary.map((line) => (
        <Typography.Text key={line}>{line}</Typography.Text>
      ))}
      {record.note && <Typography.Text type="secondary">备注:{record.note}</Typography.Text>}
      {record.outcome && <RecordOutcomeAlert outcome={record.outcome} />}
      <RecordedWarnings warnings={record.warnings} />
      <Flex gap={8} wrap align="center">
        {record.files.map((file) => (
          <Button
            key={file.id}
            type="link"
            size="small"
            icon={<PaperClipOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() =>
              downloadRecruitmentFile(recruitment.id, file.id, file.name).catch((error: unknown) => message.error(errorMessage(error)))
            }
          >
            {file.name}({sizeText(file.size)})
          </Button>
        ))}
        {recruitment.can.record && (
          <FilePickButton
            category="material"
            label={`上传材料:${record.stepName} ${record.occurredOn}`}
            size="small"
            loading={uploading}
            multiple={false}
            onFiles={([file]) =>
              upload.mutate(
                { id: recruitment.id, recordId: record.id, file },
                {
                  onSuccess: () => message.success(`已上传“${file.name}”`),
                  onError: (error) => message.error(errorMessage(error)),
                },
              )
            }
          >
            上传材料
          </FilePickButton>
        )}
      </Flex>
    </Flex>
  );
}

function StepRow({ recruitment, step, records, memberNames, onVoid }: {
  recruitment: Recruitment; step: RecruitmentStep; records: StepRecord[]; memberNames: ReadonlyMap<number, string>; onVoid: OnVoid;
}) {
  return (
    <div className="recruitment-step" data-testid={`step-${step.code}`} style={{ borderLeft: '2px solid #f0f0f0', paddingLeft: 12, paddingBottom: 8 }}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong={records.length > 0} type={records.length > 0 ? undefined : 'secondary'}>
          {step.name}
        </Typography.Text>
        {!step.required && <Tag>可选</Tag>}
        {step.repeatable && records.length > 1 && <Tag color="blue">{records.length}次</Tag>}
        {records.length === 0 && <Tag color="default">未进行</Tag>}
      </Flex>
      {records.length > 0 && (
        <Flex vertical gap={10} style={{ marginTop: 6 }}>
          {records.map((record) => (
            <RecordView key={record.id} recruitment={recruitment} record={record} memberNames={memberNames} onVoid={onVoid} />
          ))}
        </Flex>
      )}
    </div>
  );
}

/** Every step of the 细则 in order, grouped by its five stages, with what was recorded on each. */
export function RecruitmentTimeline({ recruitment }: { recruitment: Recruitment }) {
  const [voiding, setVoiding] = useState<StepRecord | null>(null);
  const memberNames = new Map(recruitment.relations.map((r) => [r.memberId, r.memberName] as const));
  const byStep = new Map<string, StepRecord[]>();
  for (const record of [...recruitment.records].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id - b.id)) {
    byStep.set(record.stepCode, [...(byStep.get(record.stepCode) ?? []), record]);
  }
  const steps = [...recruitment.steps].sort((a, b) => a.stage - b.stage || a.position - b.position);
  return (
    <Flex vertical gap={12} data-testid="recruitment-timeline">
      {RECRUITMENT_STAGES.map((stage) => {
        const inStage = steps.filter((s) => s.stage === stage);
        if (inStage.length === 0) return null;
        return (
          <Card key={stage} size="small" title={`第${'一二三四五'[stage - 1]}阶段 ${RECRUITMENT_STAGE_LABELS[stage]}`}>
            <Flex vertical gap={8}>
              {inStage.map((step) => (
                <StepRow key={step.code} recruitment={recruitment} step={step} records={byStep.get(step.code) ?? []} memberNames={memberNames} onVoid={setVoiding} />
              ))}
            </Flex>
          </Card>
        );
      })}
      <VoidedRecordsSection recruitment={recruitment} />
      {voiding && <VoidRecordModal recruitment={recruitment} record={voiding} onClose={() => setVoiding(null)} />}
    </Flex>
  );
}
