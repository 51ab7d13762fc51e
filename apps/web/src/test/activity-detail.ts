import type { ActivityDetail } from '@dj/contracts';

/** A minimal activity detail, as POST /reviews and /responses answer. */
export function activityDetail(partial: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    id: 41, organizationId: 3, organizationName: '王庄村党支部', groupId: null, groupName: null, kind: 'theme_day', countsFor: [], countedAs: ['theme_day'],
    heldOn: '2026-07-10', place: '村党群服务中心', topic: '学习党章', host: null, recorder: null, lecturer: null, status: 'held', isDemo: true,
    attendance: { present: 0, excused: 0, absent: 0 }, reviewStatus: 'signed_off', supervisorUserId: 9,
    agenda: null, minutes: null, resolutions: null, attendances: [], expected: [],
    can: { edit: false, review: true, assignSupervisor: false },
    agendaParts: [], guests: [], supervisor: null, reviews: [], responses: [], files: [], checklists: [], quorum: null, votes: [], upload: null, appraisal: null,
    ...partial,
  };
}
