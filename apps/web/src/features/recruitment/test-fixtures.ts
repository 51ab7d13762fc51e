import type { Board, Recruitment, RecruitmentStep, StepRecord } from './api';

const step = (code: string, name: string, stage: number, position: number, actor: RecruitmentStep['actor'], recorded = false, extra: Partial<RecruitmentStep> = {}): RecruitmentStep => ({
  code, name, stage, position, actor, requiredDocuments: [], required: true, repeatable: false, isCentral: true,
  guidance: `${name}的工作要求`, recorded, ...extra,
});

export const STEPS: RecruitmentStep[] = [
  step('application', '递交入党申请书', 1, 1, 'applicant', true),
  step('talk', '党组织派人谈话', 1, 2, 'branch', true),
  step('activist', '推荐和确定入党积极分子', 2, 3, 'branch_committee', false, {
    guidance: '采取党员推荐、群团组织推优等方式产生人选,由支部委员会研究决定(第八条)。',
  }),
  step('activist_review', '培养教育考察', 2, 4, 'branch', false, { repeatable: true }),
  step('candidate', '确定发展对象', 3, 5, 'branch_committee'),
  step('training', '开展集中培训', 3, 6, 'party_committee'),
  step('admission_meeting', '支部大会讨论', 4, 7, 'branch_meeting'),
  step('placement', '编入党支部和党小组', 5, 8, 'branch'),
];

export function record(partial: Partial<StepRecord> & Pick<StepRecord, 'id' | 'stepCode' | 'stepName' | 'occurredOn'>): StepRecord {
  return {
    stage: 1, decidedBy: null, note: null, details: {}, warnings: [], recordedByName: '王书记', recordedAt: '2026-03-01T02:00:00.000Z', files: [], voidable: false, outcome: null,
    ...partial,
  };
}

export function recruitment(partial: Partial<Recruitment> = {}): Recruitment {
  return {
    id: 77, name: '刘晓明', gender: 'male', birthDate: '1998-04-02', organizationId: 3, organizationName: '王庄村党支部',
    status: 'active', phase: 'applicant', stage: 1, lastStepName: '党组织派人谈话', lastStepOn: '2026-03-20',
    next: { code: 'activist', name: '推荐和确定入党积极分子', earliest: '2026-04-01', dueBy: null },
    deadline: null, memberId: null, isDemo: false,
    idNumberMasked: '370402********1234', phoneMasked: '139****0000', education: 'college', occupation: 'farmer', stoppedReason: null,
    steps: STEPS,
    records: [
      record({ id: 1, stepCode: 'application', stepName: '递交入党申请书', occurredOn: '2026-03-01' }),
      record({
        id: 2, stepCode: 'talk', stepName: '党组织派人谈话', occurredOn: '2026-03-20', decidedBy: 'branch',
        details: { talker: '王书记', summary: '入党动机端正' },
        warnings: [{ rule: 'talk_within_month', message: '收到入党申请书后超过一个月才谈话', source: '细则第七条' }],
        files: [{ id: 5, name: '谈话记录.pdf', size: 20480 }],
      }),
    ],
    voidedRecords: [],
    nextSteps: [
      { code: 'activist', name: '推荐和确定入党积极分子', earliest: '2026-04-01', dueBy: '2026-12-31' },
      { code: 'training', name: '开展集中培训', earliest: null, dueBy: null },
    ],
    deadlines: [{ label: '确定入党积极分子', date: '2026-12-31', status: 'due_soon', binding: false, source: '本镇设置' }],
    relations: [],
    notices: [],
    can: { record: true, recordCommitteeSteps: false, stop: true },
    ...partial,
  };
}

export const BOARD: Board = {
  year: 2026,
  branches: [
    {
      organizationId: 3, organizationName: '王庄村党支部', quota: 2,
      counts: { applicant: 4, activist: 3, candidate: 1, probationary: 2 },
      admittedThisYear: 1, dueSoon: 1, late: 2,
    },
    {
      organizationId: 5, organizationName: '镇政府办公室党支部', quota: null,
      counts: { applicant: 0, activist: 1, candidate: 0, probationary: 0 },
      admittedThisYear: 0, dueSoon: 0, late: 0,
    },
  ],
  due: [
    { recruitmentId: 77, name: '刘晓明', organizationName: '王庄村党支部', deadline: { label: '上级党委审批', date: '2026-05-01', status: 'late', binding: true, source: '细则第二十四条' } },
    { recruitmentId: 78, name: '张丽', organizationName: '王庄村党支部', deadline: { label: '派人谈话', date: '2026-06-01', status: 'due_soon', binding: false, source: '本镇设置' } },
  ],
};
