import type { Disclosure, DisclosureBoard, DisclosureSummary } from './api';

export function summary(partial: Partial<DisclosureSummary> & Pick<DisclosureSummary, 'id'>): DisclosureSummary {
  return {
    organizationId: 3, organizationName: '王庄村党支部', category: 'finance', ruleKey: 'finance_monthly', period: '2026-10',
    title: '2026年10月财务收支公开', status: 'draft', corrected: false, supersedesId: null, publishedAt: null,
    updatedAt: '2026-11-02T02:00:00.000Z', isDemo: false,
    ...partial,
  };
}

export function disclosure(partial: Partial<Disclosure> = {}): Disclosure {
  return {
    ...summary({ id: 41 }),
    content: '本月收入12000元,支出8000元。',
    table: { header: ['日期', '摘要', '金额'], rows: [['2026-10-05', '保洁费', '800']] },
    returnReason: null, submittedAt: null, reviewedAt: null, approvedAt: null, supersededById: null,
    files: [{ id: 7, name: '凭证.pdf', mime: 'application/pdf', size: 40960, uploadedAt: '2026-11-02T02:00:00.000Z' }],
    events: [],
    scan: { ok: true, findings: [], warnings: [] },
    can: { edit: true, submit: true, review: false, approve: false, publish: false, return: false, correct: false },
    ...partial,
  };
}

export const BOARD: DisclosureBoard = {
  today: '2026-11-06',
  branches: [
    {
      organizationId: 3, organizationName: '王庄村党支部', villageName: '王庄村',
      items: [
        { ruleKey: 'finance_monthly', label: '财务收支(每月)', category: 'finance', period: '2026-10', dueOn: '2026-11-10', status: 'due_soon', disclosureId: 41, missed: [] },
        { ruleKey: 'village_quarterly', label: '村务一般事项(每季度)', category: 'village', period: '2026-Q3', dueOn: '2026-10-10', status: 'late', disclosureId: null, missed: [{ period: '2026-Q2', dueOn: '2026-07-10' }] },
        { ruleKey: 'party_quarterly', label: '党务(每季度)', category: 'party', period: '2026-Q3', dueOn: '2026-10-10', status: 'done', disclosureId: 40, missed: [] },
        { ruleKey: 'party_yearly', label: '党务(每年)', category: 'party', period: '2025', dueOn: '2026-01-10', status: 'due', disclosureId: null, missed: [] },
      ],
      late: 1, dueSoon: 1,
    },
  ],
};
