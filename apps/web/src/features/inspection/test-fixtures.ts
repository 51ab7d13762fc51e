import type { InspectionItem, InspectionResult, InspectionRoundDetail, RectificationDetail, RectificationSummary } from './api';

export const ITEMS: InspectionItem[] = [
  { key: 'disclosure', label: '三务公开', lookAt: '党务、村务、财务按时公开', isDefault: true },
  { key: 'micro_power', label: '小微权力清单', lookAt: '清单和流程图上墙', isDefault: true },
  { key: 'duty_roster', label: '坐班值班', lookAt: '村干部按排班在岗', isDefault: true },
  { key: 'cleanliness', label: '清洁净化', lookAt: '阵地整洁', isDefault: true },
];

export function result(partial: Partial<InspectionResult> & Pick<InspectionResult, 'id' | 'itemKey' | 'outcome'>): InspectionResult {
  return {
    note: null, recordedAt: '2026-10-20T02:00:00.000Z', recordedByName: '赵纪检', photos: [], rectificationId: null, rectificationStatus: null,
    ...partial,
  };
}

export function round(partial: Partial<InspectionRoundDetail> = {}): InspectionRoundDetail {
  return {
    id: 9, title: '2026年第四季度联督联查', startsOn: '2026-10-20', endsOn: '2026-10-31', status: 'open',
    team: [
      { name: '赵纪检', department: 'discipline' },
      { name: '钱组织', department: 'organization_dept' },
      { name: '孙民政', department: 'civil_affairs' },
    ],
    progress: { villages: 2, expected: 8, recorded: 3, findings: 1, openRectifications: 1, escalated: 0 },
    items: ITEMS,
    closedAt: null,
    villages: [
      {
        organizationId: 3, organizationName: '营子村党支部',
        results: [
          result({ id: 31, itemKey: 'disclosure', outcome: 'finding', note: '第三季度财务未公开', rectificationId: 71, rectificationStatus: 'open' }),
          result({ id: 32, itemKey: 'micro_power', outcome: 'ok' }),
        ],
      },
      { organizationId: 5, organizationName: '王庄村党支部', results: [result({ id: 33, itemKey: 'disclosure', outcome: 'ok' })] },
    ],
    can: { record: true, close: true },
    ...partial,
  };
}

export function rectificationSummary(partial: Partial<RectificationSummary> & Pick<RectificationSummary, 'id'>): RectificationSummary {
  return {
    roundId: 9, roundTitle: '2026年第四季度联督联查', resultId: 31, organizationId: 3, organizationName: '营子村党支部',
    itemKey: 'disclosure', itemLabel: '三务公开', description: '第三季度财务未公开', ownerName: '李会计', dueOn: '2026-11-04',
    requiredEvidence: '补公开后的公开栏照片', status: 'open', acceptedOn: null, late: false, escalated: false, daysOverdue: 0,
    ...partial,
  };
}

export function rectification(partial: Partial<RectificationDetail> = {}): RectificationDetail {
  return {
    ...rectificationSummary({ id: 71 }),
    resultPhotos: [{ id: 501, name: '公开栏.jpg', mime: 'image/jpeg', size: 20480, uploadedAt: '2026-10-20T02:00:00.000Z' }],
    events: [],
    can: { submitEvidence: true, review: false },
    ...partial,
  };
}
