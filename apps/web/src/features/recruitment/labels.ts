import {
  DECIDING_BODY_LABELS,
  RECRUITMENT_STATUS_LABELS,
  PIPELINE_PHASE_LABELS,
  type Deadline,
  type PipelinePhase,
  type StepActor,
  type StepDetails,
} from '@dj/contracts';
import type { RecruitmentStatus } from './api';

export type DecidingBody = keyof typeof DECIDING_BODY_LABELS;

export const DEADLINE_STATUS_LABELS: Record<Deadline['status'], string> = { late: '已逾期', due_soon: '即将到期', due: '期限内' };
export const DEADLINE_STATUS_COLORS: Record<Deadline['status'], string> = { late: 'red', due_soon: 'orange', due: 'blue' };

export const PHASE_COLORS: Record<PipelinePhase, string> = { applicant: 'default', activist: 'blue', candidate: 'geekblue', probationary: 'orange' };
export const STATUS_COLORS: Record<RecruitmentStatus, string> = { active: 'blue', probationary: 'orange', confirmed: 'green', stopped: 'default' };

/** The tag of a recruitment: its pipeline phase while it runs, otherwise how it ended. */
export function phaseTag(status: RecruitmentStatus, phase: PipelinePhase | null): { label: string; color: string } {
  if (phase && (status === 'active' || status === 'probationary')) return { label: PIPELINE_PHASE_LABELS[phase], color: PHASE_COLORS[phase] };
  return { label: RECRUITMENT_STATUS_LABELS[status], color: STATUS_COLORS[status] };
}

/** Who normally decides a step, from the step's actor: the form's default for 决定机构. */
export function defaultDecidedBy(actor: StepActor): DecidingBody | undefined {
  return actor === 'applicant' ? undefined : actor;
}

export const CONCLUSION_LABELS = { pass: '合格', fail: '不合格' } as const;
export const DECISION_LABELS = { confirm: '按期转正', extend: '延长预备期', cancel: '取消预备党员资格' } as const;

/** One line of the facts recorded on a step, for the timeline. */
export function detailsSummary(details: StepDetails, memberNames?: ReadonlyMap<number, string>): string[] {
  const parts: string[] = [];
  if (details.talker) parts.push(`谈话人:${details.talker}`);
  if (details.summary) parts.push(`谈话情况:${details.summary}`);
  if (details.memberIds?.length) {
    const names = details.memberIds.map((id) => memberNames?.get(id) ?? `党员#${id}`);
    parts.push(`人员:${names.join('、')}`);
  }
  if (details.conclusion) parts.push(`政审结论:${CONCLUSION_LABELS[details.conclusion]}`);
  if (details.trainingDays !== undefined || details.trainingHours !== undefined) {
    const bits = [details.trainingDays !== undefined ? `${details.trainingDays}天` : '', details.trainingHours !== undefined ? `${details.trainingHours}学时` : ''];
    parts.push(`培训:${bits.filter(Boolean).join(' / ')}`);
  }
  if (details.certificateNo) parts.push(`结业证书:${details.certificateNo}`);
  if (details.leavingOn) parts.push(`预计离开单位:${details.leavingOn}`);
  if (details.vote) {
    const v = details.vote;
    parts.push(`表决:应到${v.eligible}人,实到${v.present}人,赞成${v.yes}、反对${v.no ?? 0}、弃权${v.abstain ?? 0}`);
  }
  if (details.decision) {
    parts.push(`决定:${DECISION_LABELS[details.decision]}${details.decision === 'extend' && details.extensionMonths ? `${details.extensionMonths}个月` : ''}`);
  }
  if (details.approved !== undefined) parts.push(`审批:${details.approved ? '批准' : '不批准'}`);
  if (details.delayReason) parts.push(`延期原因:${details.delayReason}`);
  return parts;
}
